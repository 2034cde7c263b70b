/// One list on screen, the same in every pane (as ratatui's `TableState`, lazygit's list
/// context): the cursor, the first visible row, the marked items, the filter being typed or
/// kept, and the item under the cursor held by id while the rows change under it. Marks are
/// ids, not row numbers, so they survive filtering, re-sorting and rows regrouping.
public struct ListState<ID: Hashable & Sendable>: Hashable, Sendable {
    public var cursor = 0
    /// First visible row; kept in state so scrolling is stable like in vim, not recentred.
    public var scroll = 0
    public var marks: Set<ID> = []
    public var filter = Filter()
    /// The item the cursor was on when the rows were about to change (a command, a colleague's
    /// work), until the rows are rebuilt and it is found again.
    private(set) var held: HeldItem?

    /// The selected item by id, with its row as the fallback: if the cursor has left that row
    /// since, the person moved it and the row wins; if the item left the list, the cursor stays
    /// on the row that took its place.
    struct HeldItem: Hashable, Sendable {
        var id: ID
        var row: Int
    }

    public init() {}

    /// Notes the item under the cursor before the rows may change. An item already held and
    /// not yet found again is kept: it names what the person last saw.
    mutating func hold(_ id: ID?) {
        if held == nil, let id { held = HeldItem(id: id, row: cursor) }
    }

    /// Once the rows are rebuilt: the cursor goes back to the held item (`row(of:)` finds it),
    /// then stays in range and on the page.
    mutating func settle(rows: Int, page: Int, rowOf row: (ID) -> Int?) {
        if let kept = held {
            held = nil
            if cursor == kept.row, let found = row(kept.id) { cursor = found }
        }
        keepCursorVisible(rows: rows, page: page)
    }

    /// Back to the first row, forgetting the held item: the rows start over (a new filter,
    /// sort or view).
    mutating func startOver() {
        (cursor, scroll, held) = (0, 0, nil)
    }

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

    /// Space: marks or unmarks `id` (the cursor row's) and moves down.
    mutating func toggleMark(_ id: ID, rows: Int, page: Int) {
        if marks.remove(id) == nil { marks.insert(id) }
        moveCursor(by: 1, rows: rows, page: page)
    }

    /// After a resize, filter or workspace change: cursor in range, page scrolled to it.
    mutating func keepCursorVisible(rows: Int, page: Int) {
        cursor = rows == 0 ? 0 : max(0, min(rows - 1, cursor))
        let page = max(1, page)
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + page { scroll = cursor - page + 1 }
        scroll = max(0, min(scroll, max(0, rows - page)))
    }

    /// A key while the filter is being typed. Enter keeps the words, Esc clears them; changing
    /// the words starts the list over, moving the cursor in them keeps it where it is.
    mutating func typeFilter(_ key: Key) {
        switch key {
        case .enter: filter.isEditing = false
        case .escape: filter = Filter()
        default:
            let before = filter.text
            guard filter.entry.edit(key), filter.text != before else { return }
        }
        startOver()
    }
}

/// A pane's own state around its list: `state.seeding.cursor` reads the list's cursor, so
/// every pane's list is the same type and each pane adds only what is its own (a sort, a view).
@dynamicMemberLookup
public protocol ListPaneState {
    associatedtype ItemID: Hashable & Sendable
    var list: ListState<ItemID> { get set }
}

extension ListPaneState {
    public subscript<Value>(dynamicMember path: WritableKeyPath<ListState<ItemID>, Value>) -> Value {
        get { list[keyPath: path] }
        set { list[keyPath: path] = newValue }
    }
}
