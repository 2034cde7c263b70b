/// A row's trend in one cell per week, in eighth blocks (`▁▂▃▄▅▆▇█`): the Leaderboard's orders
/// per week, the Ledger's net per week. The lowest value of the row (or zero, if lower) is the
/// floor, so a losing week sits visibly below a break-even one. Under `LANG=C` the painter's
/// `ASCIIFallback` draws the levels as `_ . - = #`.
enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The latest `width` values (the most recent weeks), left-padded with blanks when fewer.
    static func text(_ values: [Int64], width: Int) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width)
        guard let lowest = shown.min(), let highest = shown.max() else { return String(repeating: " ", count: width) }
        let floor = min(0, lowest), span = max(1, highest - floor)
        let cells = shown.map { value -> Character in
            if value == 0 && floor == 0 { return levels[0] }
            return levels[Int((value - floor) * Int64(levels.count - 1) / span)]
        }
        return String(repeating: " ", count: width - shown.count) + String(cells)
    }
}
