/// The mouse, as lazygit, k9s and htop use it: a click on a tab shows that pane, a click on a
/// row puts the cursor there, the wheel moves the cursor three rows (scrolling the list with
/// it, or the help). Clicks and the wheel go through the same actions as the keys, so a click
/// on tab 3 does exactly what `3` does. While a prompt, form or filter has the keyboard the
/// mouse does nothing: a stray click must not move what a half-typed decision applies to.
enum MouseUpdate {
    static let wheelRows = 3

    static func handle(_ event: MouseEvent, _ state: inout UIState, context: UpdateContext) -> [Effect] {
        let layout = Layout(size: state.size)
        guard state.form == nil, state.prompt == nil, !isTypingAFilter(state), !layout.isTooSmall else { return [] }
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

    private static func isTypingAFilter(_ state: UIState) -> Bool {
        [state.pipeline.filter, state.seeding.filter, state.approvals.filter, state.library.filter, state.leaderboard.filter,
         state.ledger.filter].contains { $0.isEditing }
    }

    /// The pane's list on screen: its first row's line, how many rows it has and shows, and
    /// the column where it ends (the side panel is not the list).
    private struct ListArea {
        var top: Int, rows: Int, page: Int, maxX: Int
    }

    private static func area(_ state: UIState, context: UpdateContext, layout: Layout) -> ListArea {
        let body = layout.body, main = layout.main, size = state.size
        switch state.pane {
        case .pipeline:
            return ListArea(top: main.y + PipelinePane.chromeRows, rows: context.table.count, page: PipelinePane.tableRows(at: size),
                            maxX: main.maxX)
        case .seeding:
            return ListArea(top: body.y + SeedingPane.chromeRows, rows: context.seedingTable.count,
                            page: SeedingPane.tableRows(at: size), maxX: body.maxX)
        case .approvals:
            return ListArea(top: main.y + ApprovalsPane.chromeRows, rows: context.approvalsTable.count,
                            page: ApprovalsPane.tableRows(at: size), maxX: main.maxX)
        case .library:
            return ListArea(top: body.y + LibraryPane.chromeRows, rows: context.libraryTable.count,
                            page: LibraryPane.tableRows(at: size), maxX: body.maxX)
        case .leaderboard:
            return ListArea(top: body.y + LeaderboardPane.chromeRows, rows: context.leaderboardTable.count,
                            page: LeaderboardPane.tableRows(at: size), maxX: body.maxX)
        case .ledger:
            return ListArea(top: body.y + LedgerPane.chromeRows, rows: context.ledgerTable.count,
                            page: LedgerPane.tableRows(at: size), maxX: body.maxX)
        case .waves:
            let waves = context.workspace.waves.count
            return ListArea(top: body.y + 1, rows: waves, page: WavesPane.tableRows(at: size, waves: waves), maxX: body.maxX)
        }
    }

    private static func select(rowAt event: MouseEvent, _ state: inout UIState, context: UpdateContext, layout: Layout) {
        let list = area(state, context: context, layout: layout)
        guard event.x < list.maxX, event.y >= list.top, event.y < list.top + list.page else { return }
        let line = event.y - list.top
        func click<Position: ListPosition>(_ position: inout Position) {
            let row = position.scroll + line
            if row < list.rows { position.cursor = row }
        }
        switch state.pane {
        case .pipeline: click(&state.pipeline)
        case .seeding: click(&state.seeding)
        case .approvals: click(&state.approvals)
        case .library: click(&state.library)
        case .leaderboard: click(&state.leaderboard)
        case .ledger: click(&state.ledger)
        case .waves: click(&state.waves)
        }
    }
}
