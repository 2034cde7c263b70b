/// A key press as the console sees it, independent of ncurses key codes, so `update` and its
/// tests speak in keys people press.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    /// Ctrl plus a letter, as the lower-case letter (`.control("d")` is Ctrl-d).
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// A click or a wheel turn at a cell of the screen (see `MouseUpdate`).
    case mouse(MouseEvent)
    /// Alt (Meta) plus a key; terminals send it as Esc followed by the key (`.alt(.character("b"))`).
    indirect case alt(Key)
    /// Text the terminal marked as pasted (bracketed paste): it is typed into the field that
    /// has the keyboard as it is, and is never read as commands.
    case paste(String)

    /// How the key is written in help and hints.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-\(letter)"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .mouse(let event): event.label
        case .alt(let key): "Alt-\(key.label)"
        case .paste: "paste"
        }
    }
}
