/// Text as matching compares it: lower-case, without accents, split into words.
///
/// Buyers type names the way their keyboard lets them ("Zoe Muller" for "Zoë Müller",
/// "@LENA.HIKES" for "lena.hikes"), so survey matching and discount-code patterns compare
/// folded words. Folding is a fixed table (Latin-1 and Latin Extended-A, plus combining marks
/// dropped) rather than a locale-dependent library call, so every machine folds the same way.
public enum TextFolding {
    /// The words of `text`, folded: runs of letters and digits; everything else separates.
    /// `"@Zoë_Müller!"` → `["zoe", "muller"]`.
    public static func words(_ text: some StringProtocol) -> [String] {
        asciiWords(text) ?? foldedWords(text)
    }

    /// `words(text).forEach(body)` without building the array: `letters` is scratch space kept
    /// between calls, so folding every answer and name of a big program allocates only its words.
    static func forEachWord(in text: String, letters: inout [UInt8], _ body: (String) -> Void) {
        var text = text
        let ascii = text.withUTF8 { asciiWords(of: $0, letters: &letters, body) }
        if !ascii { foldedWords(of: text, letters: &letters, body) }
    }

    /// `words` of ASCII text, byte by byte: attribution folds every creator's handle and name
    /// each time it runs, and the general path below costs a string append per letter.
    /// Nil for text with anything beyond ASCII.
    static func asciiWords(_ text: some StringProtocol) -> [String]? {
        var words: [String] = [], letters: [UInt8] = []
        let ascii = text.utf8.withContiguousStorageIfAvailable { asciiWords(of: $0, letters: &letters) { words.append($0) } }
        return ascii == true ? words : nil
    }

    /// Calls `body` with each word of `bytes`; false, having called nothing, when they hold
    /// anything beyond ASCII.
    private static func asciiWords(of bytes: UnsafeBufferPointer<UInt8>, letters: inout [UInt8], _ body: (String) -> Void) -> Bool {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
        letters.removeAll(keepingCapacity: true)
        for byte in bytes {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: letters.append(byte)
            case 0x41...0x5A: letters.append(byte + 0x20)
            default:
                if !letters.isEmpty { body(String(decoding: letters, as: UTF8.self)); letters.removeAll(keepingCapacity: true) }
            }
        }
        if !letters.isEmpty { body(String(decoding: letters, as: UTF8.self)) }
        return true
    }

    /// `words` for any text, scalar by scalar.
    static func foldedWords(_ text: some StringProtocol) -> [String] {
        var words: [String] = [], letters: [UInt8] = []
        foldedWords(of: text, letters: &letters) { words.append($0) }
        return words
    }

    /// Calls `body` with each word of `text`, folded scalar by scalar into `letters`. Names
    /// beyond ASCII are mostly accented Latin, and working out each letter's fold (Unicode
    /// properties, a lower-case mapping, a string per letter) was most of indexing a big
    /// program's names for a report; those letters' folds are looked up in `latinFolds`.
    private static func foldedWords(of text: some StringProtocol, letters: inout [UInt8], _ body: (String) -> Void) {
        let latinFolds = Self.latinFolds
        letters.removeAll(keepingCapacity: true)
        func endWord() {
            if !letters.isEmpty { body(String(decoding: letters, as: UTF8.self)); letters.removeAll(keepingCapacity: true) }
        }
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value < latinFolds.count {
                if let folded = latinFolds[value] { letters += folded } else { endWord() }
            } else if let folded = fold(scalar) {
                letters += folded.utf8
            } else if !isCombiningMark(scalar) {
                endWord()
            }
        }
        endWord()
    }

    /// `fold` of every scalar below the combining marks (ASCII, Latin-1, Latin Extended-A and
    /// -B, IPA), as UTF-8, worked out once by `fold` itself; none of them is a combining mark,
    /// so nil is a separator.
    private static let latinFolds: [[UInt8]?] = (0..<0x300).map { value in
        fold(Unicode.Scalar(UInt32(value))!).map { Array($0.utf8) }
    }

    /// `text` folded and reduced to ASCII letters and digits, upper-cased: what a discount code
    /// made from a handle looks like (`"zoë.müller_"` → `"ZOEMULLER"`). Letters with no ASCII
    /// form (CJK, emoji) are dropped.
    public static func codeCharacters(_ text: some StringProtocol) -> String {
        var result = ""
        for word in words(text) {
            for scalar in word.unicodeScalars where scalar.isASCII {
                let byte = UInt8(scalar.value)
                result.unicodeScalars.append(Unicode.Scalar(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte))
            }
        }
        return result
    }

    /// The folded form of a letter or digit, or nil for a separator.
    static func fold(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A: return String(scalar)
            case 0x41...0x5A: return String(Unicode.Scalar(UInt8(value) + 0x20))
            default: return nil
            }
        }
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
        var folded = ""
        for lower in scalar.properties.lowercaseMapping.unicodeScalars where !isCombiningMark(lower) {
            folded += latinBase[lower] ?? String(lower)
        }
        return folded
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }

    /// Lower-case accented Latin letters and their unaccented base.
    private static let latinBase: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăąǎ", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"),
            ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĳ", "ij"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"),
            ("òóôõöøōŏőǒ", "o"), ("œ", "oe"), ("ŕŗř", "r"), ("śŝşšș", "s"), ("ß", "ss"), ("ţťŧț", "t"), ("þ", "th"),
            ("ùúûüũūŭůűųǔ", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = base }
        }
        return table
    }()
}
