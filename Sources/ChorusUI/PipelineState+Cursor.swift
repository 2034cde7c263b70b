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

    /// The list movement keys (j/k, g/G, page and half page) over `rows` rows with `page`
    /// visible; false for any other action, which the pane then handles itself.
    mutating func move(_ action: Action, rows: Int, page: Int) -> Bool {
        let step: Int
        switch action {
        case .moveDown: step = 1
        case .moveUp: step = -1
        case .top: step = -Int(Int32.max)
        case .bottom: step = Int(Int32.max)
        case .pageDown: step = max(1, page - 1)
        case .pageUp: step = -max(1, page - 1)
        case .halfPageDown: step = max(1, page / 2)
        case .halfPageUp: step = -max(1, page / 2)
        default: return false
        }
        moveCursor(by: step, rows: rows, page: page)
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
