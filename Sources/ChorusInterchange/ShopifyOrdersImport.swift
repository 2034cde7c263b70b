import ChorusConcurrency
import ChorusCore

/// Reads Shopify's order export (Orders → Export → CSV) as it really is, into orders for
/// `.importOrders`.
///
/// The export has one row per line item; the order-level fields (status, totals, discount
/// codes, refunds, cancellation, UTM note attributes) are filled only on an order's first row,
/// and rows are grouped by `Name`. Columns are found by name, so extra or missing optional
/// columns do not matter. Every row is checked before anything is applied: a bad amount or
/// date is reported with its file, line and column, and its whole order is left out, since
/// half an order would misstate revenue.
public struct ShopifyOrdersImport: Sendable {
    public static let requiredColumns = ["Name", "Financial Status", "Created at", "Subtotal"]

    /// The orders that can be applied, in the order their first rows appear.
    public private(set) var orders: [Order] = []
    /// The rows that cannot; their orders are not in `orders`.
    public private(set) var errors: [ImportRowError] = []
    /// How many data rows the file had.
    public private(set) var rowCount = 0

    /// Reads and checks the whole file. Throws `CSVError` when the file cannot be read as CSV
    /// and `ImportFormatError` when it is not an orders export.
    ///
    /// A big file is read in chunks on all cores (see `CSVTable.chunkReaders`); whenever the
    /// chunks do not read cleanly, or an order's rows turn up in two of them, the file is read
    /// again in one pass, so the result and the errors never depend on the split.
    public init(bytes: [UInt8], fileName: String, currency: Currency) throws {
        try self.init(CSVTable(bytes: bytes, fileName: fileName), currency: currency)
    }

    /// Reads and checks a file a window at a time, never holding it whole (see `CSVFile`).
    /// A file written to meanwhile is refused as such, also where its torn rows failed to parse.
    public init(file: CSVFile, fileName: String, currency: Currency) throws {
        let changed = CSVError(.changedWhileRead, fileName: fileName, line: 1, column: 0)
        do {
            try self.init(CSVTable(file: file, fileName: fileName), currency: currency)
        } catch where file.changedSinceOpened {
            throw changed
        }
        if file.changedSinceOpened { throw changed }
    }

    /// Reads the file in at most `pieces` chunks of at least `minimumChunk` bytes; 1 reads it in one pass.
    init(bytes: [UInt8], fileName: String, currency: Currency, pieces: Int, minimumChunk: Int = 4 << 20) throws {
        try self.init(CSVTable(bytes: bytes, fileName: fileName), currency: currency, pieces: pieces, minimumChunk: minimumChunk)
    }

    /// Reads the table in at most `pieces` chunks (two per core unless told) of at least `minimumChunk` bytes.
    init(_ table: CSVTable, currency: Currency, pieces: Int? = nil, minimumChunk: Int = 4 << 20) throws {
        let fileName = table.fileName
        try ImportFormatError.require(Self.requiredColumns, in: table, expected: "a Shopify orders export")
        let pieces = pieces ?? Parallel.pieceCount(for: table.reader.source.count, minimumSize: 1)
        let columns = Columns(table.header, fileName: fileName)
        let readers = table.chunkReaders(count: pieces, keepingTogetherRowsWithEqual: columns.name, minimumChunk: minimumChunk)
        if readers.count > 1 {
            // A chunk that does not read cleanly sends the file to the one-pass read, which
            // reports the error where it is.
            var parts = Parallel.map(readers.count) { index in
                try? Chunk(readers[index], columns: columns, currency: currency)
            }
            if parts.allSatisfy({ $0 != nil }), Chunk.areDisjoint(parts.map { $0! }) {
                // Each chunk's orders freed once moved: the file's orders are not held twice.
                let total = parts.reduce(0) { $0 + $1!.orders.count }
                for index in parts.indices {
                    absorb(parts[index].take()!)
                    if index == 0 { orders.reserveCapacity(total) }
                }
                return
            }
        }
        absorb(try Chunk(table.reader, columns: columns, currency: currency))
    }

    /// The first chunk's orders are taken as they are, not copied order by order.
    private mutating func absorb(_ chunk: Chunk) {
        if orders.isEmpty { orders = chunk.orders } else { orders += chunk.orders }
        errors += chunk.errors
        rowCount += chunk.rowCount
    }

    /// The orders and errors of a run of rows, read in file order.
    private struct Chunk {
        var orders: [Order] = []
        var errors: [ImportRowError] = []
        var rowCount = 0
        /// Order name → position in `orders`.
        var positions: [OrderID: Int] = [:]
        /// Each distinct referral once, shared by the chunk's orders that have it (see
        /// `OrderReferral`): a big import holds a million orders in memory.
        var referrals: Set<OrderReferral> = []

        init(_ reader: CSVReader, columns: Columns, currency: Currency) throws {
            var reader = reader
            var invalid: Set<Int> = []
            var record = CSVRecord()
            while try reader.readNext(into: &record) {
                rowCount += 1
                let name = record[columns.name].trimmingWhitespace
                guard !name.isEmpty else { errors.append(columns.failure(record, columns.name, "the row has no order Name")); continue }
                let id = OrderID(name)
                do {
                    // One lookup that inserts the next position when the name is new (no earlier
                    // order is at that position): looking up, then inserting, hashed each new
                    // order's name twice.
                    let position = Self.value(&positions[id, default: orders.count])
                    if position < orders.count {
                        let currency = orders[position].subtotal.currency
                        if let line = try columns.lineItem(record, currency: currency) { orders[position].lines.append(line) }
                    } else {
                        orders.append(Order(id: id, email: nil, financialStatus: "", createdAt: Timestamp(secondsSinceEpoch: 0),
                                            subtotal: .zero(currency), refunded: .zero(currency)))
                        try columns.readOrder(record, into: &orders[orders.count - 1], currency: currency, referrals: &referrals)
                    }
                } catch let error as ImportRowError {
                    errors.append(error)
                    if let position = positions[id] { invalid.insert(position) }
                }
            }
            if !invalid.isEmpty {
                orders = orders.enumerated().filter { !invalid.contains($0.offset) }.map(\.element)
            }
        }

        /// What `value` holds; handed a dictionary's `[key, default:]` in place, it inserts the
        /// default for a missing key in the same lookup.
        private static func value(_ value: inout Int) -> Int { value }

        /// True when no order has rows in two chunks (nor a left-out order, whose rows leave
        /// no trace in `orders`: any row error sends the file back to a one-pass read). Each
        /// chunk looks its names up in the later chunks' indexes, on every core: lookups in
        /// tables that already exist, rather than a million inserts into a new one on one core.
        /// Only the later ones: a name two chunks share is found from the earlier of them, so
        /// looking back as well did every lookup twice.
        static func areDisjoint(_ chunks: [Chunk]) -> Bool {
            guard chunks.allSatisfy({ $0.errors.isEmpty }) else { return false }
            return Parallel.map(chunks.count) { index in
                // By the names alone: iterating the orders copied each one.
                chunks[index].positions.keys.allSatisfy { id in
                    (index + 1..<chunks.count).allSatisfy { chunks[$0].positions[id] == nil }
                }
            }.allSatisfy { $0 }
        }
    }

    /// Where each column the importer reads sits in this file's header.
    private struct Columns {
        let name, financialStatus, createdAt, subtotal: Int
        let email, currency, discountCode, refunded, cancelledAt, source: Int?
        let quantity, itemName, sku, price: Int?
        let landingSite, noteAttributes: Int?
        let shopifyID: Int?
        /// For naming the file and the field in a row's error.
        let header: CSVHeader
        let fileName: String

        init(_ header: CSVHeader, fileName: String) {
            self.header = header
            self.fileName = fileName
            name = header.index(of: "Name")!
            financialStatus = header.index(of: "Financial Status")!
            createdAt = header.index(of: "Created at")!
            subtotal = header.index(of: "Subtotal")!
            email = header.index(of: "Email")
            currency = header.index(of: "Currency")
            discountCode = header.index(of: "Discount Code")
            refunded = header.index(of: "Refunded Amount")
            cancelledAt = header.index(of: "Cancelled at")
            source = header.index(of: "Source")
            quantity = header.index(of: "Lineitem quantity")
            itemName = header.index(of: "Lineitem name")
            sku = header.index(of: "Lineitem sku")
            price = header.index(of: "Lineitem price")
            landingSite = header.index(of: "Landing Site")
            noteAttributes = header.index(of: "Note Attributes")
            shopifyID = header.index(of: "Id")
        }

        /// The error for `column` of `record`, naming its file, line and field. A method rather
        /// than a closure made for each row, which copied the row and these columns into it.
        func failure(_ record: CSVRecord, _ column: Int, _ message: String) -> ImportRowError {
            ImportRowError(fileName: fileName, line: record.line, column: column + 1, message: message, field: header.name(at: column))
        }

        /// Fills `order` from its first row, in the currency its `Currency` column names (else
        /// `programCurrency`); an order in another currency is converted after reading.
        func readOrder(_ record: CSVRecord, into order: inout Order, currency programCurrency: Currency, referrals: inout Set<OrderReferral>) throws {
            var currency = programCurrency
            if let column = self.currency, !record.isEmpty(at: column) {
                let code = record[column].trimmingWhitespace.uppercased()
                guard code.utf8.count == 3, code.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
                    throw failure(record, column, "'\(record[column])' is not a currency code like EUR or USD")
                }
                currency = Currency(code)
            }
            order.email = text(record, email)
            order.financialStatus = record[financialStatus].trimmingWhitespace.lowercased()
            guard let created = try time(record, createdAt) else { throw failure(record, createdAt, "no Created at time on the order's first row") }
            order.createdAt = created
            order.cancelledAt = try cancelledAt.flatMap { try time(record, $0) }
            guard let amount = try money(record, subtotal, currency) else { throw failure(record, subtotal, "no Subtotal on the order's first row") }
            order.subtotal = amount
            order.refunded = try refunded.flatMap { try money(record, $0, currency) } ?? .zero(currency)
            if let id = text(record, shopifyID) {
                // Spreadsheets keep a long id from turning into 5.1E+12 with a leading '.
                let digits = id.hasPrefix("'") ? String(id.dropFirst()) : id
                // Bytes, not Characters: walking a million ids grapheme by grapheme was a
                // fifth of reading an order. An ASCII number Character is one byte 0–9.
                guard digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { throw failure(record, shopifyID!, "'\(id)' is not a Shopify order Id") }
                order.shopifyID = digits
            }
            let fromLink = text(record, landingSite).map { UTMParameters(landingURL: $0) } ?? UTMParameters()
            let fromNotes = text(record, noteAttributes).map { UTMParameters(noteAttributes: $0) } ?? UTMParameters()
            let utm = fromLink.filled(from: fromNotes)
            let referral = OrderReferral(discountCodes: text(record, discountCode), source: text(record, source), utmSource: utm.source,
                                         utmMedium: utm.medium, utmCampaign: utm.campaign, utmContent: utm.content)
            order.referral = referrals.insert(referral).memberAfterInsert
            if let line = try lineItem(record, currency: currency) { order.lines.append(line) }
        }

        /// The row's line item; nil when the file has no line-item columns or the row none.
        func lineItem(_ record: CSVRecord, currency: Currency) throws -> OrderLine? {
            guard let itemName, !record.isEmpty(at: itemName) else { return nil }
            var quantity = 1
            if let column = self.quantity, !record.isEmpty(at: column) {
                guard let value = Int(record[column].trimmingWhitespace), value > 0 else {
                    throw failure(record, column, "'\(record[column].excerpt)' is not a quantity")
                }
                quantity = value
            }
            let price = try self.price.flatMap { try money(record, $0, currency) } ?? .zero(currency)
            return OrderLine(sku: text(record, sku), name: record[itemName].trimmingWhitespace, quantity: quantity, price: price)
        }

        private func text(_ record: CSVRecord, _ column: Int?) -> String? {
            guard let column, !record.isEmpty(at: column) else { return nil }
            let value = record[column].trimmingWhitespace
            return value.isEmpty ? nil : value
        }

        private func money(_ record: CSVRecord, _ column: Int, _ currency: Currency) throws -> Money? {
            guard !record.isEmpty(at: column) else { return nil }
            let field = record[column]
            guard let value = Money.parse(Substring(field), currency: currency) else {
                throw failure(record, column, "'\(field.excerpt)' is not an amount like 1234.50")
            }
            return value
        }

        private func time(_ record: CSVRecord, _ column: Int) throws -> Timestamp? {
            guard !record.isEmpty(at: column) else { return nil }
            let field = record[column].trimmingWhitespace
            guard !field.isEmpty else { return nil }
            guard let value = Timestamp(field) else { throw failure(record, column, "'\(field.excerpt)' is not a time like 2026-03-12 09:14:02 +0000") }
            return value
        }
    }
}
