import ChorusCore

/// The UI core's one entry point: every event — a key, a new size, what came of an effect,
/// news from elsewhere — changes the state here and nowhere else, and returns the effects the
/// `Console` is to carry out. After each event the figures the screen now needs are asked for
/// (`Effect.derive`), so drawing only ever reads them.
func update(_ state: inout UIState, _ event: ConsoleEvent, context: UpdateContext) -> [Effect] {
    var effects: [Effect] = []
    switch event {
    case .key(let key):
        effects = update(&state, key: key, context: context)
    case .resize(let size):
        state.size = size
    case .scanBurstDropped:
        state.message = StatusMessage(.warning, ScanBurst.refusal)
    case .commandApplied(let outcome):
        effects = CommandOutcomeUpdate.applied(outcome, &state)
        WorkingWave.keepOne(&state, workspace: context.workspace)
    case .commandRefused(_, let intent, let reason):
        CommandOutcomeUpdate.refused(intent, reason: reason, &state)
    case .commandKeptPending(_, let reason, let pending):
        state.pendingCommands = pending
        state.message = StatusMessage(.warning, "kept as pending until \(reason)"
                                      + (pending == 1 ? "; it is done then" : "; \(pending) changes are pending, done then in the order typed"))
    case .pendingCommandsLeft(let pending):
        state.pendingCommands = pending
    case .colleaguesWorkLoading(let work):
        let was = state.colleaguesWorkLoading
        state.colleaguesWorkLoading = work
        if let work {
            showNews(work, &state)
        } else if let was, let news = state.news, state.message == news.shown, news.shown.text.hasSuffix(was) {
            state.message = news.after  // it brought nothing to show: what was said before comes back
            state.news = nil
        }
    case .notFollowing(let reason):
        state.notFollowing = reason
    case .derivedReady:
        break
    case .entriesArrived(let changes):
        state.colleaguesWorkLoading = nil
        WorkingWave.keepOne(&state, workspace: context.workspace)
        // Said after the outcome of the person's own last action, which must not vanish unread.
        let news = ColleagueChange.sentence(changes)
        if let current = state.message, current.kind != .info {
            state.message = StatusMessage(current.kind, current.text + " · " + news)
        } else {
            state.message = StatusMessage(.info, news)
        }
    case .openDraftDecided(let decided):
        state.approvals.decidedElsewhere = decided
    case .news(let news):
        showNews(news, &state)
    case .warning(let text):
        state.message = StatusMessage(.warning, text)
    case .historyRead(let lines):
        state.overlay = .history(lines, scrolledUp: 0)
    case .outboxPreviewed(let sheet):
        state.overlay = .outboxPreview(sheet)
    case .outboxWritten(let sheet, let folder):
        effects = [.command(.draftMessages(kind: sheet.kind, wave: sheet.waveID, creators: sheet.recipients), .outboxWritten(folder: folder))]
    case .paymentResultsRead(let run, let results):
        effects = [.command(.reconcilePayoutRun(number: run, results: results), .plain)]
    case .effectFailed(let text):
        state.message = StatusMessage(.error, text)
    }
    let needs = DerivedNeeds.shown(state, context: context)
    return needs.isEmpty ? effects : effects + [.derive(needs)]
}

/// Earlier news on screen is replaced; what the person's key said is kept in front of it.
private func showNews(_ news: String, _ state: inout UIState) {
    let own = state.message == state.news?.shown ? state.news?.after : state.message
    let shown = own.map { StatusMessage($0.kind, $0.text + " · " + news) } ?? StatusMessage(.info, news)
    state.message = shown
    state.news = BackgroundNews(shown: shown, after: own)
}
