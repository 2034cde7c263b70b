/// Marks where the live filter matched inside a drawn cell, so a person sees why a row is
/// still there. Works on the sanitized, drawn graphemes, so it never splits one.
enum MatchHighlight {
    static func apply(_ needle: String, in text: String, _ grid: inout Grid, x: Int, y: Int, width: Int) {
        let drawn = TextFit.fit(TextSanitizer.sanitize(text), columns: width)
        var columnOf: [Int] = []
        var column = x
        for (_, graphemeWidth) in drawn {
            columnOf.append(column)
            column += graphemeWidth
        }
        let lowered = drawn.map { String($0.0).lowercased() }
        for start in lowered.indices {
            var joined = ""
            var end = start
            while end < lowered.count, joined.count < needle.count {
                joined += lowered[end]
                end += 1
            }
            guard joined.hasPrefix(needle) else { continue }
            let last = end - 1
            let matchEnd = columnOf[last] + drawn[last].1
            grid.restyle(Rect(x: columnOf[start], y: y, width: matchEnd - columnOf[start], height: 1), role: .match)
            return
        }
    }
}
