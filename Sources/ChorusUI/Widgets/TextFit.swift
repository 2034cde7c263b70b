/// Fits sanitized text into a number of columns: whole graphemes only, an ellipsis when
/// something was cut, and the exact columns used, so the next column starts where it should.
enum TextFit {
    static let ellipsis: Character = "…"

    /// Graphemes with their widths, at most `columns` wide in total.
    static func fit(_ text: String, columns: Int) -> [(Character, Int)] {
        guard columns > 0 else { return [] }
        // Printable ASCII, most of a frame: each byte is a grapheme one column wide, so no
        // grapheme breaking and no width lookup.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let bytes = text.utf8
            if bytes.count <= columns { return bytes.map { (Character(Unicode.Scalar($0)), 1) } }
            return bytes.prefix(columns - 1).map { (Character(Unicode.Scalar($0)), 1) } + [(ellipsis, 1)]
        }
        var result: [(Character, Int)] = []
        var used = 0
        for grapheme in text {
            let width = TextWidth.columns(of: grapheme)
            if used + width > columns { return truncated(result, used: used, columns: columns) }
            result.append((grapheme, width))
            used += width
        }
        return result
    }

    /// Drops graphemes from the end until `…` fits within `columns`.
    private static func truncated(_ graphemes: [(Character, Int)], used: Int, columns: Int) -> [(Character, Int)] {
        var kept = graphemes
        var width = used
        while width + 1 > columns, let last = kept.popLast() { width -= last.1 }
        kept.append((ellipsis, 1))
        return kept
    }
}
