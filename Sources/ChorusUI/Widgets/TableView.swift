/// The table every pane's list is drawn with (ratatui's `Table` over a `TableState`): a header of
/// column titles, then the rows on the page from the list's first visible row, numbers right
/// aligned, marked rows in the mark's colour with a `●`, the cursor row selected. A pane says
/// which columns it shows and what each row holds; this draws them all the same way.
struct TableView<Column: Equatable> {
    /// The columns shown: where each starts and how wide it is.
    let columns: [(Column, x: Int, width: Int)]
    /// Whether a column holds numbers, right aligned under a right-aligned title.
    let isNumber: (Column) -> Bool

    /// One row as the pane sees it.
    struct Row<ID: Hashable> {
        var id: ID
        /// Each cell's text and role; a marked row draws them in the mark's colour.
        var cell: (Column) -> (text: String, role: StyleRole)
        /// Roles that stay visible under the cursor's highlight (a search match, an expired licence).
        var keepsUnderCursor: Set<StyleRole> = []
        /// A sign in the first column of a row that is not marked (an overdue draft's `!`).
        var flag: (text: String, role: StyleRole)? = nil
        /// Drawn after the cells and before the cursor's highlight (a sparkline, a match, the working wave's `▸`);
        /// told the row's line and whether it is marked.
        var extra: ((inout Grid, _ y: Int, _ isMarked: Bool) -> Void)? = nil
    }

    func drawHeader(_ grid: inout Grid, y: Int, from rect: Rect, title: (Column) -> String) {
        grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .header)
        for (column, x, width) in columns { put(title(column), column, x: x, y: y, width: width, role: .header, &grid) }
    }

    /// Draws the rows from `list.scroll` into `rect` until `row` says there are no more; with no
    /// rows at all, `empty` says why on the first line.
    func drawRows<ID>(_ grid: inout Grid, _ rect: Rect, list: ListState<ID>, count: Int, empty: @autoclosure () -> String,
                      row: (Int) -> Row<ID>?) {
        if count == 0 {
            grid.put(" " + empty(), x: rect.x, y: rect.y, width: rect.width, role: .mutedText)
            return
        }
        for line in 0..<max(0, rect.height) {
            let index = list.scroll + line
            guard let shown = row(index) else { break }
            let y = rect.y + line
            let isMarked = list.marks.contains(shown.id)
            for (column, x, width) in columns {
                let (text, role) = shown.cell(column)
                put(text, column, x: x, y: y, width: width, role: isMarked ? .marked : role, &grid)
            }
            shown.extra?(&grid, y, isMarked)
            if index == list.cursor {
                grid.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection, keeping: shown.keepsUnderCursor)
            }
            if isMarked {
                grid.put("●", x: rect.x, y: y, role: .marked)
            } else if let flag = shown.flag {
                grid.put(flag.text, x: rect.x, y: y, role: flag.role)
            }
        }
    }

    private func put(_ text: String, _ column: Column, x: Int, y: Int, width: Int, role: StyleRole, _ grid: inout Grid) {
        if isNumber(column) {
            grid.putRight(text, maxX: x + width, y: y, width: width, role: role)
        } else {
            grid.put(text, x: x, y: y, width: width, role: role)
        }
    }
}
