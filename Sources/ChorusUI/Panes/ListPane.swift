import ChorusCore

/// One pane's shape, the same for all seven (gitui's `Component`, lazygit's list controller):
/// where its state lives, its answer to the list keys, its drawing, its list on screen and its keys.
/// The root (`update`, `Renderer`, `MouseUpdate`) loops over this instead of naming each pane,
/// so a new pane is a new type here plus its case in `Pane`.
protocol ListPane {
    associatedtype State: ListPaneState
    /// Where the pane's own state lives in the console's.
    static var state: WritableKeyPath<UIState, State> { get }
    /// The list's rows and how many show at once, for the movement keys.
    static func rows(_ state: UIState, context: UpdateContext) -> (count: Int, page: Int)
    /// A movement key (j/k, g/G, pages): the cursor over `rows`.
    static func move(_ movement: Action, _ state: inout UIState, context: UpdateContext)
    /// Space: marks the cursor row and moves down, or says why the pane has no marks.
    static func toggleMark(_ state: inout UIState, context: UpdateContext)
    /// Enter on the cursor row.
    static func openDetail(_ state: inout UIState, context: UpdateContext)
    /// Esc with nothing open over the pane: marks first, then the filter, then its other filters.
    static func backOut(_ state: inout UIState, context: UpdateContext)
    /// `w`: the next wave the pane shows; by default the working wave.
    static func nextWave(_ state: inout UIState, context: UpdateContext)
    /// Draws the pane's body (under the tab bar, over the status bar).
    static func draw(_ frame: Renderer, _ grid: inout Grid, _ layout: Layout)
    /// The list on screen, for the mouse.
    static func listArea(_ state: UIState, context: UpdateContext, layout: Layout) -> ListArea
    /// How many rows the list has, for the status bar's position.
    static func rowCount(_ frame: Renderer) -> Int
    /// What the status bar says on the right before the marks and the position.
    static func statusNotes(_ frame: Renderer) -> [(text: String, role: StyleRole)]
    /// What the cursor row is best known by, for `y`, and what that is in words.
    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)?
    /// The creator and wave of each marked row (or the cursor row), for `m`; nil where no
    /// message is drafted from this pane.
    static func messageRecipients(_ state: UIState, context: UpdateContext) -> [(CreatorID, WaveID)]?
    /// Notes the item under the cursor, from the rows as they are on screen, to find it again
    /// after a change shifts them.
    static func holdCursor(_ console: Console)
    /// Brings the pane's rows up to date with the state and the workspace, settles the cursor
    /// on the held item, and derives what drawing the rows shows, so drawing only reads.
    static func refreshRows(_ console: Console)
}

extension ListPane {
    static func move(_ movement: Action, _ state: inout UIState, context: UpdateContext) {
        let (count, page) = rows(state, context: context)
        _ = state[keyPath: Self.state].list.move(movement, rows: count, page: page)
    }

    static func nextWave(_ state: inout UIState, context: UpdateContext) { ListKeys.nextWorkingWave(&state, context: context) }

    static func statusNotes(_ frame: Renderer) -> [(text: String, role: StyleRole)] { [] }
    static func messageRecipients(_ state: UIState, context: UpdateContext) -> [(CreatorID, WaveID)]? { nil }
    static func holdCursor(_ console: Console) {}
}

/// A pane's list on screen: its first row's line, how many rows it has and shows, and the
/// column where it ends (a side panel is not the list).
struct ListArea {
    var top: Int, rows: Int, page: Int, maxX: Int
}

extension Pane {
    /// The pane's type: the one place that names every pane's.
    var kind: any ListPane.Type {
        switch self {
        case .pipeline: PipelinePane.self
        case .seeding: SeedingPane.self
        case .approvals: ApprovalsPane.self
        case .library: LibraryPane.self
        case .leaderboard: LeaderboardPane.self
        case .ledger: LedgerPane.self
        case .waves: WavesPane.self
        }
    }

    /// The keys that work only here.
    var scope: KeyScope { KeyScope(rawValue: title) ?? .global }
}

extension UIState {
    /// Whether `pane`'s filter is being typed.
    func isTypingFilter(in pane: Pane) -> Bool {
        func typing<P: ListPane>(_ kind: P.Type) -> Bool { self[keyPath: kind.state].filter.isEditing }
        return typing(pane.kind)
    }

    /// The shown pane's list, as far as the status bar needs it: its filter, marks and cursor.
    var shownList: (filter: Filter, marks: Int, cursor: Int) {
        func shown<P: ListPane>(_ kind: P.Type) -> (Filter, Int, Int) {
            let list = self[keyPath: kind.state].list
            return (list.filter, list.marks.count, list.cursor)
        }
        return shown(pane.kind)
    }

    /// Every pane's marks, after a change applied to them: the rows they named may have moved on.
    mutating func clearMarks() {
        func clear<P: ListPane>(_ kind: P.Type) { self[keyPath: kind.state].list.marks = [] }
        for pane in Pane.allCases { clear(pane.kind) }
    }

    /// Whether any pane's filter is being typed.
    var isTypingAFilter: Bool { Pane.allCases.contains(where: isTypingFilter(in:)) }

    /// A key for the shown pane's filter while it is being typed.
    mutating func typeFilter(_ key: Key) {
        func type<P: ListPane>(_ kind: P.Type) { self[keyPath: kind.state].list.typeFilter(key) }
        type(pane.kind)
    }

    /// Puts the shown pane's cursor on `row` of its list (a click), if there is such a row.
    mutating func select(row: Int, of rows: Int) {
        func select<P: ListPane>(_ kind: P.Type) {
            let row = self[keyPath: kind.state].scroll + row
            if row < rows { self[keyPath: kind.state].cursor = row }
        }
        select(pane.kind)
    }
}
