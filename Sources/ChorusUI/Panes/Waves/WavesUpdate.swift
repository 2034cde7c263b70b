import ChorusCore

/// The Waves pane's answer to the list keys every pane shares: moving over the program's
/// waves, Enter to work in the wave under the cursor (its own keys carry their handlers in
/// `KeyMap`, see `WavesKeys`).
extension WavesPane {
    static func rows(_ state: UIState, context: UpdateContext) -> (count: Int, page: Int) {
        let waves = shown(context.workspace, filter: state.waves.filter).count
        return (waves, tableRows(at: state.size, waves: waves))
    }

    /// Moving to another wave shows its brief from the top.
    static func move(_ movement: Action, _ state: inout UIState, context: UpdateContext) {
        let (count, page) = rows(state, context: context)
        if state.waves.list.move(movement, rows: count, page: page) { state.waves.detailScroll = 0 }
    }

    static func toggleMark(_ state: inout UIState, context: UpdateContext) {
        state.message = StatusMessage(.info, "the Waves pane lists every wave; there is nothing to mark")
    }

    /// Enter: work in the wave under the cursor.
    static func openDetail(_ state: inout UIState, context: UpdateContext) {
        guard let wave = shown(context.workspace, filter: state.waves.filter)[safe: state.waves.cursor] else { return }
        state.pipeline.waveID = wave.id
        state.pipeline.marks = []
        state.pipeline.list.startOver()
        state.message = StatusMessage(.info, "working in \(wave.name): the Pipeline (1) and Seeding (2) show it")
    }

    static func backOut(_ state: inout UIState, context: UpdateContext) {
        state.waves.filter = Filter()
    }
}

/// What the Waves pane's own keys do while it is shown (`KeyMap` names them).
enum WavesKeys {
    /// `J`/`K`: half a panel of the brief down or up, when it is taller than the room under the list.
    static func scrollBrief(down: Bool, _ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        guard state.waves.view == .brief else {
            state.message = StatusMessage(.info, "J/K scroll the brief; v shows it")
            return []
        }
        let waves = WavesPane.shown(context.workspace, filter: state.waves.filter)
        guard let wave = waves[safe: state.waves.cursor] else { return [] }
        let panel = WavesPane.detailPanel(at: state.size, waves: waves.count)
        let step = max(1, panel.height / 2) * (down ? 1 : -1)
        let limit = WavesPane.detailScrollLimit(wave, workspace: context.workspace, ledger: context.ledger, panel: panel)
        guard limit > 0 else {
            state.message = StatusMessage(.info, "the whole brief is shown; J/K scroll one longer than the room under the list")
            return []
        }
        state.waves.detailScroll = min(max(0, state.waves.detailScroll + step), limit)
        return []
    }

    /// `C`: asks to copy the wave under the cursor as the next one.
    static func copyWave(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        let waves = WavesPane.shown(context.workspace, filter: state.waves.filter)
        guard let wave = waves[safe: state.waves.cursor] else { return [] }
        state.prompt = Prompt(.confirm(.copyWave(wave, into: context.workspace.nextWave(copying: wave))))
        return []
    }

    /// `v`: brief, overview or cohorts under the list.
    static func nextView(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.waves.view = state.waves.view.next
        return []
    }

    /// `b`: the cohorts grouped by the next dimension.
    static func nextCohortGrouping(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.waves.cohortDimension = state.waves.cohortDimension.next
        state.waves.view = .cohorts
        state.message = StatusMessage(.info, "cohorts by \(state.waves.cohortDimension.rawValue)")
        return []
    }
}

/// `n` (or `:new-wave` anywhere): a form for a new wave, starting as a copy of the last one.
func openNewWaveForm(_ state: inout UIState, context: UpdateContext) {
    let waves = context.workspace.waves, currency = context.workspace.program.currency
    let last = waves.last ?? Wave(id: "W1", name: "", slug: "", status: .planning, startDate: nil, endDate: nil,
                                  budget: .zero(currency), brief: Brief(), incentivePlan: IncentivePlan())
    let copy = context.workspace.nextWave(copying: last)
    let source = waves.isEmpty ? "" : " — a copy of \(last.name)"
    state.form = OpenForm(.newWave(copy), WaveForm.form(title: "New wave \(copy.id)\(source)", wave: copy, currency: currency))
}

/// `e` in the Waves pane edits the wave under the cursor; `:edit-wave` elsewhere, the wave being worked in.
func openWaveForm(_ state: inout UIState, context: UpdateContext) {
    let waves = WavesPane.shown(context.workspace, filter: state.waves.filter)
    guard let wave = state.pane == .waves ? waves[safe: state.waves.cursor] : state.pipeline.waveID.flatMap(context.workspace.wave) else {
        return state.message = StatusMessage(.warning, "no wave to edit; n starts one")
    }
    state.form = OpenForm(.editWave(wave.id), WaveForm.form(title: "Edit \(wave.name)", wave: wave, currency: context.workspace.program.currency))
}
