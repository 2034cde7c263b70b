/// A list with a cursor and a first visible row. Every pane's list scrolls the same way
/// (like vim: just enough to keep the cursor on the page, never recentred).
protocol ListPosition {
    var cursor: Int { get set }
    var scroll: Int { get set }
}

extension ListPosition {
    /// Moves the cursor within `rows` rows and scrolls just enough to keep it on the page.
    mutating func moveCursor(by step: Int, rows: Int, page: Int) {
        cursor = rows == 0 ? 0 : max(0, min(rows - 1, cursor + step))
        keepCursorVisible(rows: rows, page: page)
    }

    /// The movement keys every list shares (j/k, g/G, pages, half pages); false for any other action.
    mutating func move(_ action: Action, rows: Int, page: Int) -> Bool {
        switch action {
        case .moveDown: moveCursor(by: 1, rows: rows, page: page)
        case .moveUp: moveCursor(by: -1, rows: rows, page: page)
        case .top: moveCursor(by: -Int(Int32.max), rows: rows, page: page)
        case .bottom: moveCursor(by: Int(Int32.max), rows: rows, page: page)
        case .pageDown: moveCursor(by: max(1, page - 1), rows: rows, page: page)
        case .pageUp: moveCursor(by: -max(1, page - 1), rows: rows, page: page)
        case .halfPageDown: moveCursor(by: max(1, page / 2), rows: rows, page: page)
        case .halfPageUp: moveCursor(by: -max(1, page / 2), rows: rows, page: page)
        default: return false
        }
        return true
    }

    /// After a resize, filter or workspace change: cursor in range, page scrolled to it.
    mutating func keepCursorVisible(rows: Int, page: Int) {
        cursor = rows == 0 ? 0 : max(0, min(rows - 1, cursor))
        let page = max(1, page)
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + page { scroll = cursor - page + 1 }
        scroll = max(0, min(scroll, max(0, rows - page)))
    }
}

extension PipelineState: ListPosition {}
