/// Line editing shared by the filter, the palette and prompts: type, Backspace, Ctrl-u.
enum TextEntry {
    /// Applies an editing key to `text`; false if the key is not an editing key.
    static func edit(_ text: inout String, with key: Key) -> Bool {
        switch key {
        case .character(let character):
            text.append(character)
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = ""
        default:
            return false
        }
        return true
    }
}
