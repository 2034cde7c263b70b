/// A line of text being typed and where the cursor is in it: every prompt, the palette, the
/// filters and the form fields edit through this one type, so the keys people know from a
/// shell prompt (readline) work the same everywhere.
public struct TextEntry: Hashable, Sendable {
    public private(set) var text: String
    /// How many characters are before the cursor.
    public private(set) var cursor: Int

    /// `text` with the cursor after its last character, where typing goes on.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; false if the key is not an editing key.
    ///
    /// ←/→ and Ctrl-b/Ctrl-f move by a character, Alt-b/Alt-f by a word, Home/End and
    /// Ctrl-a/Ctrl-e to either end; Backspace and Del/Ctrl-d delete a character, Ctrl-w and
    /// Alt-Backspace the word before the cursor, Alt-d the word after it, Ctrl-u everything
    /// before the cursor and Ctrl-k everything after it. A paste is inserted as text, its
    /// line breaks and tabs as spaces: these are one-line fields, and a pasted newline must
    /// never act as Enter.
    public mutating func edit(_ key: Key) -> Bool {
        var characters = Array(text)
        var cursor = min(self.cursor, characters.count)
        switch key {
        case .character(let character):
            characters.insert(character, at: cursor)
            cursor += 1
        case .paste(let pasted):
            let inserted = Self.oneLine(pasted)
            characters.insert(contentsOf: inserted, at: cursor)
            cursor += inserted.count
        case .backspace:
            guard cursor > 0 else { break }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .alt(.character("b")): cursor = Self.wordStart(before: cursor, in: characters, isWord: Self.isWordCharacter)
        case .alt(.character("f")): cursor = Self.wordEnd(after: cursor, in: characters)
        case .control("w"):
            let start = Self.wordStart(before: cursor, in: characters) { !$0.isWhitespace }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .alt(.backspace):
            let start = Self.wordStart(before: cursor, in: characters, isWord: Self.isWordCharacter)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .alt(.character("d")):
            characters.removeSubrange(cursor..<Self.wordEnd(after: cursor, in: characters))
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        default:
            return false
        }
        text = String(characters)
        self.cursor = cursor
        return true
    }

    /// The Alt keys a field uses (by the word); any other Alt key is Esc and a key pressed quickly.
    static let wordKeys: Set<Key> = [.alt(.character("b")), .alt(.character("f")), .alt(.character("d")), .alt(.backspace)]

    /// Pasted text as one line: line breaks and tabs become spaces, other control characters go.
    static func oneLine(_ text: String) -> [Character] {
        var result: [Character] = []
        for character in text {
            if character == "\r\n" || character == "\n" || character == "\r" || character == "\t" {
                result.append(" ")
            } else if !character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) {
                result.append(character)
            }
        }
        return result
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Back over what is not a word, then over the word: where Alt-b lands.
    private static func wordStart(before cursor: Int, in characters: [Character], isWord: (Character) -> Bool) -> Int {
        var index = cursor
        while index > 0, !isWord(characters[index - 1]) { index -= 1 }
        while index > 0, isWord(characters[index - 1]) { index -= 1 }
        return index
    }

    /// Forward over what is not a word, then over the word: where Alt-f lands.
    private static func wordEnd(after cursor: Int, in characters: [Character]) -> Int {
        var index = cursor
        while index < characters.count, !isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, isWordCharacter(characters[index]) { index += 1 }
        return index
    }
}
