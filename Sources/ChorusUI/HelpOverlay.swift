/// The `?` overlay: every key that works in the current pane, generated from `KeyMap`, so it
/// can never list a key that does nothing or miss one that does something.
enum HelpOverlay {
    static let keyColumnWidth = 16

    static func lines(for pane: Pane) -> [(keys: String, help: String, isHeading: Bool)] {
        KeyMap.sections(for: pane).flatMap { section in
            [(section.scope.rawValue, "", true)] + section.bindings.map { ($0.keyLabel, $0.help, false) }
        }
    }

    /// How far the list can scroll in `body`: its last line at the bottom of the box.
    static func scrollLimit(for pane: Pane, in body: Rect) -> Int {
        let count = lines(for: pane).count
        return max(0, count - (min(body.height, count + 2) - 2))
    }

    static func draw(pane: Pane, scroll: Int, _ grid: inout Grid, _ body: Rect) {
        let all = lines(for: pane)
        let width = min(body.width - 4, 76)
        let height = min(body.height, all.count + 2)
        let rect = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        let more = all.count > height - 2 ? " · j/k PgUp/PgDn scroll" : ""
        Box.draw(&grid, rect, title: "Keys: \(pane.title)\(more) · Esc closes", focused: true)
        let inside = rect.inset
        let first = min(scroll, max(0, all.count - inside.height))
        for (offset, line) in all.dropFirst(first).prefix(inside.height).enumerated() {
            let y = inside.y + offset
            if line.isHeading {
                grid.put(line.keys, x: inside.x + 1, y: y, width: inside.width - 1, role: .header)
            } else {
                grid.put(line.keys, x: inside.x + 2, y: y, width: keyColumnWidth, role: .keyHint)
                grid.put(line.help, x: inside.x + 2 + keyColumnWidth, y: y, width: inside.width - 2 - keyColumnWidth, role: .text)
            }
        }
    }
}
