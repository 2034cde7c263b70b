/// The candidates under the `:` prompt, drawn just above the status bar so the line being
/// typed stays where the eye already is.
enum PaletteView {
    static let maximumCandidates = 8

    static func draw(text: String, vocabulary: CommandPalette.Vocabulary, _ grid: inout Grid, above statusBar: Rect) {
        let candidates = Array(CommandPalette.candidates(for: text, vocabulary).prefix(maximumCandidates))
        guard !candidates.isEmpty else { return }
        let width = min(statusBar.width, max(24, candidates.map { TextWidth.columns(of: $0) }.max()! + 4))
        let rect = Rect(x: statusBar.x, y: statusBar.y - candidates.count - 2, width: width, height: candidates.count + 2)
        Box.draw(&grid, rect, title: "commands", focused: true)
        for (offset, candidate) in candidates.enumerated() {
            grid.put(candidate, x: rect.x + 2, y: rect.y + 1 + offset, width: rect.width - 4, role: offset == 0 ? .selection : .text)
        }
    }
}
