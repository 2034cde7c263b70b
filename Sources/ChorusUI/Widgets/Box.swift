/// A bordered rectangle with a title in its top edge, for overlays and panels.
enum Box {
    static func draw(_ grid: inout Grid, _ rect: Rect, title: String, focused: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let role: StyleRole = focused ? .focusedBorder : .border
        grid.fill(rect, role: .text)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        grid.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: role)
        grid.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, role: role)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            grid.put("│", x: rect.x, y: y, role: role)
            grid.put("│", x: rect.maxX - 1, y: y, role: role)
        }
        grid.put(" \(title) ", x: rect.x + 2, y: rect.y, width: rect.width - 4, role: .title)
    }
}
