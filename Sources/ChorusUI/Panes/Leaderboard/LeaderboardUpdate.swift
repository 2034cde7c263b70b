import ChorusCore

/// The Leaderboard's answer to the list keys every pane shares: its ranked rows, marks and the
/// wave (its own keys carry their handlers in `KeyMap+Leaderboard`).
extension LeaderboardPane: SortedPane {
    static func rows(_ state: UIState, context: UpdateContext) -> (count: Int, page: Int) {
        (context.leaderboardTable.count, tableRows(at: state.size))
    }

    static func toggleMark(_ state: inout UIState, context: UpdateContext) {
        let table = context.leaderboardTable
        guard let id = table.entry(at: state.leaderboard.cursor)?.row.creatorID else { return }
        state.leaderboard.list.toggleMark(id, rows: table.count, page: tableRows(at: state.size))
    }

    static func openDetail(_ state: inout UIState, context: UpdateContext) {
        if let id = context.leaderboardTable.entry(at: state.leaderboard.cursor)?.row.creatorID { state.overlay = .creatorDetail(id) }
    }

    static func backOut(_ state: inout UIState, context: UpdateContext) {
        if !state.leaderboard.marks.isEmpty {
            state.leaderboard.marks = []
        } else {
            state.leaderboard.filter = Filter()
            state.leaderboard.list.startOver()
        }
    }

    /// `w`: ranks the next wave's creators.
    static func nextWave(_ state: inout UIState, context: UpdateContext) {
        let waves = context.workspace.waves
        guard !waves.isEmpty else { return }
        let index = waves.firstIndex { $0.id == LeaderboardUpdate.wave(state) }.map { $0 + 1 } ?? 0
        state.leaderboard.wave = waves[index % waves.count].id
        state.leaderboard.marks = []
        state.leaderboard.list.startOver()
        state.message = StatusMessage(.info, "ranking \(waves[index % waves.count].name)")
    }

    static func reverseSort(_ state: inout UIState) {
        state.leaderboard.sortReversed.toggle()
        state.leaderboard.list.startOver()
        let order = state.leaderboard.sortReversed ? ", worst first" : ""
        state.message = StatusMessage(.info, "ranked by \(state.leaderboard.metric.rawValue)\(order)")
    }
}

enum LeaderboardUpdate {
    /// `s`: rank by the next metric.
    static func nextMetric(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.leaderboard.metric = state.leaderboard.metric.next
        state.leaderboard.sortReversed = false
        state.leaderboard.list.startOver()
        state.message = StatusMessage(.info, "ranked by \(state.leaderboard.metric.rawValue)")
        return []
    }

    /// `P`: asks for the incentive change that promotes the marked creators into the next wave.
    static func promote(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        let table = context.leaderboardTable
        let ids = context.named?.creators ?? (state.leaderboard.marks.isEmpty ? table.entry(at: state.leaderboard.cursor).map { [$0.row.creatorID] } ?? []
                                                                              : state.leaderboard.marks.sorted())
        guard !ids.isEmpty else {
            state.message = StatusMessage(.warning, "no creator to promote")
            return []
        }
        guard let next = nextWave(after: wave(state), in: context.workspace) else {
            state.message = StatusMessage(.warning, "there is no open wave after this one; create it in Waves (7)")
            return []
        }
        state.prompt = Prompt(.promote(ids, wave: next.id), text: "+5")
        return []
    }

    /// The wave being ranked: the pane's own choice, else the console's working wave.
    static func wave(_ state: UIState) -> WaveID? { state.leaderboard.wave ?? state.pipeline.waveID }

    /// Where winners are promoted: the first wave after `wave` that is not closed.
    static func nextWave(after wave: WaveID?, in workspace: Workspace) -> Wave? {
        guard let position = workspace.waves.firstIndex(where: { $0.id == wave }) else { return nil }
        return workspace.waves[(position + 1)...].first { $0.status != .closed }
    }

    /// The promote prompt's line: who, where, and the change as typed, all in one sentence.
    static func promptLine(_ ids: [CreatorID], wave: WaveID, text: String, workspace: Workspace) -> PromptLine {
        let who = ids.count == 1 ? workspace.creator(ids[0]).map { "@" + $0.handle } ?? "1 creator" : "\(ids.count) creators"
        let change = IncentiveChange(parsing: text, currency: workspace.program.currency)
        let reading = change.map { "= \($0.label)" } ?? "e.g. +5 · bonus 50 at 20 orders"
        return PromptLine(" Promote \(who) into \(workspace.wave(wave)?.name ?? wave.rawValue) with: ", "  \(reading) · Enter promotes · Esc cancels")
    }

    /// Enter at the promote prompt: the command, or the prompt kept with a warning.
    static func submit(_ ids: [CreatorID], wave: WaveID, _ prompt: Prompt, _ state: inout UIState, workspace: Workspace) -> [Effect] {
        guard let change = IncentiveChange(parsing: prompt.text, currency: workspace.program.currency) else {
            state.prompt = prompt
            state.message = StatusMessage(.warning, "type a change such as +5 (commission points) or bonus 50 at 20 orders")
            return []
        }
        return [.command(.promote(creators: ids, wave: wave, change: change), .plain)]
    }
}
