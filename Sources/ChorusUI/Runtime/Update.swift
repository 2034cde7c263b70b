import ChorusCore

/// What `update` may read besides the state: the workspace and the derived table (read only).
struct UpdateContext {
    let workspace: Workspace
    let table: PipelineRows
    let seedingTable: SeedingRows
    let approvalsTable: ApprovalsRows
    let libraryTable: LibraryRows
    let leaderboardTable: LeaderboardRows
    let ledgerTable: LedgerRows
    /// The ledger, when it is built.
    let ledger: Ledger?
    let vocabulary: CommandPalette.Vocabulary
    /// The day rights are judged on; nil only where no clock was given.
    let today: Day?
    /// Items a palette line named (`:approve SU-0124`): acted on instead of the marks or the cursor row.
    var named: NamedItems? = nil
    /// The answers naming several creators, while their queue is open (nil while being worked out).
    var surveyQueue: [AttributionResult.AmbiguousAnswer]? = nil
    /// Whether colour is off (NO_COLOR), which the theme's message says.
    var noColor = false
    /// The waves that pay on orders, as the owner of derived figures has them for now.
    var wavesPayingOnOrders: Set<WaveID> = []
    /// Whether the order history is still loading: the ledger may be built from attribution
    /// kept for this state meanwhile, but what names orders (a payout run's items) waits.
    var ordersLoading = false
}

/// Turns one key into state changes and effects. Keys go to the innermost layer first: an open
/// prompt, the filter being typed, an overlay, then the key map for the current pane.
func update(_ state: inout UIState, key: Key, context: UpdateContext) -> [Effect] {
    // A shipping run keeps the last outcome on screen while the next number is scanned.
    if case .seeding(.tracking)? = state.prompt?.purpose {} else { state.message = nil }
    if key == .control("c") {
        state.wantsQuit = true
        return []
    }
    if case .mouse(let event) = key { return MouseUpdate.handle(event, &state, context: context) }
    if case .alt(let inner) = key, !TextEntry.wordKeys.contains(key) { return escapeThen(inner, &state, context: context) }
    if case .confirm(let confirmation)? = state.prompt?.purpose { return confirmation.answer(key, &state) }
    if state.form != nil { return updateForm(&state, key: key, context: context) }
    if state.prompt != nil { return updatePrompt(&state, key: key, context: context) }
    if state.isTypingFilter(in: state.pane) {
        state.typeFilter(key)
        return []
    }
    if case .alt(let inner) = key { return escapeThen(inner, &state, context: context) }
    if case .paste = key {
        state.message = StatusMessage(.info, "pasted text goes into a prompt, a filter or a form field; nothing was run")
        return []
    }
    if Layout(size: state.size).isTooSmall {
        if key == .character("q") { state.wantsQuit = true }
        return []
    }
    if case .surveyAnswers(let cursor)? = state.overlay,
       let effects = SurveyAnswersQueue.update(&state, cursor: cursor, key: key, context: context) { return effects }
    if case .creatorDetail(let id)? = state.overlay, KeyMap.keys(for: .editCreator).contains(key) {
        openCreatorForm(id, &state, context: context)
        return []
    }
    if case .outboxPreview(let sheet)? = state.overlay, let effects = OutboxUpdate.update(&state, sheet, key: key) { return effects }
    if let overlay = state.overlay, updateOverlay(&state, overlay, key: key, workspace: context.workspace) { return [] }
    guard let action = KeyMap.action(for: key, in: state.pane) else { return [] }
    if RoleGate.refuses(action, &state, workspace: context.workspace) { return [] }
    return perform(action, &state, context: context)
}

/// Esc and a key pressed quickly arrive as one Alt key; unless a text field takes it as a word
/// key, both were meant.
private func escapeThen(_ key: Key, _ state: inout UIState, context: UpdateContext) -> [Effect] {
    update(&state, key: .escape, context: context) + update(&state, key: key, context: context)
}

/// Carries out an action from a key or from the palette: the handler its binding declares for
/// the shown pane, else the palette's way into another pane, else where it does work, else the
/// Pipeline's for its commands reached from the palette.
func perform(_ action: Action, _ state: inout UIState, context: UpdateContext) -> [Effect] {
    if let handler = KeyMap.handler(for: action, in: state.pane) { return handler(&state, context) }
    if let effects = performFromThePalette(action, &state, context: context) { return effects }
    if let reason = KeyMap.notHere(action, in: state.pane) {
        state.message = StatusMessage(.info, reason)
        return []
    }
    // The Pipeline's commands act on the working wave's creators from the palette in any pane.
    return KeyMap.handler(for: action, in: .pipeline)?(&state, context) ?? []
}

/// The palette's way into other panes, for a command typed where no binding of it works: the
/// Waves pane's views, and the commands that need a value typed after them.
private func performFromThePalette(_ action: Action, _ state: inout UIState, context: UpdateContext) -> [Effect]? {
    switch action {
    case .cycleWavesView, .cycleCohortGrouping:
        // From the palette in another pane: the Waves pane, showing what was asked for.
        state.pane = .waves
        state.waves.view = action == .cycleWavesView ? .overview : .cohorts
    case .makeCodes, .editSlug, .adjustStock, .setDueDate:
        // Palette-only commands need their value: put the command on the palette line.
        let name = KeyMap.commands.first { $0.action == action }?.command ?? ""
        state.prompt = Prompt(.command, text: name + " ")
    default:
        return nil
    }
    return []
}

/// A palette-only command with the text typed after its name.
private func perform(_ action: Action, value: String, _ state: inout UIState, context: UpdateContext) -> [Effect] {
    if action == .adjustStock { return StockUpdate.adjust(value, &state, context: context) }
    guard state.pane == .pipeline else {
        state.message = StatusMessage(.info, "that works in the Pipeline pane (1)")
        return []
    }
    // Handles first name the creators (`:slug @ana.lima ana-glow`) instead of the marks or the cursor row.
    guard let (named, value) = PaletteArguments.leadingCreators(value, &state, workspace: context.workspace) else { return [] }
    var context = context
    if !named.isEmpty { context.named = .creators(named) }
    switch action {
    case .makeCodes:
        return TrackingUpdate.makeCodes(value, &state, context: context, creators: targets(state, context: context))
    case .editSlug:
        guard named.count < 2 else {
            state.message = StatusMessage(.warning, "a link slug belongs to one creator; name one")
            return []
        }
        let id = named.first ?? context.table.creatorID(at: state.pipeline.cursor, in: context.workspace)
        return TrackingUpdate.editSlug(value, &state, context: context, creator: id)
    case .setDueDate:
        guard let change = DueDateChange(value), let wave = state.pipeline.waveID else {
            state.message = StatusMessage(.warning, "write due +7d or due 2027-01-15")
            return []
        }
        return [.command(.setDueDate(creators: targets(state, context: context), wave: wave, change: change), .plain)]
    default:
        return perform(action, &state, context: context)
    }
}

/// A pane switch (digit, Tab, palette) closes the overlay: it belongs to the pane it was
/// opened over, and left open it would swallow the new pane's keys.
func switchPane(to pane: Pane, _ state: inout UIState) -> [Effect] {
    if pane != state.pane { state.overlay = nil }
    state.pane = pane
    return []
}

/// Keys an overlay handles itself; true means the key is used up. Global keys (Esc, ?, :, q,
/// digits) pass through to the key map; list keys do not reach the list behind the overlay.
private func updateOverlay(_ state: inout UIState, _ overlay: Overlay, key: Key, workspace: Workspace) -> Bool {
    if case .parcelDetail(let id, let scroll) = overlay, let step = ParcelDetail.scroll(key) {
        let width = ParcelDetail.width(at: state.size)
        let lines = workspace.shipment(id).map { ParcelDetail(shipment: $0, workspace: workspace).lines(width: width).count } ?? 0
        state.overlay = .parcelDetail(id, scroll: max(0, min(lines - 1, scroll + step)))
        return true
    }
    if scrollOverlay(&state, overlay, key: key) { return true }
    switch (overlay, key) {
    case (.creatorDetail, .enter), (.assetDetail, .enter), (.ledgerDetail, .enter), (.parcelDetail, .enter):
        state.overlay = nil
    case (.creatorDetail, _), (.assetDetail, _), (.ledgerDetail, _)
        where [.copyRow, .openLink].contains(KeyMap.action(for: key, in: state.pane)):
        // The detail is the cursor row's: `y` and `o` work on what it shows.
        return false
    case (.payouts(let view), _):
        // The view moves over its own runs (j/k, Enter, Esc); its other keys are the Ledger's bindings (m, R, $, p).
        return KeyMap.action(for: key, in: .ledger).map { PayoutsUpdate.navigate($0, view, &state, workspace: workspace) } ?? false
    case (.submissionDetail, _) where KeyMap.action(for: key, in: .approvals) != nil:
        // The detail follows the cursor: moving and deciding work with it open, from the top of the next draft.
        if let decided = state.approvals.decidedElsewhere, let action = KeyMap.action(for: key, in: .approvals) {
            guard !DecidedElsewhere.decides(action) else {
                state.message = StatusMessage(.error, decided.refusal)
                return true
            }
            state.approvals.decidedElsewhere = nil
        }
        state.overlayScroll = 0
        return false
    default:
        return !KeyMap.bindings.contains { $0.keys.contains(key) && $0.scope == .global }
    }
    return true
}

private func updatePrompt(_ state: inout UIState, key: Key, context: UpdateContext) -> [Effect] {
    guard var prompt = state.prompt else { return [] }
    if case .seeding(let step) = prompt.purpose, step.intercepts(key, &state) { return [] }
    if case .approvals(let step) = prompt.purpose, step.isConfirmation {
        state.prompt = nil
        if key == .character("y") { return step.submit("", &state, workspace: context.workspace) }
        if key != .character("n"), key != .escape {
            state.prompt = prompt
            state.message = StatusMessage(.warning, "press y to approve or n to cancel")
        }
        return []
    }
    switch key {
    case .escape:
        state.prompt = nil
    case .tab:
        if case .library(let step) = prompt.purpose {
            state.prompt = Prompt(.library(step), text: step.tabbed(prompt.text, workspace: context.workspace,
                                                                     libraryTags: context.libraryTable.tags))
            return []
        }
        guard case .seeding(let step) = prompt.purpose else { return completeCommand(&state, prompt, context: context) }
        let (next, text) = step.tabbed(prompt.text)
        state.prompt = Prompt(.seeding(next), text: text)
        return []
    case .enter:
        state.prompt = nil
        return submit(prompt, &state, context: context)
    default:
        if prompt.entry.edit(key) { state.prompt = prompt }
    }
    return []
}

/// Tab in the `:` palette completes the command; in another prompt it does nothing.
private func completeCommand(_ state: inout UIState, _ prompt: Prompt, context: UpdateContext) -> [Effect] {
    guard prompt.purpose == .command else { return [] }
    state.prompt = Prompt(.command, text: CommandPalette.complete(prompt.text, context.vocabulary))
    return []
}

private func submit(_ prompt: Prompt, _ state: inout UIState, context: UpdateContext) -> [Effect] {
    switch prompt.purpose {
    case .seeding(let step):
        return step.submit(prompt.text, &state, workspace: context.workspace)
    case .approvals(let step):
        return step.submit(prompt.text, &state, workspace: context.workspace)
    case .library(let step):
        return step.submit(prompt.text, &state)
    case .promote(let ids, let wave):
        return LeaderboardUpdate.submit(ids, wave: wave, prompt, &state, workspace: context.workspace)
    case .reconcilePayouts(let run):
        return PayoutsUpdate.submit(run: run, prompt, &state)
    case .outboxKind(let ids, let wave):
        return OutboxUpdate.submit(prompt.text, ids, wave: wave, &state)
    case .confirm:
        return []
    case .dropReason(let ids, let wave):
        guard !prompt.text.trimmingSpaces.isEmpty else {
            state.prompt = prompt
            state.message = StatusMessage(.warning, "a reason is required to drop a creator")
            return []
        }
        return [.command(.exitPipeline(creators: ids, wave: wave, stage: .dropped, reason: prompt.text.trimmingSpaces), .plain)]
    case .command:
        let outcome = CommandPalette.run(prompt.text, context.vocabulary)
        if let action = outcome.action, RoleGate.refuses(action, &state, workspace: context.workspace) { return [] }
        switch outcome {
        case .action(let action): return perform(action, &state, context: context)
        case .actionWithValue(let action, let value): return perform(action, value: value, &state, context: context)
        case .actionWithArguments(let action, let text): return PaletteArguments.perform(action, text, &state, context: context)
        case .theme(let name): ThemeUpdate.use(name, &state, context: context)
        case .wave(let id): showWave(id, &state, context: context)
        case .sort(let order): sort(&state, by: order)
        case .unknown(let line): state.message = StatusMessage(.warning, "no command \"\(line)\"; Tab lists them")
        case .refused(let reason): state.message = StatusMessage(.warning, reason)
        }
        return []
    }
}
