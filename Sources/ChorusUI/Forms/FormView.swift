/// Draws an open form as a box over the pane: one line per field (label, then the text, the
/// focused one with its cursor, scrolled to keep the cursor in view), a refusal in red on the line under its
/// field, and the keys at the bottom. Long forms scroll to keep the focused field in view.
enum FormView {
    static let labelWidth = 15
    static let keys = "Tab next · Shift-Tab back · Enter on the last field or Ctrl-s saves · Esc cancels"

    static func draw(_ form: FormState, _ grid: inout Grid, _ body: Rect) {
        // Lines in order: each field, then its message if it has one.
        let lines = form.fields.indices.flatMap { index in [(index, false)] + (form.fields[index].message == nil ? [] : [(index, true)]) }
        let width = min(body.width - 2, 96)
        let height = min(body.height, lines.count + 4)
        let rect = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        Box.draw(&grid, rect, title: form.title, focused: true)
        let inside = rect.inset
        let rows = inside.height - 2
        let focusLine = lines.firstIndex { $0.0 == form.focus && !$0.1 } ?? 0
        let lastFocusLine = lines.lastIndex { $0.0 == form.focus } ?? focusLine
        let first = min(focusLine, max(0, lastFocusLine - rows + 1))
        let textX = inside.x + 1 + labelWidth, textWidth = inside.maxX - textX - 1
        for (offset, (index, isMessage)) in lines.dropFirst(first).prefix(rows).enumerated() {
            let y = inside.y + offset
            let field = form.fields[index]
            if isMessage {
                grid.put("↳ " + (field.message ?? ""), x: textX, y: y, width: textWidth, role: .danger)
                continue
            }
            let isFocused = index == form.focus
            grid.put(field.label, x: inside.x + 1, y: y, width: labelWidth - 1, role: field.message == nil ? .mutedText : .danger)
            if isFocused {
                grid.fill(Rect(x: textX, y: y, width: textWidth, height: 1), role: .selection)
                TextEntryView.draw(field.entry, x: textX, y: y, columns: textWidth, role: .selection, &grid)
            } else {
                grid.put(field.text, x: textX, y: y, width: textWidth, role: .text)
            }
        }
        grid.put(keys, x: inside.x + 1, y: inside.maxY - 1, width: inside.width - 2, role: .keyHint)
    }
}
