import ChorusCore

/// The ledger as finance receives it: one row per creator and wave with every cost and
/// result, the `total` row apart from them, and the program KPIs as a summary. CSV and JSON
/// are built from the one column list below, so the two formats cannot disagree. Money is a
/// decimal string with the currency's minor digits (the `currency` column names it); ROAS
/// (revenue ÷ cost) is a multiple and ROI on contribution margin (margin ÷ cost) a percentage,
/// both with two places. Handles and names are creators' text, so CSV cells are
/// neutralized unless a script asks for them raw.
///
/// The total is never one of the data rows: a pivot table or a `SUM` over a column would count
/// it twice. The CSV's rows are creators only, and `totalsCSV` is the same columns with the one
/// total row, for a file of its own. Every row carries `as_of`, the day the figures are for
/// (commission still in its hold depends on it), so a copy pasted elsewhere keeps its date.
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

    /// The CSV of the creator rows: `currency` and `as_of` columns after the labels.
    public func csv(neutralizesFormulas: Bool = true) -> [UInt8] {
        csv(of: lines, neutralizesFormulas: neutralizesFormulas)
    }

    /// The same columns with only the `total` row.
    public func totalsCSV(neutralizesFormulas: Bool = true) -> [UInt8] {
        csv(of: [total], neutralizesFormulas: neutralizesFormulas)
    }

    private func csv(of lines: [Line], neutralizesFormulas: Bool) -> [UInt8] {
        var writer = CSVWriter(neutralizesFormulas: neutralizesFormulas, reservingCapacity: 256 + lines.count * 230)
        writer.writeRow(Array(Self.columns.prefix(4)) + ["currency", "as_of"] + Self.columns.dropFirst(4))
        for line in lines {
            for (index, column) in Self.columnCells.enumerated() {
                if index == 4 {
                    writer.append(ledger.currency.code)
                    writer.append(ledger.today)
                }
                write(column.cell(line), into: &writer)
            }
            writer.endRow()
        }
        return writer.bytes
    }

    /// Every creator row as column → cell, for JSON.
    public var rows: [[(name: String, value: Cell)]] {
        lines.map(cells)
    }

    /// The `total` row as column → cell, for JSON.
    public var totalRow: [(name: String, value: Cell)] { cells(total) }

    private func cells(_ line: Line) -> [(name: String, value: Cell)] {
        Self.columnCells.map { ($0.name, $0.cell(line)) }
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
