/// The tab bar's layout: where each pane's tab sits at a width. The renderer draws from it
/// and a mouse click is matched against it, so a click lands on the tab it is drawn on.
enum TabBar {
    static let brand = " Chorus "

    /// Whether the brand and the padding fit; a narrow terminal keeps only the tabs.
    static func isRoomy(width: Int) -> Bool {
        Pane.allCases.reduce(8) { $0 + TextWidth.columns(of: $1.title) + 4 } <= width
    }

    static func label(_ pane: Pane, roomy: Bool) -> String { " \(pane.rawValue) \(pane.title)\(roomy ? " " : "")" }

    /// Each pane's tab: its first column and its width.
    static func tabs(width: Int) -> [(pane: Pane, x: Int, width: Int)] {
        let roomy = isRoomy(width: width)
        var x = roomy ? TextWidth.columns(of: brand) : 0
        return Pane.allCases.map { pane in
            let columns = TextWidth.columns(of: label(pane, roomy: roomy))
            defer { x += columns }
            return (pane, x, columns)
        }
    }

    /// The pane whose tab is at column `x`.
    static func pane(at x: Int, width: Int) -> Pane? {
        tabs(width: width).first { x >= $0.x && x < $0.x + $0.width }?.pane
    }
}
