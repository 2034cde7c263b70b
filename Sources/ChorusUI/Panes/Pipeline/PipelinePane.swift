import ChorusCore

/// The Pipeline pane: the selected wave's creators with their stage, tier, audience, source
/// and fit score, one row per creator sorted by stage, with per-stage counts above the table.
/// Rows are grouped by the sort (by stage unless changed) rather than laid out in a column
/// per stage, because eight stage columns do not fit 80 columns with names readable.
struct PipelinePane {
    let state: PipelineState
    let workspace: Workspace
    let table: PipelineRows
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
        // A brand starting out has creators before its first wave: the recruit view lists them.
        guard state.waveID != nil || state.sourcing else {
            grid.put(" " + Pane.noWavesYet(meanwhile: "R lists the creators to recruit"), x: main.x, y: main.y + 2, role: .mutedText)
            return
        }
        let columns = PipelineColumns(x: main.x, width: main.width)
        let view = TableView(columns: columns.layout.map { ($0.column, $0.x, $0.width) }, isNumber: \.isNumeric)
        view.drawHeader(&grid, y: main.y + 1, from: main) { column in
            SortMark.title(column.title, sorted: Self.sortColumn(state.sort) == column, reversed: state.sortReversed)
        }
        drawRows(&grid, view, Rect(x: main.x, y: main.y + Self.chromeRows, width: main.width, height: main.height - Self.chromeRows))
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

    private func drawRows(_ grid: inout Grid, _ columns: TableView<PipelineColumns.Column>, _ rect: Rect) {
        let empty = state.sourcing ? "Every creator is in a wave; import customers to find more." : "No creators in this wave yet."
        let words = FilterWords.of(state.filter.text)
        columns.drawRows(&grid, rect, list: state.list, count: table.count,
                         empty: state.filter.text.isEmpty ? empty : "No creator matches \"\(state.filter.text)\" — Esc clears the filter.") { row in
            guard row < table.count else { return nil }
            let creator = workspace.creators[table.creatorPosition(at: row)]
            let stage = table.stage(at: row), score = table.score(at: row)
            let rowRole: StyleRole = stage.isExit ? .mutedText : .text
            func cell(_ column: PipelineColumns.Column) -> (text: String, role: StyleRole) {
                let noConsent = state.sourcing && column == .stage && !creator.isContactable
                var text = noConsent ? "no consent" : PipelineColumns.text(column, creator: creator, stage: stage, score: score)
                if column == .name, let bought = table.leadPurchases[creator.id] { text += " · " + bought.summary }
                return (text, noConsent ? .warning : (column == .stage ? Self.stageRole(stage) : rowRole))
            }
            return .init(id: creator.id, cell: cell, keepsUnderCursor: [.match]) { grid, y, _ in
                for (column, x, width) in columns.columns where column == .handle || column == .name {
                    for word in words { MatchHighlight.apply(word, in: cell(column).text, &grid, x: x, y: y, width: width) }
                }
            }
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

extension PipelinePane: ListPane {
    static func holdCursor(_ console: Console) {
        console.state.pipeline.list.hold(console.table.creatorID(at: console.state.pipeline.cursor, in: console.session.workspace))
    }

    static func refreshRows(_ console: Console) {
        let (table, workspace, derived) = (console.table, console.session.workspace, console.session.derived)
        table.refresh(workspace, generation: derived.revision, creatorsGeneration: derived.creatorsRevision, state: console.state.pipeline,
                      today: console.today, categoriesBought: derived.categoriesBought,
                      leadPurchases: console.state.pipeline.sourcing ? derived.leadPurchases(in: workspace) : [:],
                      touched: derived.enrollmentsReplaced(since:), edited: derived.creatorsReplaced(since:))
        console.state.pipeline.list.settle(rows: table.count, page: tableRows(at: console.state.size)) { id in
            workspace.creatorPosition(id).flatMap { table.row(ofCreatorAt: $0) }
        }
        console.refreshBudgetLine()
    }

    static var state: WritableKeyPath<UIState, PipelineState> { \.pipeline }

    static func draw(_ frame: Renderer, _ grid: inout Grid, _ layout: Layout) {
        PipelinePane(state: frame.state.pipeline, workspace: frame.workspace, table: frame.table, today: frame.today,
                     attribution: frame.attribution, budgetLine: frame.budgetLine).draw(&grid, layout)
    }

    static func listArea(_ state: UIState, context: UpdateContext, layout: Layout) -> ListArea {
        ListArea(top: layout.main.y + chromeRows, rows: context.table.count, page: tableRows(at: state.size), maxX: layout.main.maxX)
    }

    static func rowCount(_ frame: Renderer) -> Int { frame.table.count }

    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)? {
        CopyAndOpen.handle(context.table.creatorID(at: state.pipeline.cursor, in: context.workspace), in: context.workspace)
    }

    static func messageRecipients(_ state: UIState, context: UpdateContext) -> [(CreatorID, WaveID)]? {
        state.pipeline.waveID.map { wave in targets(state, context: context).map { ($0, wave) } } ?? []
    }
}
