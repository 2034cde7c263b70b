/// A prompt's status-bar line around the text being typed: what is asked before the field,
/// and the keys (or what the text reads as) after it. The field between them is drawn by
/// `TextEntryView`, with the cursor where it is.
struct PromptLine: Equatable {
    var label: String
    var hint: String
    /// False for a y/n question, which has nothing to type.
    var hasField = true

    init(_ label: String, _ hint: String, hasField: Bool = true) {
        self.label = label
        self.hint = hint
        self.hasField = hasField
    }

    /// As the text grows the label gives way on the left, down to two thirds of the line, and
    /// the hint after the text on the right, so what is typed stays in view.
    func draw(_ entry: TextEntry, _ grid: inout Grid, _ rect: Rect, role: StyleRole) {
        guard hasField else {
            grid.put(label + hint, x: rect.x, y: rect.y, width: rect.width, role: role)
            return
        }
        let natural = TextWidth.columns(of: entry.text) + (entry.cursor == entry.text.count ? 1 : 0)
        let fieldMinimum = min(rect.width, max(12, rect.width / 3), natural)
        var x = rect.x + grid.put(label, x: rect.x, y: rect.y, width: rect.width - fieldMinimum, role: role)
        let room = rect.maxX - x
        x += TextEntryView.draw(entry, x: x, y: rect.y, columns: min(natural, room), role: role, &grid)
        if rect.maxX - x > 0 { grid.put(hint, x: x, y: rect.y, width: rect.maxX - x, role: role) }
    }
}
