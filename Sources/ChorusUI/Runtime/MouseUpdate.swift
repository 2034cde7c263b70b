/// The mouse, as lazygit, k9s and htop use it: a click on a tab shows that pane, a click on a
/// row puts the cursor there, the wheel moves the cursor three rows (scrolling the list with
/// it, or the help). Clicks and the wheel go through the same actions as the keys, so a click
/// on tab 3 does exactly what `3` does. While a prompt, form or filter has the keyboard the
/// mouse does nothing: a stray click must not move what a half-typed decision applies to.
enum MouseUpdate {
    static let wheelRows = 3

    static func handle(_ event: MouseEvent, _ state: inout UIState, context: UpdateContext) -> [Effect] {
        let layout = Layout(size: state.size)
        guard state.form == nil, state.prompt == nil, !state.isTypingAFilter, !layout.isTooSmall else { return [] }
        if case .help(let scroll)? = state.overlay {
            let step = event.kind == .wheelDown ? wheelRows : event.kind == .wheelUp ? -wheelRows : 0
            state.overlay = .help(scroll: max(0, min(scroll + step, HelpOverlay.scrollLimit(for: state.pane, in: layout.body))))
            return []
        }
        guard state.overlay == nil else { return [] }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let action: Action = event.kind == .wheelDown ? .moveDown : .moveUp
            return (0..<wheelRows).flatMap { _ in perform(action, &state, context: context) }
        case .click where event.y == layout.tabBar.y:
            guard let pane = TabBar.pane(at: event.x, width: state.size.width) else { return [] }
            return perform(.showPane(pane), &state, context: context)
        case .click:
            select(rowAt: event, &state, context: context, layout: layout)
            return []
        }
    }

    private static func select(rowAt event: MouseEvent, _ state: inout UIState, context: UpdateContext, layout: Layout) {
        func area<P: ListPane>(_ kind: P.Type) -> ListArea { kind.listArea(state, context: context, layout: layout) }
        let list = area(state.pane.kind)
        guard event.x < list.maxX, event.y >= list.top, event.y < list.top + list.page else { return }
        state.select(row: event.y - list.top, of: list.rows)
    }
}
