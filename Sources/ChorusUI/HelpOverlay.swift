import ChorusCore

/// The `?` overlay: every key that works in the current pane, generated from `KeyMap`, so it
/// can never list a key that does nothing or miss one that does something.
enum HelpOverlay {
    static let keyColumnWidth = 16
    /// Wide enough for every sentence on one line; a narrower terminal wraps them.
    static let maximumWidth = 100

    /// The keys, then which Chorus this is (the number a bug report should quote).
    static func lines(for pane: Pane) -> [(keys: String, help: String, isHeading: Bool)] {
        KeyMap.sections(for: pane).flatMap { section in
            [(section.scope.rawValue, "", true)] + section.bindings.map { ($0.keyLabel, $0.help, false) }
        } + [("Chorus \(ChorusVersion.current) · command line: chorus --help", "", true)]
    }

    /// The lines as drawn in `body`: a sentence too long for the box goes on under itself.
    private static func rows(for pane: Pane, in body: Rect) -> [(keys: String, help: String, isHeading: Bool)] {
        let helpWidth = boxWidth(in: body) - 4 - keyColumnWidth
        return lines(for: pane).flatMap { line in
            line.isHeading ? [line] : WordWrap.lines(line.help, width: helpWidth).enumerated().map { index, part in
                (index == 0 ? line.keys : "", part, false)
            }
        }
    }

    private static func boxWidth(in body: Rect) -> Int { min(body.width - 4, maximumWidth) }

    /// How far the list can scroll in `body`: its last line at the bottom of the box.
    static func scrollLimit(for pane: Pane, in body: Rect) -> Int {
        let count = rows(for: pane, in: body).count
        return max(0, count - (min(body.height, count + 2) - 2))
    }

    static func draw(pane: Pane, scroll: Int, _ grid: inout Grid, _ body: Rect) {
        let all = rows(for: pane, in: body)
        let width = boxWidth(in: body)
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
