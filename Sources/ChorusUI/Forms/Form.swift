/// One labelled line of a keyboard form: the text as typed, and what is wrong with it.
public struct FormField: Hashable, Sendable {
    public var label: String
    /// What is typed and the cursor in it.
    public var entry: TextEntry
    /// Shown next to the field until the text is edited again; nil when nothing is wrong.
    public var message: String?

    public init(_ label: String, _ text: String, message: String? = nil) {
        self.label = label
        entry = TextEntry(text)
        self.message = message
    }

    /// What is typed; setting it puts the cursor at the end.
    public var text: String {
        get { entry.text }
        set { entry = TextEntry(newValue) }
    }
}

/// A keyboard form as plain state, reusable for anything edited as labelled text fields.
///
/// Everything is edited as text and parsed only on save, so a half-typed date is never
/// "wrong" while a person is still typing it, and a refusal can point at the field to fix
/// while the form stays open with every keystroke kept.
public struct FormState: Hashable, Sendable {
    public var title: String
    public var fields: [FormField]
    /// The field with the keyboard.
    public var focus = 0
    /// The fields as the form opened, so Esc after an edit can ask before throwing it away.
    private let openedWith: [String]

    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
        openedWith = fields.map(\.text)
    }

    /// Whether any field was changed since the form opened.
    var isEdited: Bool { fields.map(\.text) != openedWith }

    /// What a key press asks of whoever owns the form.
    enum Outcome: Equatable { case editing, save, cancel }

    /// Tab/Shift-Tab (and ↓/↑) move between fields, typing and Backspace edit the focused one,
    /// Enter moves on or saves on the last field, Ctrl-s saves from anywhere, Esc cancels.
    mutating func press(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancel
        case .control("s"): return .save
        case .enter:
            if focus == fields.count - 1 { return .save }
            focus += 1
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus - 1 + fields.count) % fields.count
        default:
            if fields[focus].entry.edit(key) { fields[focus].message = nil }
        }
        return .editing
    }

    /// Puts `message` next to field `index` and gives the first refused field the keyboard,
    /// so the fix is one keystroke away.
    mutating func refuse(_ index: Int, _ message: String) {
        fields[index].message = message
        focus = fields.firstIndex { $0.message != nil } ?? index
    }

    var hasMessages: Bool { fields.contains { $0.message != nil } }
}
