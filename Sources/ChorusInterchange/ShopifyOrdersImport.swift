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

    /// Reads the table in at most `pieces` chunks (six per core unless told) of at least `minimumChunk` bytes.
    init(_ table: CSVTable, currency: Currency, pieces: Int? = nil, minimumChunk: Int = 4 << 20) throws {
        let fileName = table.fileName
        try ImportFormatError.require(Self.requiredColumns, in: table, expected: "a Shopify orders export")
        // Six chunks a core: one core slower than the other (a busy machine) leaves less of a
        // chunk for the other to wait on, and each chunk's name index stays small.
        let pieces = pieces ?? Parallel.pieceCount(for: table.reader.source.count, minimumSize: 1, perCore: 6)
        let columns = Columns(table.header, fileName: fileName)
        let readers = table.chunkReaders(count: pieces, keepingTogetherRowsWithEqual: columns.name, minimumChunk: minimumChunk)
        let seed = UInt64.random(in: .min ... .max)  // one for every chunk, so that their name hashes compare
        if readers.count > 1 {
            // A chunk that does not read cleanly sends the file to the one-pass read, which
            // reports the error where it is.
            var parts = Parallel.map(readers.count) { index -> Chunk? in
                func read(indexingNames: Bool) -> Chunk? {
                    var chunk = try? Chunk(readers[index], columns: columns, currency: currency, seed: seed, indexingNames: indexingNames)
                    chunk?.sortHashes()
                    return chunk
                }
                // Read first without an index of its names; a name that comes back after other
                // orders' rows (or two names with one hash) has the chunk read again with one,
                // which adds the later rows to the earlier order as one pass does (rare in an
                // export: one pasted after itself).
                guard let chunk = read(indexingNames: false) else { return nil }
                return chunk.mayRepeatAName ? read(indexingNames: true) : chunk
            }
            if parts.allSatisfy({ $0 != nil }), Chunk.areDisjoint(parts.map { $0! }) {
                rowCount = parts.reduce(0) { $0 + $1!.rowCount }
                // Each chunk's orders moved to their place in the one array on a core of its
                // own (a hundred megabytes of orders, moved on one core, kept the other waiting),
                // and the chunk freed once moved: the file's orders are not held twice.
                let starts = parts.reduce(into: [0]) { $0.append($0.last! + $1!.orders.count) }
                orders = Array(unsafeUninitializedCapacity: starts.last!) { joined, count in
                    guard let first = joined.baseAddress else { return }
                    parts.withUnsafeMutableBufferPointer { parts in
                        _ = Parallel.map(parts.count) { index in
                            var chunk = parts[index].take()!
                            chunk.moveOrders(to: first + starts[index])
                        }
                    }
                    count = starts.last!
                }
                return
            }
        }
        let chunk = try Chunk(table.reader, columns: columns, currency: currency, seed: seed)
        (orders, errors, rowCount) = (chunk.orders, chunk.errors, chunk.rowCount)
    }

    /// The orders and errors of a run of rows, read in file order.
    private struct Chunk {
        var orders: [Order] = []
        var errors: [ImportRowError] = []
        var rowCount = 0
        /// Order name → position in `orders` (while no order is left out); without `indexingNames`,
        /// only each order's name hash.
        var names: OrderNameIndex
        let indexingNames: Bool
        /// The orders' name hashes, ascending, once `sortHashes()` is called: only a chunked read
        /// needs them, each chunk sorting its own on its core.
        private(set) var sortedHashes: [UInt64] = []

        /// Reads the chunk's rows. Without `indexingNames` every row whose name is not the one
        /// just read starts an order, and `mayRepeatAName` says whether that guess could be wrong.
        init(_ reader: CSVReader, columns: Columns, currency: Currency, seed: UInt64, indexingNames: Bool = true) throws {
            names = OrderNameIndex(seed: seed)
            self.indexingNames = indexingNames
            var reader = reader
            let start = reader.cursor.position
            var invalid: Set<Int> = []
            var record = CSVRecord()
            var repeats = Repeats()
            // The order whose lines are still being added to `repeats.lines`: an export's rows
            // of one order come one after another, so their lines join a block many orders share.
            var pending: Int?
            func finishPending(_ orders: inout [Order], _ lines: inout OrderLines.Builder) {
                if let pending { orders[pending].lines = lines.takeOrder() }
            }
            while try reader.readNext(into: &record) {
                rowCount += 1
                if rowCount == Self.rowsBeforeReserving {
                    reserveForTheRest(read: reader.cursor.position - start, of: reader.end - start)
                }
                let name = record[columns.name].trimmingWhitespace
                guard !name.isEmpty else { errors.append(columns.failure(record, columns.name, "the row has no order Name")); continue }
                let id = OrderID(name)
                do {
                    // An order's next row is nearly always right after its last: the name is
                    // compared, not hashed. Else, with the index, one lookup that indexes the next
                    // position when the name is new (the order read from this row goes there);
                    // without it, the row starts the next order and its name's hash is kept.
                    let position = pending.flatMap { orders[$0].id == id ? $0 : nil }
                        ?? (indexingNames ? names.position(of: id, in: orders) : names.appendWithoutIndexing(id, in: orders))
                    if position < orders.count {
                        let currency = orders[position].subtotal.currency
                        guard let line = try columns.lineItem(record, currency: currency, texts: &repeats.texts) else { continue }
                        if position == pending { repeats.lines.append(line) } else { orders[position].lines.append(line) }
                    } else {
                        finishPending(&orders, &repeats.lines)
                        pending = position
                        do {
                            orders.append(try columns.readOrder(record, id: id, currency: currency, repeats: &repeats))
                        } catch {
                            // Kept in its place, so later rows find it, and left out at the end.
                            orders.append(Order(id: id, email: nil, financialStatus: "paid", createdAt: Timestamp(secondsSinceEpoch: 0),
                                                subtotal: .zero(currency), refunded: .zero(currency)))
                            throw error
                        }
                        let currency = orders[position].subtotal.currency
                        if let line = try columns.lineItem(record, currency: currency, texts: &repeats.texts) { repeats.lines.append(line) }
                    }
                } catch let error as ImportRowError {
                    errors.append(error)
                    if let position = names.existingPosition(of: id, in: orders) { invalid.insert(position) }
                }
            }
            finishPending(&orders, &repeats.lines)
            if !invalid.isEmpty {
                orders = orders.enumerated().filter { !invalid.contains($0.offset) }.map(\.element)
            }
        }

        mutating func sortHashes() {
            sortedHashes = names.hashes.sorted()
        }

        /// Whether, read without an index of names, two of the orders may be one: two share a
        /// hash (`sortHashes()` first).
        var mayRepeatAName: Bool {
            !indexingNames && zip(sortedHashes, sortedHashes.dropFirst()).contains { $0 == $1 }
        }

        /// Moves the orders to `destination` (uninitialized memory for as many), leaving in
        /// their place orders that refer to nothing: copying the later chunks' orders behind
        /// the first's retained and released each one's half-dozen references on one core.
        mutating func moveOrders(to destination: UnsafeMutablePointer<Order>) {
            orders.withUnsafeMutableBufferPointer { moved in
                guard let source = moved.baseAddress else { return }
                destination.moveInitialize(from: source, count: moved.count)
                source.initialize(repeating: Self.nothing, count: moved.count)
            }
        }

        /// An order without a reference to anything: what a moved order's place holds until freed.
        private static let nothing = Order(id: OrderID(""), email: nil, financialStatus: "paid", createdAt: Timestamp(secondsSinceEpoch: 0),
                                           subtotal: .zero(.eur), refunded: .zero(.eur))

        /// Rows read before guessing how many orders the chunk holds.
        private static let rowsBeforeReserving = 2_048

        /// Makes room for the orders the rest of the chunk holds, guessed from its first rows:
        /// growing the name index of half a million orders as it filled rehashed every name
        /// in it several times (a twentieth of reading them). The guess is capped by the bytes
        /// left, at a row of 64 bytes per name and of 256 per order (an export's row has some
        /// eighty fields): a file that starts with short rows must not reserve gigabytes.
        private mutating func reserveForTheRest(read: Int, of total: Int) {
            guard read > 0 else { return }
            let expected = orders.count * total / read + orders.count / 8
            names.reserveCapacity(min(expected, total / 64), indexing: indexingNames)
            orders.reserveCapacity(min(expected, total / 256))
        }

        /// True when no order has rows in two chunks (nor a left-out order, whose rows leave
        /// no trace in `orders`: any row error sends the file back to a one-pass read).
        ///
        /// First by the names' hashes, sorted by each chunk on its core: chunks that share no
        /// hash share no name, which merging sorted lists shows without looking a million names
        /// up in the other chunks' indexes (a third of a second of both cores). Only when two
        /// chunks share a hash, and all were read with indexes, are the names looked up: each
        /// chunk's in the later chunks' indexes (a name two chunks share is found from the
        /// earlier of them).
        static func areDisjoint(_ chunks: [Chunk]) -> Bool {
            guard chunks.allSatisfy({ $0.errors.isEmpty }) else { return false }
            guard SortedHashes.shareAValue(chunks.map(\.sortedHashes)) else { return true }
            // Without indexes to look them up in, a shared hash sends the file to one pass.
            guard chunks.allSatisfy(\.indexingNames) else { return false }
            // By position: iterating the orders copied each one.
            return Parallel.map(chunks.count) { index in
                chunks[index].orders.indices.allSatisfy { position in
                    (index + 1..<chunks.count).allSatisfy { chunks[$0].names.existingPosition(of: chunks[index].orders[position].id, in: chunks[$0].orders) == nil }
                }
            }.allSatisfy { $0 }
        }
    }
}

/// The chunks' name hashes, each list ascending: whether two chunks may share an order.
enum SortedHashes {
    /// Whether two of the ascending lists have a value in common: merged in pairs, and the
    /// merged lists in pairs, each level on all cores. Comparing every pair of a dozen
    /// chunks' lists read each list eleven times; a tree of merges reads it four times.
    static func shareAValue(_ lists: [[UInt64]]) -> Bool {
        var lists = lists
        while lists.count > 1 {
            let merged = Parallel.map((lists.count + 1) / 2) { pair in
                2 * pair + 1 < lists.count ? Self.union(lists[2 * pair], lists[2 * pair + 1]) : lists[2 * pair]
            }
            guard merged.allSatisfy({ $0 != nil }) else { return true }
            lists = merged.map { $0! }
        }
        return false
    }

    /// The two ascending lists as one, or nil when they have a value in common.
    private static func union(_ first: [UInt64], _ second: [UInt64]) -> [UInt64]? {
        var union: [UInt64] = []
        union.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count, j < second.count {
            if first[i] == second[j] { return nil }
            if first[i] < second[j] { union.append(first[i]); i += 1 } else { union.append(second[j]); j += 1 }
        }
        union.append(contentsOf: first[i...])
        union.append(contentsOf: second[j...])
        return union
    }
}
