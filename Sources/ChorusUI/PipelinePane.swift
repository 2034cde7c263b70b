import ChorusCore

/// The Pipeline pane: the selected wave's creators with their stage, tier, audience, source
/// and fit score, one row per creator sorted by stage, with per-stage counts above the table.
/// Rows are grouped by the sort (by stage unless changed) rather than laid out in a column
/// per stage, because eight stage columns do not fit 80 columns with names readable.
struct PipelinePane {
    let state: PipelineState
    let workspace: Workspace
    let table: PipelineTable
    let today: Day?
    let attribution: Derived<AttributionResult>
    var budgetLine: WaveBudgetLine?

    /// Rows above the table inside the main area: stage counts and the header.
    static let chromeRows = 2

    /// How many table rows fit at `size`; PgDn moves by this.
    static func tableRows(at size: Size) -> Int { max(1, Layout(size: size).main.height - chromeRows) }

    func draw(_ grid: inout Grid, _ layout: Layout) {
        drawTitle(&grid, layout.titleBar)
        let main = layout.main
        drawStageCounts(&grid, Rect(x: main.x, y: main.y, width: main.width, height: 1))
        guard state.waveID != nil else {
            grid.put(" This program has no waves yet.", x: main.x, y: main.y + 2, role: .mutedText)
            return
        }
        let columns = PipelineColumns(x: main.x, width: main.width)
        drawHeader(&grid, columns, y: main.y + 1, rect: main)
        drawRows(&grid, columns, Rect(x: main.x, y: main.y + Self.chromeRows, width: main.width, height: main.height - Self.chromeRows))
        if let side = layout.sidePanel { drawSidePanel(&grid, side) }
    }

    private func drawTitle(_ grid: inout Grid, _ rect: Rect) {
        var parts = [state.sourcing ? "Recruit" : "Pipeline"]
        if let wave = state.waveID.flatMap(workspace.wave) {
            parts.append(state.sourcing ? "for \(wave.name), creators in no wave" : "\(wave.name) (\(wave.status.label))")
        }
        // Leads are shown here but are not creators: counted apart.
        let leads = state.sourcing ? table.leadPurchases.count : 0
        let total = counted(table.totalCount - leads, "creator") + (leads > 0 ? (table.count == table.totalCount ? " · " : " and ") + counted(leads, "lead") : "")
        parts.append(table.count == table.totalCount ? total : "\(table.count) of \(total)")
        if !state.filter.text.isEmpty { parts.append("filter \"\(state.filter.text)\"") }
        if state.lateOnly { parts.append("late and quiet only") }
        parts.append("sort: \(state.sort.rawValue)" + (state.sortReversed ? ", reversed" : ""))
        let used = grid.put(" " + parts.joined(separator: " · "), x: rect.x, y: rect.y, width: rect.width, role: .title)
        if !state.sourcing { budgetLine?.draw(&grid, from: rect.x + used, maxX: rect.maxX, y: rect.y, role: .title) }
    }

    private func drawStageCounts(_ grid: inout Grid, _ rect: Rect) {
        if state.sourcing {
            // Niche clusters: `/` and a niche shows one.
            let clusters = table.nicheClusters.map { "\($0.niche) \($0.count)" }.joined(separator: " · ")
            grid.put(" niches: " + (clusters.isEmpty ? "none" : clusters), x: rect.x, y: rect.y, width: rect.width, role: .mutedText)
            return
        }
        var x = rect.x + 1
        let exits = PipelineStage.allCases.filter(\.isExit).reduce(0) { $0 + (table.stageCounts[$1] ?? 0) }
        let entries = PipelineStage.mainPath.map { ($0.label, table.stageCounts[$0] ?? 0) } + [("out", exits)]
        for (label, count) in entries where x < rect.maxX {
            x += grid.put("\(label) ", x: x, y: rect.y, width: rect.maxX - x, role: .mutedText)
            x += grid.put("\(count)", x: x, y: rect.y, width: rect.maxX - x, role: count > 0 ? .text : .mutedText)
            x += grid.put("  ", x: x, y: rect.y, width: rect.maxX - x, role: .mutedText)
        }
    }

    private func drawHeader(_ grid: inout Grid, _ columns: PipelineColumns, y: Int, rect: Rect) {
        grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .header)
        for (column, x, width) in columns.layout {
            let title = SortMark.title(column.title, sorted: Self.sortColumn(state.sort) == column, reversed: state.sortReversed)
            if column.isNumeric {
                grid.putRight(title, maxX: x + width, y: y, width: width, role: .header)
            } else {
                grid.put(title, x: x, y: y, width: width, role: .header)
            }
        }
    }

    private func drawRows(_ grid: inout Grid, _ columns: PipelineColumns, _ rect: Rect) {
        if table.count == 0 {
            let empty = state.sourcing ? "Every creator is in a wave; import customers to find more." : "No creators in this wave yet."
            let text = state.filter.text.isEmpty ? empty : "No creator matches \"\(state.filter.text)\" — Esc clears the filter."
            grid.put(" " + text, x: rect.x, y: rect.y, width: rect.width, role: .mutedText)
            return
        }
        let words = FilterWords.of(state.filter.text)
        for line in 0..<rect.height {
            let row = state.scroll + line
            guard row < table.count else { break }
            let creator = workspace.creators[table.creatorPosition(at: row)]
            let stage = table.stage(at: row)
            let isMarked = state.marks.contains(creator.id)
            let y = rect.y + line
            let rowRole: StyleRole = stage.isExit ? .mutedText : .text
            for (column, x, width) in columns.layout {
                let noConsent = state.sourcing && column == .stage && !creator.isContactable
                var text = noConsent ? "no consent" : PipelineColumns.text(column, creator: creator, stage: stage, score: table.score(at: row))
                if column == .name, let bought = table.leadPurchases[creator.id] { text += " · " + bought.summary }
                let role = isMarked ? .marked : (noConsent ? .warning : (column == .stage ? Self.stageRole(stage) : rowRole))
                if column.isNumeric {
                    grid.putRight(text, maxX: x + width, y: y, width: width, role: role)
                } else {
                    grid.put(text, x: x, y: y, width: width, role: role)
                }
                if column == .handle || column == .name {
                    for word in words { MatchHighlight.apply(word, in: text, &grid, x: x, y: y, width: width) }
                }
            }
            if row == state.cursor {
                grid.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection, keeping: [.match])
            }
            if isMarked { grid.put("●", x: rect.x, y: y, role: .marked) }
        }
    }

    private func drawSidePanel(_ grid: inout Grid, _ rect: Rect) {
        for y in rect.y..<rect.maxY { grid.put("│", x: rect.x, y: y, role: .border) }
        let inside = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 3, height: rect.height)
        guard let id = table.creatorID(at: state.cursor, in: workspace), let creator = workspace.creator(id) else {
            grid.put("Nothing selected", x: inside.x, y: inside.y, width: inside.width, role: .mutedText)
            return
        }
        let wave = state.waveID.flatMap(workspace.wave)
        let detail = CreatorDetail(creator: creator, wave: wave, workspace: workspace, today: today, attribution: attribution, fit: table.fit,
                                     leadPurchases: table.leadPurchases[creator.id])
        SubmissionDetail.draw(DetailOverlay.wrap(detail.lines, width: inside.width), &grid, inside)
    }

    private static func stageRole(_ stage: PipelineStage) -> StyleRole {
        switch stage {
        case .complete, .posted: .success
        case .contentInReview: .info
        case .declined, .dropped, .ghosted: .danger
        default: .text
        }
    }

    private static func sortColumn(_ sort: PipelineSort) -> PipelineColumns.Column {
        switch sort {
        case .stage: .stage
        case .score: .score
        case .followers: .followers
        case .engagement: .engagement
        case .handle: .handle
        }
    }
}
