import ChorusCore

/// Reads a file of tracking numbers (from a warehouse, a label tool, or an edited pick list)
/// into dispatches for `.markShipped`, checking every row against the workspace first.
///
/// Every row is checked before anything is applied, and each problem names its file, line
/// and column, because a batch of 500 labels with one bad number must either go in whole or
/// tell the person exactly which line to fix. Rows are found by `shipment_id` (ShipStation's
/// `Order #`), or else by `handle` when that creator has exactly one parcel waiting. A
/// shipping cost, when the file has one, goes on the parcel for the ledger.
public struct TrackingImportCSV: Sendable {
    /// One row that cannot be applied, and why: found by line, column and its header, as every import's are.
    public typealias RowError = ImportRowError

    /// The rows that can be applied, in file order.
    public private(set) var dispatches: [ShipmentDispatch] = []
    /// The rows that cannot, in file order.
    public private(set) var errors: [RowError] = []
    public let layout: TrackingFileLayout
    /// Columns the file has that are not read, for the user to see.
    public let unreadColumns: [String]

    /// Reads and checks the whole file; throws `CSVError` only when the file itself is unreadable.
    /// `today` is the day a cost in another currency is converted at when the row has no ship date.
    public init(bytes: [UInt8], fileName: String, workspace: Workspace, today: Day? = nil) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        layout = TrackingFileLayout(header: table.header)
        try table.requireColumns([layout.carrierColumn, layout.numberColumn])
        let idColumn = table.header.index(of: layout.shipmentColumn)
        let handleColumn = layout == .pickList ? table.header.index(of: "handle") : nil
        if idColumn == nil && handleColumn == nil {
            throw CSVError(.missingColumns(["shipment_id or handle"]), fileName: fileName, line: table.headerLine, column: 0)
        }
        let carrierColumn = table.header.index(of: layout.carrierColumn)!
        let numberColumn = table.header.index(of: layout.numberColumn)!
        let costColumn = layout.costColumns.lazy.compactMap(table.header.index(of:)).first
        let dateColumn = layout.shipDateColumn.flatMap(table.header.index(of:))
        let costs = ShippingCostField(program: workspace.program, today: today)
        let known = CSVHeader(names: layout.knownColumns)
        unreadColumns = table.header.names.filter { !$0.trimmingWhitespace.isEmpty && known.index(of: $0) == nil }
        var rows = Rows(workspace: workspace, byHandle: handleColumn != nil)
        let header = table.header
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let fail = { (column: Int?, message: String) in
                RowError(fileName: fileName, line: record.line, column: column.map { $0 + 1 } ?? 0, message: message,
                         field: column.flatMap(header.name(at:)))
            }
            do {
                let number = record[numberColumn].trimmingWhitespace
                let cost = try costColumn.flatMap { column in
                    try costs.read(record[column].trimmingWhitespace, shipDate: dateColumn.map { record[$0] }) { fail(column, $0) }
                }
                let shipment = try rows.shipment(id: idColumn.map { record[$0] }, handle: handleColumn.map { record[$0] },
                                                 idColumn: idColumn ?? handleColumn!, handleColumn: handleColumn ?? idColumn!,
                                                 costFor: cost == nil ? nil : number, fail)
                let carrierText = record[carrierColumn].trimmingWhitespace
                guard let carrier = Carrier(named: carrierText) else {
                    throw fail(carrierColumn, carrierText.isEmpty ? "no carrier; use one of \(Self.carrierNames)"
                                                                    : "unknown carrier '\(carrierText.excerpt)'; use one of \(Self.carrierNames)")
                }
                try rows.claim(number, for: shipment.id, carrier: carrier, line: record.line, column: numberColumn, fail)
                let shippedOn = try dateColumn.flatMap { column -> Day? in
                    let text = record[column].trimmingWhitespace
                    if text.isEmpty { return nil }
                    guard let day = ShippingCostField.day(text) else { throw fail(column, "'\(text)' is not a ship date like 12/03/2026 or 2026-12-03") }
                    return day
                }
                dispatches.append(ShipmentDispatch(shipmentID: shipment.id, carrier: carrier, trackingNumber: number, shippingCost: cost,
                                                   shippedOn: shippedOn))
            } catch let error as RowError {
                errors.append(error)
            }
        }
    }

    static let carrierNames = Carrier.allCases.map(\.label).joined(separator: ", ")

    /// What the rows seen so far have claimed, so a file cannot ship one parcel twice or reuse a number.
    private struct Rows {
        let workspace: Workspace
        /// Creator → parcels that can still ship; only built when the file has a handle column.
        var waiting: [CreatorID: [ShipmentID]] = [:]
        /// Tracking number → who holds it: a shipment already in the workspace, or a line of this file.
        var numbers: [String: String] = [:]
        var shipmentLines: [ShipmentID: Int] = [:]

        init(workspace: Workspace, byHandle: Bool) {
            self.workspace = workspace
            for shipment in workspace.shipments {
                if let number = shipment.trackingNumber { numbers[number] = "shipment \(shipment.id)" }
                if byHandle, shipment.holdsReservation { waiting[shipment.creatorID, default: []].append(shipment.id) }
            }
        }

        /// The row's parcel. One already shipped is only found for a row that gives its shipping
        /// cost (`costFor` is then the row's tracking number) under the number it shipped with.
        func shipment(id: String?, handle: String?, idColumn: Int, handleColumn: Int, costFor number: String?,
                      _ fail: (Int?, String) -> RowError) throws -> Shipment {
            if let id = id?.trimmingWhitespace, !id.isEmpty {
                guard let shipment = workspace.shipment(ShipmentID(id)) else { throw fail(idColumn, "no shipment '\(id.excerpt)'") }
                if let number, [.shipped, .delivered].contains(shipment.status), shipment.trackingNumber == number { return shipment }
                guard shipment.holdsReservation else {
                    let detail = shipment.trackingNumber.map { " with \($0)" } ?? ""
                    let costOnly = shipment.trackingNumber == nil ? "" : "; a row with that tracking number and a shipping cost adds the cost"
                    throw fail(idColumn, "shipment \(id) is \(shipment.status.label)\(detail); only queued or packed parcels can ship\(costOnly)")
                }
                return shipment
            }
            guard let handle = handle?.trimmingWhitespace, !handle.isEmpty else { throw fail(nil, "no shipment_id or handle") }
            guard let creator = workspace.creator(handle: handle) else { throw fail(handleColumn, "no creator @\(Creator.normalizedHandle(handle))") }
            let candidates = waiting[creator.id] ?? []
            guard candidates.count == 1, let shipment = workspace.shipment(candidates[0]) else {
                throw fail(handleColumn, candidates.isEmpty
                    ? "@\(creator.handle) has no queued or packed shipment"
                    : "@\(creator.handle) has \(candidates.count) shipments waiting (\(candidates.map(\.rawValue).joined(separator: ", "))); give the shipment_id")
            }
            return shipment
        }

        mutating func claim(_ number: String, for shipment: ShipmentID, carrier: Carrier, line: Int, column: Int,
                            _ fail: (Int?, String) -> RowError) throws {
            if let earlier = shipmentLines[shipment] { throw fail(nil, "shipment \(shipment) is already on line \(earlier)") }
            if number.isEmpty { throw fail(column, "no tracking number for shipment \(shipment)") }
            if !carrier.accepts(trackingNumber: number) {
                throw fail(column, "'\(number.excerpt)' does not look like a \(carrier.label) tracking number")
            }
            if let holder = numbers[number], holder != "shipment \(shipment)" {
                throw fail(column, "tracking number \(number) is already used by \(holder)")
            }
            numbers[number] = "line \(line)"
            shipmentLines[shipment] = line
        }
    }
}
