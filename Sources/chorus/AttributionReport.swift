import ChorusCore
import Foundation

/// `chorus report attribution` as rows: one per credited creator (most direct revenue first),
/// a total, then one per kind of order no creator gets (paid/affiliate, unattributed,
/// ambiguous, not counted). Table and CSV print the rows; JSON is one object with the same
/// figures, keyed for scripts.
struct AttributionReport: Encodable {
    struct Row: ListRow {
        var kind: String
        var handle: String?
        var directOrders: Int?
        var directNetRevenue: String?
        var assistedOrders: Int?
        var assistedNetRevenue: String?
        var orders: Int
        var netRevenue: String

        static let columns = ["kind", "handle", "direct_orders", "direct_net_revenue", "assisted_orders", "assisted_net_revenue",
                              "orders", "net_revenue"]
        var cells: [String] {
            [kind, handle ?? "", directOrders.map(String.init) ?? "", directNetRevenue ?? "",
             assistedOrders.map(String.init) ?? "", assistedNetRevenue ?? "", String(orders), netRevenue]
        }
    }

    struct Ambiguous: Encodable { var orderId: String; var handles: [String] }

    var currency: String
    var wave: String?
    var creators: [Row]
    var total: Row
    var otherOrders: [Row]
    var ambiguous: [Ambiguous]

    /// Outcomes that credit nobody, in the order the report lists them.
    static let uncredited: [(AttributionResult.Outcome, String)] = [
        (.paidOrAffiliate, "paid/affiliate"), (.unattributed, "unattributed"), (.ambiguous, "ambiguous"), (.notCounted, "cancelled/void"),
    ]

    init(_ result: AttributionResult, workspace: Workspace, wave: WaveID?) {
        currency = result.currency.code
        self.wave = wave?.rawValue
        let amount = { (minorUnits: Int64) in result.money(minorUnits).decimalString }
        let row = { (kind: String, handle: String?, totals: AttributionResult.CreatorTotals) in
            Row(kind: kind, handle: handle, directOrders: totals.directOrders, directNetRevenue: amount(totals.directNetRevenue),
                assistedOrders: totals.assistedOrders, assistedNetRevenue: amount(totals.assistedNetRevenue),
                orders: totals.directOrders + totals.assistedOrders, netRevenue: amount(totals.directNetRevenue + totals.assistedNetRevenue))
        }
        creators = result.totals
            .map { (handle: workspace.handle(of: $0.key) ?? $0.key.rawValue, totals: $0.value) }
            .sorted { ($0.totals.directNetRevenue, $1.handle) > ($1.totals.directNetRevenue, $0.handle) }
            .map { row("creator", $0.handle, $0.totals) }
        total = row("total", nil, result.programTotals)
        otherOrders = Self.uncredited.map { outcome, label in
            Row(kind: label, orders: result.count(outcome), netRevenue: result.revenue(outcome).decimalString)
        }
        ambiguous = Attribution.ambiguousAnswers(of: result, in: workspace).map { answer in
            Ambiguous(orderId: answer.orderID.rawValue, handles: answer.creatorPositions.compactMap { $0.index.map { workspace.creators[$0].handle } })
        }
    }

    func rendered(as format: OutputFormat, raw: Bool = false) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        case .csv, .table:
            let listing = Listing(rows: creators + [total] + otherOrders).rendered(as: format, raw: raw)
            guard format == .table, !ambiguous.isEmpty else { return listing }
            let review = ambiguous.prefix(20).map { "  \($0.orderId): " + $0.handles.map { "@" + $0 }.joined(separator: ", ") }
            let more = ambiguous.count > 20 ? ["  … and \(ambiguous.count - 20) more (--format json lists them all)"] : []
            return ([listing, "survey answers naming several creators (no credit until settled: chorus resolve ORDER @handle):"] + review + more).joined(separator: "\n")
        }
    }
}
