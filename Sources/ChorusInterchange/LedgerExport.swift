import ChorusCore

/// The ledger as finance receives it: one row per creator and wave with every cost and
/// result, then a `total` row, and the program KPIs as a summary. CSV and JSON are built from
/// the one column list below, so the two formats cannot disagree. Money is a decimal string
/// with the currency's minor digits (the `currency` column names it); ROAS (revenue ÷ cost) is a
/// multiple and ROI on contribution margin (margin ÷ cost) a percentage, both with two places.
/// Handles and names are creators' text, so CSV cells are neutralized.
public struct LedgerExport {
    /// One exported value: text, a count, an amount in minor units, a rate in basis points, or
    /// a multiple in hundredths (ROAS).
    public enum Cell: Hashable, Sendable {
        case text(String), count(Int), money(Int64?), percent(Int64?), multiple(Int64?)
    }

    /// A row's label columns and figures (a ledger row or the total).
    struct Line: Sendable {
        var handle = "", name = "", creatorID = "", wave = ""
        var costs: Ledger.Costs
        var results: Ledger.Results
        var grossMargin: Int64
        var contributionMargin: Int64
        var costPerAcquisition: Int64?
        var roasHundredths: Int64?
        var roiBasisPoints: Int64?
    }

    public static let columns: [String] = columnCells.map(\.name)

    private static let columnCells: [(name: String, cell: @Sendable (Line) -> Cell)] = [
        ("handle", { .text($0.handle) }), ("name", { .text($0.name) }), ("creator_id", { .text($0.creatorID) }),
        ("wave", { .text($0.wave) }),
        ("product_cost", { .money($0.costs.productCost) }), ("shipping_cost", { .money($0.costs.shippingCost) }),
        ("flat_fees", { .money($0.costs.flatFees) }), ("store_credit", { .money($0.costs.storeCredit) }),
        ("commission", { .money($0.costs.commission) }), ("commission_pending", { .money($0.costs.commissionPending) }),
        ("bonuses", { .money($0.costs.bonuses) }), ("total_cost", { .money($0.costs.total) }),
        ("direct_orders", { .count($0.results.directOrders) }), ("direct_net_revenue", { .money($0.results.directNetRevenue) }),
        ("assisted_orders", { .count($0.results.assistedOrders) }),
        ("assisted_net_revenue", { .money($0.results.assistedNetRevenue) }),
        ("usable_assets", { .count($0.results.usableAssets) }), ("engagement", { .count($0.results.engagement) }),
        ("gross_margin", { .money($0.grossMargin) }), ("contribution_margin", { .money($0.contributionMargin) }),
        ("cpa", { .money($0.costPerAcquisition) }), ("roas", { .multiple($0.roasHundredths) }),
        ("roi_on_margin_percent", { .percent($0.roiBasisPoints) }),
    ]

    public let ledger: Ledger
    let lines: [Line]
    let total: Line

    public init(_ ledger: Ledger, workspace: Workspace) {
        self.ledger = ledger
        lines = ledger.rows.map { row in
            let creator = workspace.creator(row.creatorID)
            return Line(handle: creator?.handle ?? "", name: creator?.name ?? "",
                        creatorID: row.creatorID.rawValue, wave: row.waveID.rawValue, costs: row.costs, results: row.results,
                        grossMargin: row.grossMargin, contributionMargin: row.contributionMargin,
                        costPerAcquisition: row.costPerAcquisition, roasHundredths: row.roasHundredths,
                        roiBasisPoints: row.roiBasisPoints)
        }
        let kpis = ledger.kpis
        total = Line(wave: "total", costs: kpis.costs, results: kpis.results, grossMargin: kpis.grossMargin,
                     contributionMargin: kpis.contributionMargin,
                     costPerAcquisition: kpis.costPerAcquisition, roasHundredths: kpis.roasHundredths,
                     roiBasisPoints: kpis.roiBasisPoints)
    }

    /// The program KPIs, as name and value, in the order the summary lists them.
    public var summary: [(name: String, value: Cell)] {
        let kpis = ledger.kpis
        return [
            ("currency", .text(ledger.currency.code)), ("today", .text(ledger.today.description)),
            ("creators", .count(kpis.creators)), ("active_creators", .count(kpis.activeCreators)),
            ("usable_assets", .count(kpis.results.usableAssets)), ("total_cost", .money(kpis.costs.total)),
            ("budget", .money(kpis.budget)), ("budget_left", .money(kpis.budget - kpis.costs.total)),
            ("cost_per_active_creator", .money(kpis.costPerActiveCreator)), ("cost_per_usable_asset", .money(kpis.costPerUsableAsset)),
            ("contribution_margin", .money(kpis.contributionMargin)),
            ("contribution_margin_per_creator", .money(kpis.contributionMarginPerCreator)), ("roas", .multiple(kpis.roasHundredths)),
            ("roi_on_margin_percent", .percent(kpis.roiBasisPoints)),
        ]
    }

    /// The CSV: a `currency` column after the labels, the rows, then the `total` row.
    public func csv() -> [UInt8] {
        var writer = CSVWriter(reservingCapacity: 256 + lines.count * 220)
        writer.writeRow(Array(Self.columns.prefix(4)) + ["currency"] + Self.columns.dropFirst(4))
        for line in lines + [total] {
            for (index, column) in Self.columnCells.enumerated() {
                if index == 4 { writer.append(ledger.currency.code) }
                write(column.cell(line), into: &writer)
            }
            writer.endRow()
        }
        return writer.bytes
    }

    /// Every row as column → cell, for JSON; the total row last.
    public var rows: [[(name: String, value: Cell)]] {
        (lines + [total]).map { line in Self.columnCells.map { ($0.name, $0.cell(line)) } }
    }

    /// The text of a cell as both formats write it: money with the currency's minor digits.
    public func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .count(let count): String(count)
        case .money(let minorUnits): minorUnits.map { ledger.money($0).decimalString } ?? ""
        case .percent(let basisPoints): basisPoints.map(BasisPoints.decimal) ?? ""
        case .multiple(let hundredths): hundredths.map(BasisPoints.decimal) ?? ""
        }
    }

    private func write(_ cell: Cell, into writer: inout CSVWriter) {
        switch cell {
        case .text(let text): writer.append(text)
        case .count(let count): writer.append(count)
        case .money(let minorUnits): writer.append(minorUnits.map(ledger.money))
        case .percent, .multiple: writer.append(text(cell))
        }
    }
}
