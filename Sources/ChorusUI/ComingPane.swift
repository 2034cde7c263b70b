/// A pane that a later release fills in. It says what it will be for, so the tab bar is honest
/// about the product's shape from day one.
enum ComingPane {
    static func purpose(of pane: Pane) -> String {
        switch pane {
        case .pipeline: "Creators by stage in the selected wave."
        case .seeding: "The shipping queue: pack, ship with carrier and tracking, deliver."
        case .approvals: "The approval inbox: drafts with their compliance checks."
        case .library: "Approved content and what its usage rights allow today."
        case .leaderboard: "Who drives revenue, margin and usable content."
        case .ledger: "Every cost and result per creator, as finance sees it."
        case .waves: "Waves with their briefs, budgets and incentive plans."
        }
    }

    static func draw(_ pane: Pane, _ grid: inout Grid, _ layout: Layout) {
        grid.put(" \(pane.title)", x: 0, y: layout.titleBar.y, role: .title)
        let lines = ["\(pane.title) is coming in a later release.", purpose(of: pane)]
        let top = layout.body.y + max(0, (layout.body.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let width = min(layout.body.width, TextWidth.columns(of: line))
            grid.put(line, x: max(0, (layout.body.width - width) / 2), y: top + offset, width: layout.body.width,
                     role: offset == 0 ? .text : .mutedText)
        }
    }
}
