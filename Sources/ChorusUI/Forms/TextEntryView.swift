/// Draws a `TextEntry` in the columns it has: the cursor where it is (a block after the last
/// character, or the character under it highlighted), and, when the text is wider than the
/// field, the part around the cursor with `…` where text is cut — so what is being typed and
/// where the next key lands are always in view.
enum TextEntryView {
    /// The cursor's style when it is on a character; after the text it is the caret block.
    static let cursorRole = StyleRole.activeTab

    /// What the field shows in `columns` columns, and the column the cursor is in.
    static func visible(_ entry: TextEntry, columns: Int) -> (text: String, cursorColumn: Int) {
        let characters = Array(entry.text)
        let cursor = min(entry.cursor, characters.count)
        let widths = characters.map { TextWidth.columns(of: $0) }
        let caret = cursor == characters.count ? 1 : 0
        guard columns > 2 else { return (cursor == characters.count ? StatusBar.caret : String(characters[cursor]), 0) }
        func width(_ range: Range<Int>) -> Int { widths[range].reduce(0, +) }
        if width(0..<characters.count) + caret <= columns { return (String(characters) + (caret == 1 ? StatusBar.caret : ""), width(0..<cursor)) }
        // Near the end: show the end, cut on the left.
        var start = characters.count
        while start > 0, width((start - 1)..<characters.count) + caret + 1 <= columns { start -= 1 }
        if cursor >= start {
            let text = "…" + String(characters[start...]) + (caret == 1 ? StatusBar.caret : "")
            return (text, 1 + width(start..<cursor))
        }
        // Further in: a third of the field before the cursor, the rest after it, cut on both sides as needed.
        start = cursor
        while start > 0, width((start - 1)..<cursor) + (start - 1 > 0 ? 1 : 0) <= columns / 3 { start -= 1 }
        let left = start > 0 ? 1 : 0
        var end = cursor + 1
        while end < characters.count, left + width(start..<(end + 1)) + (end + 1 < characters.count ? 1 : 0) <= columns { end += 1 }
        let text = (left == 1 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        return (text, left + width(start..<cursor))
    }

    /// Draws the field at `x`, `y` in `columns` columns; the returned width is what it used.
    @discardableResult
    static func draw(_ entry: TextEntry, x: Int, y: Int, columns: Int, role: StyleRole, _ grid: inout Grid) -> Int {
        let (text, cursorColumn) = visible(entry, columns: columns)
        let used = grid.put(text, x: x, y: y, width: columns, role: role)
        if entry.cursor < entry.text.count {
            let width = max(1, entry.text.dropFirst(entry.cursor).first.map { TextWidth.columns(of: $0) } ?? 1)
            grid.restyle(Rect(x: x + cursorColumn, y: y, width: width, height: 1), role: cursorRole)
        }
        return used
    }
}
