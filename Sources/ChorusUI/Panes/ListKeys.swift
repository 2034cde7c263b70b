import ChorusCore

/// What the list keys every pane shares do (j/k, g/G, pages, `/`, Space, Enter, Esc, `w`, `I`):
/// their bindings carry these handlers, which ask the shown pane through `ListPane` — the same
/// key, each pane's own rows (lazygit's `ListControllerTrait`).
enum ListKeys {
    /// The movement keys over the shown pane's rows.
    static func move(_ movement: Action, _ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        func move<P: ListPane>(_ kind: P.Type) { kind.move(movement, &state, context: context) }
        move(state.pane.kind)
        return []
    }

    /// `/`: type the shown pane's filter.
    static func filter(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        func filter<P: ListPane>(_ kind: P.Type) { state[keyPath: kind.state].list.filter.isEditing = true }
        filter(state.pane.kind)
        return []
    }

    static func toggleMark(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.pane.kind.toggleMark(&state, context: context)
        return []
    }

    static func openDetail(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.pane.kind.openDetail(&state, context: context)
        return []
    }

    /// Esc: closes a prompt or an overlay, else backs out of the pane's marks, then its filter,
    /// then its other filters.
    static func back(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        if state.prompt != nil {
            state.prompt = nil
        } else if state.overlay != nil {
            state.overlay = nil
        } else {
            state.pane.kind.backOut(&state, context: context)
        }
        return []
    }

    static func nextWave(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.pane.kind.nextWave(&state, context: context)
        return []
    }

    /// `I`, in the panes that sort (its scope is theirs alone).
    static func reverseSort(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        (state.pane.kind as? any SortedPane.Type)?.reverseSort(&state)
        return []
    }

    /// The working wave, which the Pipeline and the Seeding pane show: the next one.
    static func nextWorkingWave(_ state: inout UIState, context: UpdateContext) {
        let waves = context.workspace.waves
        let index = waves.firstIndex { $0.id == state.pipeline.waveID }.map { $0 + 1 } ?? 0
        if !waves.isEmpty { showWave(waves[index % waves.count].id, &state, context: context) }
    }
}

/// A pane whose list sorts (`s` picks the column, `I` turns it round).
protocol SortedPane: ListPane {
    static func reverseSort(_ state: inout UIState)
}
