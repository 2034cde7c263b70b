/// A detail overlay (a creator, a draft, an asset's licence, a ledger row): a box over the
/// pane as wide as the body allows up to a reading width, every value wrapped to it rather
/// than cut, and scrolled with j/k and PgUp/PgDn when it is taller than the screen — so what a
/// decision needs (a brief, a due date, rights, an address) is never out of reach at 80×24.
struct DetailOverlay {
    typealias Span = SubmissionDetail.Span

    var title: String
    var lines: [[Span]]

    /// Lines wider than this read badly; the box stops growing here.
    static let readingWidth = 110

    /// The columns inside the box for `body`, for content wrapped before it is drawn.
    static func textWidth(in body: Rect) -> Int { boxWidth(in: body) - 4 }

    private static func boxWidth(in body: Rect) -> Int { max(8, min(body.width - 4, readingWidth)) }

    /// Labelled lines wrapped to `width`: a long value goes on under its label, a line without
    /// a label uses the whole width.
    static func wrap(_ lines: [CreatorDetail.Line], width: Int) -> [[Span]] {
        let labelWidth = CreatorDetail.labelWidth
        return lines.flatMap { line -> [[Span]] in
            guard !line.label.isEmpty else {
                return WordWrap.lines(line.value, width: width).map { [Span(text: $0, role: line.role)] }
            }
            return WordWrap.lines(line.value, width: max(1, width - labelWidth)).enumerated().map { index, part in
                [Span(text: TextWidth.pad(index == 0 ? line.label : "", toColumns: labelWidth), role: .mutedText), Span(text: part, role: line.role)]
            }
        }
    }

    /// Rows of text the box shows in `body`.
    func visibleRows(in body: Rect) -> Int { rect(in: body).height - 2 }

    /// How far the lines can scroll in `body`: the last line at the bottom of the box.
    func scrollLimit(in body: Rect) -> Int { max(0, lines.count - visibleRows(in: body)) }

    private func rect(in body: Rect) -> Rect {
        let width = Self.boxWidth(in: body)
        let height = min(body.height, lines.count + 2)
        return Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
    }

    /// Draws the lines from `scroll` on; when they do not all fit, the bottom edge says which
    /// lines are shown and how to see the rest.
    func draw(scroll: Int, _ grid: inout Grid, _ body: Rect) {
        let rect = rect(in: body)
        Box.draw(&grid, rect, title: title, focused: true)
        let rows = visibleRows(in: body)
        let first = min(max(0, scroll), scrollLimit(in: body))
        SubmissionDetail.draw(Array(lines.dropFirst(first).prefix(rows)), &grid,
                              Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rows))
        guard lines.count > rows else { return }
        let position = " lines \(first + 1)–\(first + rows) of \(lines.count) · j/k PgUp/PgDn scroll "
        grid.putRight(position, maxX: rect.maxX - 2, y: rect.maxY - 1, width: rect.width - 4, role: .keyHint)
    }
}

/// Text broken into lines of at most `width` columns at spaces; a word longer than a line is
/// broken inside it, so nothing is ever cut off.
enum WordWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = "", used = 0
        for word in text.split(whereSeparator: \.isWhitespace) {
            var word = Substring(TextSanitizer.sanitize(word))
            var columns = TextWidth.columns(of: word)
            if used > 0, used + 1 + columns > width {
                lines.append(line)
                (line, used) = ("", 0)
            }
            while columns > width - used - (used > 0 ? 1 : 0), used == 0 {
                // A word wider than a whole line: as much as fits, then the rest on the next.
                var head = "", headColumns = 0
                while let next = word.first, headColumns + TextWidth.columns(of: next) <= width {
                    head.append(next)
                    headColumns += TextWidth.columns(of: next)
                    word = word.dropFirst()
                }
                if head.isEmpty { head.append(word.removeFirst()) }
                lines.append(head)
                columns = TextWidth.columns(of: word)
                if word.isEmpty { break }
            }
            guard !word.isEmpty else { continue }
            if used > 0 {
                line += " "
                used += 1
            }
            line += word
            used += columns
        }
        if used > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
