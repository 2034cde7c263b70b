import ChorusCore

/// The Leaderboard pane: one wave's creators ranked by what managers scale on (revenue,
/// contribution margin, ROAS, ROI on margin, usable content, engagement), with the places each gained or lost
/// since the wave before, so "who is worth scaling" is one glance and `P` away.
struct LeaderboardPane {
    let state: LeaderboardState
    let wave: Wave?
    /// The wave `P` promotes into, if there is one after this.
    let nextWave: Wave?
    let workspace: Workspace
    let table: LeaderboardRows
    let status: Derived<Ledger>
    /// Orders per week per row, from `RowTrends.minimumWidth` columns.
    let trends: RowTrends

    /// Rows above the table inside the main area: the promote line and the header.
    static let chromeRows = 2

    static func tableRows(at size: Size) -> Int { max(1, Layout(size: size).body.height - chromeRows) }

    private enum Column: CaseIterable {
        case rank, movement, creator, tier, orders, revenue, cost, margin, roas, roi, assets, engagement

        var title: String {
            switch self {
            case .rank: "#"
            case .movement: "±"
            case .creator: "CREATOR"
            case .tier: "TIER"
            case .orders: "ORDERS"
            case .revenue: "REVENUE"
            case .cost: "COST"
            case .margin: "MARGIN"
            case .roas: "ROAS"
            case .roi: "MARGIN ROI"
            case .assets: "ASSETS"
            case .engagement: "ENGAGED"
            }
        }

        /// The column each metric ranks by; it has room for its title and the sort mark.
        static let sortable: [Column: LeaderboardMetric] = [.revenue: .directRevenue, .margin: .contributionMargin, .roas: .roas,
                                                            .roi: .roi, .assets: .usableAssets, .engagement: .engagement]

        var width: Int { Self.sortable[self] == nil ? ownWidth : SortMark.width(ownWidth, title: title) }

        private var ownWidth: Int {
            switch self {
            case .rank: 5
            case .movement: 4
            case .creator: 0
            case .tier: 5
            case .orders: 6
            case .revenue, .cost, .margin: 11
            case .roas: 7
            case .roi: 10
            case .assets: 6
            case .engagement: 7
            }
        }

        var isNumber: Bool { self != .creator && self != .tier && self != .movement }
    }

    func draw(_ grid: inout Grid, _ layout: Layout) {
        drawTitle(&grid, layout.titleBar)
        let body = layout.body
        let promote = wave == nil ? Pane.noWavesYet()
            : nextWave.map { "P promotes the marked creators into \($0.name)" } ?? "No wave after this one to promote into."
        grid.put(" " + promote, x: body.x, y: body.y, width: body.width, role: .mutedText)
        let trend = body.width >= RowTrends.minimumWidth ? RowTrends.weeks + 1 : 0
        let columns = TableView(columns: layoutColumns(width: body.width - 2 - trend), isNumber: \.isNumber)
        let sorted = Column.sortable.first { $0.value == state.metric }?.key
        columns.drawHeader(&grid, y: body.y + 1, from: body) { SortMark.title($0.title, sorted: $0 == sorted, reversed: state.sortReversed) }
        if trend > 0 { grid.put(RowTrends.Kind.orders.title, x: body.maxX - trend, y: body.y + 1, width: trend, role: .header) }
        drawRows(&grid, columns, Rect(x: body.x, y: body.y + Self.chromeRows, width: body.width, height: body.height - Self.chromeRows))
    }

    private func layoutColumns(width: Int) -> [(Column, x: Int, width: Int)] {
        // The ranked-by column stays: the order on screen must be explained by a column on screen.
        let dropFirst = [Column.tier, .engagement, .cost, .assets, .orders, .roas, .roi].filter { Column.sortable[$0] != state.metric }
        return ColumnLayout.fit(Column.allCases, width: width, flexible: .creator, dropFirst: dropFirst, minimumFlexible: 14,
                                maximumFlexible: 30, widthOf: \.width)
    }

    private func drawTitle(_ grid: inout Grid, _ rect: Rect) {
        var parts = ["Leaderboard", wave?.name ?? "no wave", "\(table.count) creator\(table.count == 1 ? "" : "s")",
                     "ranked by \(state.metric.rawValue)\(state.sortReversed ? ", worst first" : "")", workspace.program.currency.code]
        if !state.filter.text.isEmpty { parts.append("filter \"\(state.filter.text)\"") }
        if !state.marks.isEmpty { parts.append("\(state.marks.count) marked") }
        grid.put(" " + parts.joined(separator: " · "), x: rect.x, y: rect.y, width: rect.width, role: .title)
    }

    private func drawRows(_ grid: inout Grid, _ columns: TableView<Column>, _ rect: Rect) {
        guard grid.ledgerOrWait(status, in: rect) != nil else { return }
        columns.drawRows(&grid, rect, list: state.list, count: table.count,
                         empty: state.filter.text.isEmpty ? "No creator in this wave yet." : "No creator matches — Esc clears the filter.") { index in
            guard let entry = table.entry(at: index) else { return nil }
            return .init(id: entry.row.creatorID, cell: { (text($0, entry), role($0, entry)) }) { grid, y, isMarked in
                if rect.width >= RowTrends.minimumWidth, let position = trends.position(of: entry.row.creatorID, in: entry.row.waveID),
                   let sparkline = trends.sparkline(.orders, row: position) {
                    grid.putCells(sparkline, x: rect.maxX - RowTrends.weeks - 1,
                                  y: y, role: isMarked ? .marked : .info)
                }
            }
        }
    }

    private func text(_ column: Column, _ entry: LeaderboardRows.Entry) -> String {
        let row = entry.row
        let creator = workspace.creator(row.creatorID)
        let money = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: workspace.program.currency).decimalString }
        switch column {
        case .rank: return String(entry.rank)
        case .movement:
            guard let movement = entry.movement else { return "new" }
            return movement == 0 ? "=" : movement > 0 ? "▲\(movement)" : "▼\(-movement)"
        case .creator: return creator.map { "@" + $0.handle } ?? row.creatorID.rawValue
        case .tier: return creator?.tier.rawValue ?? ""
        case .orders: return String(row.results.directOrders)
        case .revenue: return money(row.results.directNetRevenue)
        case .cost: return money(row.costs.total)
        case .margin: return money(row.contributionMargin)
        case .roas: return LedgerFigures.roas(row.roasHundredths)
        case .roi: return LedgerFigures.roi(row.roiBasisPoints)
        case .assets: return String(row.results.usableAssets)
        case .engagement: return PipelineColumns.compactCount(row.results.engagement)
        }
    }

    private func role(_ column: Column, _ entry: LeaderboardRows.Entry) -> StyleRole {
        switch column {
        case .margin: entry.row.contributionMargin < 0 ? .danger : .text
        case .movement: (entry.movement ?? 0) > 0 ? .success : (entry.movement ?? 0) < 0 ? .warning : .mutedText
        case .rank, .tier: .mutedText
        default: .text
        }
    }
}

extension LeaderboardPane: ListPane {
    static func holdCursor(_ console: Console) {
        console.state.leaderboard.list.hold(console.leaderboardTable.entry(at: console.state.leaderboard.cursor)?.row.creatorID)
    }

    /// Only while shown, and once the ledger it ranks is built.
    static func refreshRows(_ console: Console) {
        guard console.state.pane == .leaderboard, let built = console.ledgerStatus.value else { return }
        let (table, workspace, revision) = (console.leaderboardTable, console.session.workspace, console.session.derived.ledgerGeneration)
        table.refresh(built, generation: revision, wave: LeaderboardUpdate.wave(console.state), state: console.state.leaderboard, workspace: workspace)
        let page = tableRows(at: console.state.size)
        console.state.leaderboard.list.settle(rows: table.count, page: page, rowOf: table.row(of:))
        guard console.state.size.width >= RowTrends.minimumWidth else { return }
        let scroll = console.state.leaderboard.scroll
        console.trends.prepare(entries: (scroll..<scroll + page).compactMap(table.entry(at:)), of: built, workspace: workspace, generation: revision)
    }

    static var state: WritableKeyPath<UIState, LeaderboardState> { \.leaderboard }

    static func draw(_ frame: Renderer, _ grid: inout Grid, _ layout: Layout) {
        let wave = LeaderboardUpdate.wave(frame.state)
        LeaderboardPane(state: frame.state.leaderboard, wave: wave.flatMap(frame.workspace.wave),
                        nextWave: LeaderboardUpdate.nextWave(after: wave, in: frame.workspace), workspace: frame.workspace,
                        table: frame.leaderboardTable, status: frame.ledger, trends: frame.trends).draw(&grid, layout)
    }

    static func listArea(_ state: UIState, context: UpdateContext, layout: Layout) -> ListArea {
        ListArea(top: layout.body.y + chromeRows, rows: context.leaderboardTable.count, page: tableRows(at: state.size),
                 maxX: layout.body.maxX)
    }

    static func rowCount(_ frame: Renderer) -> Int { frame.leaderboardTable.count }

    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)? {
        CopyAndOpen.handle(context.leaderboardTable.entry(at: state.leaderboard.cursor)?.row.creatorID, in: context.workspace)
    }
}
