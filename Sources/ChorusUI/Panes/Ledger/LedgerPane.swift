import ChorusCore

/// The Ledger pane: every cost and result per creator and wave, as finance sees it, with the
/// KPIs of the rows shown above them. Enter opens the orders and parcels behind a row.
struct LedgerPane {
    let state: LedgerState
    let workspace: Workspace
    let table: LedgerRows
    let status: Derived<Ledger>
    /// Paid, in run and payable per row; nil while not computed.
    let payouts: PayoutBalances?
    /// Net per week per row, from `RowTrends.minimumWidth` columns.
    let trends: RowTrends

    /// Rows above the table inside the main area: two KPI lines and the header.
    static let chromeRows = 3

    static func tableRows(at size: Size) -> Int { max(1, Layout(size: size).body.height - chromeRows) }

    private enum Column: CaseIterable {
        // What of the cost is paid, in a run, or payable follows the cost it is part of.
        case creator, wave, product, shipping, fees, credit, commission, bonuses, cost, paid, inRun, payable
        case orders, revenue, assisted, assets, margin, cpa, roas, roi

        var title: String {
            switch self {
            case .creator: "CREATOR"
            case .wave: "WAVE"
            case .product: "PRODUCT"
            case .shipping: "SHIPPING"
            case .fees: "FEES"
            case .credit: "CREDIT"
            case .commission: "COMMISSION"
            case .bonuses: "BONUSES"
            case .cost: "COST"
            case .orders: "ORDERS"
            case .revenue: "REVENUE"
            case .assisted: "ASSISTED"
            case .assets: "ASSETS"
            case .margin: "MARGIN"
            case .cpa: "CPA"
            case .roas: "ROAS"
            case .roi: "MARGIN ROI"
            case .paid: "PAID"
            case .inRun: "IN RUN"
            case .payable: "PAYABLE"
            }
        }

        /// A sortable column has room for its title and the sort mark.
        /// The column each sort orders by.
        static let sortable: [Column: LedgerSort] = [.cost: .totalCost, .revenue: .directRevenue, .margin: .contributionMargin,
                                                     .roas: .roas, .roi: .roi, .cpa: .costPerAcquisition, .commission: .commission]

        var width: Int { Self.sortable[self] == nil ? ownWidth : SortMark.width(ownWidth, title: title) }

        private var ownWidth: Int {
            switch self {
            case .creator: 0
            case .wave: 4
            case .orders, .assets: 6
            case .roas: 7
            case .assisted: 8
            default: 10
            }
        }
    }

    func draw(_ grid: inout Grid, _ layout: Layout) {
        let body = layout.body
        let sorted = Column.sortable.first { $0.value == state.sort }?.key
        drawTitle(&grid, layout.titleBar)
        drawKPIs(&grid, Rect(x: body.x, y: body.y, width: body.width, height: 2))
        let trend = body.width >= RowTrends.minimumWidth ? RowTrends.weeks + 1 : 0
        let columns = TableView(columns: layoutColumns(width: body.width - 2 - trend)) { $0 != .creator && $0 != .wave }
        columns.drawHeader(&grid, y: body.y + 2, from: body) { SortMark.title($0.title, sorted: $0 == sorted, reversed: state.sortReversed) }
        if trend > 0 { grid.put(RowTrends.Kind.net.title, x: body.maxX - trend, y: body.y + 2, width: trend, role: .header) }
        drawRows(&grid, columns, Rect(x: body.x, y: body.y + Self.chromeRows, width: body.width, height: body.height - Self.chromeRows))
    }

    private func money(_ minorUnits: Int64?) -> String {
        minorUnits.map { Money(minorUnits: $0, currency: workspace.program.currency).decimalString } ?? "—"
    }

    private func layoutColumns(width: Int) -> [(Column, x: Int, width: Int)] {
        // The sorted column stays: the order on screen must be explained by a column on screen.
        let dropFirst = [Column.inRun, .paid, .payable, .credit, .assisted, .shipping, .product, .bonuses, .fees, .assets,
                         .cpa, .commission, .wave, .orders, .roas].filter { Column.sortable[$0] != state.sort }
        return ColumnLayout.fit(Column.allCases, width: width, flexible: .creator, dropFirst: dropFirst, minimumFlexible: 14,
                                maximumFlexible: 28, widthOf: \.width)
    }

    private func drawTitle(_ grid: inout Grid, _ rect: Rect) {
        var parts = ["Ledger", state.wave.flatMap(workspace.wave)?.name ?? "every wave", "\(table.count) row\(table.count == 1 ? "" : "s")",
                     "sort: \(state.sort.rawValue)\(state.sortReversed ? ", reversed" : "")", workspace.program.currency.code]
        if !state.filter.text.isEmpty { parts.append("filter \"\(state.filter.text)\"") }
        grid.put(" " + parts.joined(separator: " · "), x: rect.x, y: rect.y, width: rect.width, role: .title)
    }

    private func drawKPIs(_ grid: inout Grid, _ rect: Rect) {
        guard case .ready = status else { return }
        let kpis = table.kpis
        // Cost and the two returns on it lead, so they survive a narrow terminal.
        let first = "Total cost \(money(kpis.costs.total)) · ROAS \(LedgerFigures.roas(kpis.roasHundredths)) · "
            + "ROI on margin \(LedgerFigures.roi(kpis.roiBasisPoints)) · direct revenue \(money(kpis.results.directNetRevenue)) · "
            + "contribution margin \(money(kpis.contributionMargin))"
        let second = "Per active creator \(money(kpis.costPerActiveCreator)) · per usable asset \(money(kpis.costPerUsableAsset)) · "
            + "margin per creator \(money(kpis.contributionMarginPerCreator)) · spent \(money(kpis.costs.total)) of \(money(kpis.budget))"
        grid.put(" " + first, x: rect.x, y: rect.y, width: rect.width, role: .text)
        grid.put(" " + second, x: rect.x, y: rect.y + 1, width: rect.width,
                 role: kpis.costs.total > kpis.budget && kpis.budget > 0 ? .warning : .mutedText)
    }

    private func drawRows(_ grid: inout Grid, _ columns: TableView<Column>, _ rect: Rect) {
        guard let ledger = grid.ledgerOrWait(status, in: rect) else { return }
        columns.drawRows(&grid, rect, list: state.list, count: table.count, empty: "No creator in this ledger yet.") { index in
            guard let position = table.position(at: index) else { return nil }
            let row = ledger.rows[position]
            func cell(_ column: Column) -> (text: String, role: StyleRole) {
                (text(column, row), column == .margin && row.contributionMargin < 0 ? .danger : column == .wave ? .mutedText : .text)
            }
            return .init(id: LedgerRowKey(creator: row.creatorID, wave: row.waveID), cell: cell) { grid, y, _ in
                if rect.width >= RowTrends.minimumWidth, let sparkline = trends.sparkline(.net, row: position) {
                    grid.putCells(sparkline, x: rect.maxX - RowTrends.weeks - 1,
                                  y: y, role: .info)
                }
            }
        }
    }

    private func text(_ column: Column, _ row: Ledger.Row) -> String {
        switch column {
        case .creator: workspace.creator(row.creatorID).map { "@" + $0.handle } ?? row.creatorID.rawValue
        case .wave: row.waveID.rawValue
        case .product: money(row.costs.productCost)
        case .shipping: money(row.costs.shippingCost)
        case .fees: money(row.costs.flatFees)
        case .credit: money(row.costs.storeCredit)
        case .commission: money(row.costs.commission)
        case .bonuses: money(row.costs.bonuses)
        case .cost: money(row.costs.total)
        case .orders: String(row.results.directOrders)
        case .revenue: money(row.results.directNetRevenue)
        case .assisted: String(row.results.assistedOrders)
        case .assets: String(row.results.usableAssets)
        case .margin: money(row.contributionMargin)
        case .cpa: money(row.costPerAcquisition)
        case .roas: LedgerFigures.roas(row.roasHundredths)
        case .roi: LedgerFigures.roi(row.roiBasisPoints)
        case .paid: money(payouts?.balance(row.creatorID, row.waveID).paid)
        case .inRun: money(payouts?.balance(row.creatorID, row.waveID).inRun)
        case .payable: money(payouts?.balance(row.creatorID, row.waveID).payable)
        }
    }
}

extension LedgerPane: ListPane {
    static func holdCursor(_ console: Console) {
        console.state.ledger.list.hold(console.ledgerTable.key(at: console.state.ledger.cursor))
    }

    /// Only while shown, and once the ledger is built.
    static func refreshRows(_ console: Console) {
        guard console.state.pane == .ledger, let built = console.ledgerStatus.value else { return }
        let (table, workspace, revision) = (console.ledgerTable, console.session.workspace, console.session.derived.ledgerGeneration)
        table.refresh(built, generation: revision, state: console.state.ledger, workspace: workspace)
        let page = tableRows(at: console.state.size)
        console.state.ledger.list.settle(rows: table.count, page: page, rowOf: table.row(of:))
        guard console.state.size.width >= RowTrends.minimumWidth else { return }
        let scroll = console.state.ledger.scroll
        console.trends.prepare(rows: (scroll..<scroll + page).compactMap(table.position(at:)), of: built, workspace: workspace, generation: revision)
    }

    static var state: WritableKeyPath<UIState, LedgerState> { \.ledger }

    static func draw(_ frame: Renderer, _ grid: inout Grid, _ layout: Layout) {
        LedgerPane(state: frame.state.ledger, workspace: frame.workspace, table: frame.ledgerTable, status: frame.ledger,
                   payouts: frame.payoutBalances, trends: frame.trends).draw(&grid, layout)
    }

    static func listArea(_ state: UIState, context: UpdateContext, layout: Layout) -> ListArea {
        ListArea(top: layout.body.y + chromeRows, rows: context.ledgerTable.count, page: tableRows(at: state.size), maxX: layout.body.maxX)
    }

    static func rowCount(_ frame: Renderer) -> Int { frame.ledgerTable.count }

    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)? {
        let position = context.ledgerTable.position(at: state.ledger.cursor)
        return CopyAndOpen.handle(position.flatMap { context.ledger?.rows[safe: $0]?.creatorID }, in: context.workspace)
    }
}
