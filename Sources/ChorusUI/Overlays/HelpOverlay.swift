import ChorusCore

/// The `?` overlay: every key that works in the current pane, generated from `KeyMap`, so it
/// can never list a key that does nothing or miss one that does something.
enum HelpOverlay {
    static let keyColumnWidth = 16
    /// Wide enough for every sentence on one line; a narrower terminal wraps them.
    static let maximumWidth = 100

    /// The keys, then which Chorus this is (the number a bug report should quote). `action`
    /// is what a key line does, so it can be greyed for a person whose roles rule it out.
    static func lines(for pane: Pane) -> [(keys: String, help: String, isHeading: Bool, action: Action?)] {
        KeyMap.sections(for: pane).flatMap { section in
            [(section.scope.rawValue, "", true, nil)] + section.bindings.map { ($0.keyLabel, $0.help, false, $0.action) }
        } + [("Chorus \(ChorusVersion.current) · command line: chorus --help", "", true, nil)]
    }

    /// The lines as drawn in `body`: a sentence too long for the box goes on under itself.
    private static func rows(for pane: Pane, in body: Rect) -> [(keys: String, help: String, isHeading: Bool, action: Action?)] {
        let helpWidth = boxWidth(in: body) - 4 - keyColumnWidth
        return lines(for: pane).flatMap { line in
            line.isHeading ? [line] : WordWrap.lines(line.help, width: helpWidth).enumerated().map { index, part in
                (index == 0 ? line.keys : "", part, false, line.action)
            }
        }
    }

    private static func boxWidth(in body: Rect) -> Int { min(body.width - 4, maximumWidth) }

    /// How far the list can scroll in `body`: its last line at the bottom of the box.
    static func scrollLimit(for pane: Pane, in body: Rect) -> Int {
        let count = rows(for: pane, in: body).count
        return max(0, count - (min(body.height, count + 2) - 2))
    }

    /// `isRuledOut`: whether the person's roles rule an action out; its lines are greyed.
    static func draw(pane: Pane, scroll: Int, isRuledOut: (Action) -> Bool = { _ in false }, _ grid: inout Grid, _ body: Rect) {
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
                let greyed = line.action.map(isRuledOut) ?? false
                grid.put(line.keys, x: inside.x + 2, y: y, width: keyColumnWidth, role: greyed ? .mutedText : .keyHint)
                grid.put(line.help, x: inside.x + 2 + keyColumnWidth, y: y, width: inside.width - 2 - keyColumnWidth,
                         role: greyed ? .mutedText : .text)
            }
        }
    }
}
