import ChorusCore
import ChorusInterchange

/// `chorus report attribution` as rows: one per credited creator (most direct revenue first),
/// a total, then one per kind of order no creator gets (paid/affiliate, unattributed,
/// ambiguous, not counted). Table and CSV print the rows; JSON is one object with the same
/// figures, keyed for scripts, and lists every ambiguous answer with everyone it names.
///
/// Common names make that list long (hundreds of creators per answer, a few hundred MB of JSON
/// for a million orders), so answers keep creator positions, handles are looked up as each
/// one is written, and CSV and JSON are written as they are produced (`write`), not encoded
/// whole first; the answers are encoded on all cores, in pieces handed on in order.
struct AttributionReport {
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

    var currency: String
    var wave: String?
    var creators: [Row]
    var total: Row
    var otherOrders: [Row]
    /// The answers naming several creators, who they name as positions in `handles`
    /// (`Attribution.ambiguousMentions`); only found for the formats that list them (table and JSON).
    var ambiguous: [(order: OrderID, creatorPositions: [CreatorPosition])]
    /// Every creator's handle, by position.
    let handles: [String]

    /// Outcomes that credit nobody, in the order the report lists them.
    static let uncredited: [(AttributionResult.Outcome, String)] = [
        (.paidOrAffiliate, "paid/affiliate"), (.unattributed, "unattributed"), (.ambiguous, "ambiguous"), (.notCounted, "cancelled/void"),
    ]

    init(_ result: AttributionResult, workspace: Workspace, wave: WaveID?, ambiguous: [(order: OrderID, creatorPositions: [CreatorPosition])]) {
        currency = result.currency.code
        self.wave = wave?.rawValue
        let amount = { (minorUnits: Int64) in result.money(minorUnits).decimalString }
        let row = { (kind: String, handle: String?, totals: AttributionResult.CreatorTotals) in
            Row(kind: kind, handle: handle, directOrders: totals.directOrders, directNetRevenue: amount(totals.directNetRevenue),
                assistedOrders: totals.assistedOrders, assistedNetRevenue: amount(totals.assistedNetRevenue),
                orders: totals.directOrders + totals.assistedOrders, netRevenue: amount(totals.directNetRevenue + totals.assistedNetRevenue))
        }
        let handles = workspace.creators.map { $0.handle }
        self.handles = handles
        creators = result.totals
            .map { (handle: workspace.creatorPosition($0.key).map { handles[$0] } ?? $0.key.rawValue, totals: $0.value) }
            .sorted { ($0.totals.directNetRevenue, $1.handle) > ($1.totals.directNetRevenue, $0.handle) }
            .map { row("creator", $0.handle, $0.totals) }
        total = row("total", nil, result.programTotals)
        otherOrders = Self.uncredited.map { outcome, label in
            Row(kind: label, orders: result.count(outcome), netRevenue: result.revenue(outcome).decimalString)
        }
        self.ambiguous = ambiguous
    }

    /// The table, for people: the rows, then the first ambiguous answers to settle.
    func table() -> String {
        let listing = Listing(rows: creators + [total] + otherOrders).table()
        guard !ambiguous.isEmpty else { return listing }
        let review = ambiguous.prefix(20).map { answer in
            "  \(answer.order.rawValue): " + answer.creatorPositions.compactMap { $0.index.map { "@" + handles[$0] } }.joined(separator: ", ")
        }
        let more = ambiguous.count > 20 ? ["  … and \(ambiguous.count - 20) more (--format json lists them all)"] : []
        return ([listing, "survey answers naming several creators (no credit until settled: chorus resolve ORDER @handle):"] + review + more).joined(separator: "\n")
    }

    /// CSV (the rows; `raw`: cells exactly as stored) or JSON, handed to `sink` in pieces.
    func write(as format: OutputFormat, raw: Bool = false, to sink: @escaping ([UInt8]) throws -> Void) throws {
        switch format {
        case .table: try sink(Array((table() + "\n").utf8))
        case .csv:
            var csv = CSVWriter(neutralizesFormulas: !raw, reservingCapacity: (creators.count + 8) * 64)
            csv.writeRow(Row.columns)
            for row in creators + [total] + otherOrders { csv.writeRow(row.cells) }
            try sink(csv.bytes)
        case .json:
            var json = PrettyJSON(to: sink)
            json.beginObject()
            json.key("ambiguous")
            try Self.write(ambiguous, naming: handles, to: &json)
            json.key("creators")
            json.beginArray()
            for row in creators {
                Self.write(row, to: &json)
                try json.flushIfFull()
            }
            json.endArray()
            json.field("currency", currency)
            json.key("otherOrders")
            json.beginArray()
            for row in otherOrders { Self.write(row, to: &json) }
            json.endArray()
            json.key("total")
            Self.write(total, to: &json)
            json.field("wave", wave)
            json.endObject()
            try json.finish()
        }
    }

    /// The answers naming several creators, as the array of the document's `"ambiguous"`: most
    /// of the report (a line per creator named, 200 MB for a million orders), so its members
    /// are made on all cores in pieces of about `linesPerPiece` lines (`PrettyJSON.members`).
    static func write(_ ambiguous: [(order: OrderID, creatorPositions: [CreatorPosition])], naming handles: [String],
                      to json: inout PrettyJSON, linesPerPiece: Int = PrettyJSON.linesPerPiece) throws {
        // Handles are members of "handles" in an answer in "ambiguous" in the document.
        let names = PrettyJSON.Strings(handles, membersAt: 4)
        json.beginArray()
        try json.members(ambiguous.count, lines: { ambiguous[$0].creatorPositions.count + 5 }, linesPerPiece: linesPerPiece) { index, json in
            let answer = ambiguous[index]
            json.beginObject()
            json.key("handles")
            json.beginArray()
            for position in answer.creatorPositions { if let creator = position.index { json.string(creator, of: names) } }
            json.endArray()
            json.field("orderId", answer.order.rawValue)
            json.endObject()
        }
        json.endArray()
    }

    /// A row as an object, keys sorted, nil fields left out.
    private static func write(_ row: Row, to json: inout PrettyJSON) {
        json.beginObject()
        json.field("assistedNetRevenue", row.assistedNetRevenue)
        json.field("assistedOrders", row.assistedOrders)
        json.field("directNetRevenue", row.directNetRevenue)
        json.field("directOrders", row.directOrders)
        json.field("handle", row.handle)
        json.field("kind", row.kind)
        json.field("netRevenue", row.netRevenue)
        json.field("orders", row.orders)
        json.endObject()
    }
}
