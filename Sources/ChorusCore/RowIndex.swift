import ChorusConcurrency

/// Where each key's row is in an `EntityTable`: open addressing over row numbers (`HashSlots`),
/// the key read back from the row to confirm a match. A `[Key: Int]` keeps a copy of every key
/// beside its position, 2^21 buckets of 24 bytes for a million orders (50 MB); this keeps 8
/// bytes a slot (16 MB) and copies no key while indexing.
@usableFromInline struct RowIndex: Sendable {
    @usableFromInline var slots = HashSlots()
    /// Keys indexed: the rows' count, unless a broken snapshot repeats a key.
    @usableFromInline var count = 0

    @usableFromInline init() {}

    /// Indexes `rows` as they are; a repeated key is found at its first row.
    ///
    /// The rows are inserted grouped by the stretch of slots their hash lands in rather than in
    /// row order: a million orders' slots (16 MB) and rows (128 MB) are far beyond the caches,
    /// and inserting in row order missed them on nearly every row, a serial third of a second
    /// of loading the order history. Within a stretch rows keep their order, so a repeated key
    /// (same hash, same stretch) still finds its first row first; where a key lands does not
    /// change what it finds. Inlinable so that it is specialized for the caller's rows (the
    /// store's orders): read through the generic protocol, each row was copied to take its key.
    @inlinable init<Entity: TableKeyed>(_ rows: [Entity], keepingHashesUpTo rowsWithKeptHashes: Int = RowIndex.rowsWithKeptHashes) {
        self.init()
        rows.withUnsafeBufferPointer { index($0, keepingHashesUpTo: rowsWithKeptHashes) }
    }

    /// Indexes a table's rows as they are, kept in pieces or not (a table rebuilt after rows
    /// were removed), without copying them into one array.
    @inlinable init<Entity: TableKeyed>(_ rows: TableRows<Entity>) {
        guard TableRows<Entity>.inPieces else { self.init(rows.array); return }
        self.init()
        index(rows, keepingHashesUpTo: Self.rowsWithKeptHashes)
    }

    @inlinable mutating func index<Rows: RandomAccessCollection<Entity>, Entity: TableKeyed>(_ rows: Rows, keepingHashesUpTo rowsWithKeptHashes: Int)
        where Rows.Index == Int {
        reserveCapacity(rows.count)
        let (hashes, positions) = stretchOrder(of: rows, keepingHashesUpTo: rowsWithKeptHashes)
        for index in positions.indices { _ = insert(Int(positions[index]), hash: hashes[index], in: rows) }
    }

    /// Up to how many rows held in place `stretchOrder` keeps each row's hash rather than hash it twice.
    @usableFromInline static let rowsWithKeptHashes = 2_000_000

    /// Every row's hash and position, by which of 4 096 equal stretches of the slots the hash
    /// lands in (4 KB each for a million rows), in row order within a stretch: a counting sort,
    /// which keeps each row's hash while it runs unless the rows are many (see below).
    ///
    /// Each half of the rows is counted and placed on a core of its own: hashing a million
    /// order names twice was most of indexing them, on one core while the other waited (an
    /// import's last step; the orders' index at open). Within a stretch the first half's rows
    /// are placed before the second's, so row order, and with it which of a repeated key's rows
    /// is found, is as one pass leaves it.
    @inlinable func stretchOrder<Rows: RandomAccessCollection<Entity>, Entity: TableKeyed>(of rows: Rows, keepingHashesUpTo rowsWithKeptHashes: Int)
        -> (hashes: [UInt64], positions: [UInt32]) where Rows.Index == Int {
        let mask = slots.slotCount - 1, shift = max(0, slots.slotCount.trailingZeroBitCount - 12)
        // Each key is hashed once and its hash kept (8 bytes a row while indexing) for a row
        // holding its fields elsewhere (a creator), which misses the caches to read its key, and
        // for up to two million rows held in place: hashing a million order names twice was a
        // tenth of an import's last step. Past that, rows in place are hashed twice, as a kept
        // hash each would be 80 MB at ten million orders.
        let keepsHashes = Entity.keepsFieldsElsewhere || rows.count <= rowsWithKeptHashes
        let rowHashes = !keepsHashes ? nil : Parallel.array(count: rows.count, pieces: Parallel.halves(of: rows.count).count) { range, first in
            for position in range { (first + position).initialize(to: Self.hash(rows[position].tableKey)) }
        }
        let (hashes, positions) = Self.bucketOrder(rows.count, buckets: (mask >> shift) + 1,
                                                   value: { rowHashes?[$0] ?? Self.hash(rows[$0].tableKey) },
                                                   bucket: { (Int(truncatingIfNeeded: $0) & mask) >> shift })
        return (hashes, positions)
    }

    /// `0..<count` ordered by the bucket of each position's value, each value beside its
    /// position: a counting sort, each half of the positions counted and placed on a core of its
    /// own. Within a bucket positions keep their order (the first half's before the second's),
    /// so a pass in this order meets equal buckets' positions as a pass in position order would.
    /// `value` is asked twice for each position (counting, then placing).
    @inlinable static func bucketOrder<Value>(_ count: Int, buckets: Int, value: (Int) -> Value, bucket: (Value) -> Int)
        -> (values: [Value], positions: [UInt32]) {
        precondition(count < Int(UInt32.max), "a table holds fewer than 4 294 967 295 rows")  // positions are kept in 32 bits
        let halves = Parallel.halves(of: count)
        var starts = Parallel.map(halves.count) { half in
            var counts = [Int](repeating: 0, count: buckets)
            for position in halves[half] { counts[bucket(value(position))] += 1 }
            return counts
        }
        var next = 0
        for each in 0..<buckets {
            for half in starts.indices { (starts[half][each], next) = (next, next + starts[half][each]) }
        }
        var positions = [UInt32](repeating: 0, count: count)
        let values = [Value](unsafeUninitializedCapacity: count) { values, initialized in
            positions.withUnsafeMutableBufferPointer { positions in
                _ = Parallel.map(halves.count) { half in  // each half writes only the places counted for it
                    var starts = starts[half]
                    for position in halves[half] {
                        let value = value(position), place = starts[bucket(value)]
                        (values.baseAddress! + place).initialize(to: value)
                        positions[place] = UInt32(truncatingIfNeeded: position)
                        starts[bucket(value)] = place + 1
                    }
                }
            }
            initialized = count
        }
        return (values, positions)
    }

    /// The row of `key` in `rows` (the rows this index was built over), if any.
    @inlinable func position<Rows: RandomAccessCollection<Entity>, Entity: TableKeyed>(of key: Entity.Key, in rows: Rows) -> Int? where Rows.Index == Int {
        slots.find(Self.hash(key)) { rows[$0].tableKey == key }.position
    }

    /// Makes room for `capacity` keys without growing again.
    mutating func reserveCapacity<Rows: RandomAccessCollection<Entity>, Entity: TableKeyed>(_ capacity: Int, in rows: Rows) where Rows.Index == Int {
        guard capacity > slots.capacity else { return }
        let previous = slots.slots
        reserveCapacity(capacity)
        for entry in previous where entry != 0 {
            let position = Int(entry & 0xFFFF_FFFF) - 1
            _ = insert(position, hash: Self.hash(rows[position].tableKey), in: rows)
        }
    }

    /// Indexes the row at `position` (already in `rows`) under `key`; false, changing nothing,
    /// when `key` is indexed already (the earlier row wins).
    @discardableResult
    mutating func add<Rows: RandomAccessCollection<Entity>, Entity: TableKeyed>(_ position: Int, key: Entity.Key, in rows: Rows) -> Bool
        where Rows.Index == Int {
        if count + 1 > slots.capacity { reserveCapacity(max(count + 1, count * 2), in: rows) }
        return insert(position, hash: Self.hash(key), in: rows)
    }

    /// Empty slots for `capacity` keys, dropping what was indexed. Up to three quarters full:
    /// a table's index is held all session and asked mostly for keys it has.
    @usableFromInline mutating func reserveCapacity(_ capacity: Int) {
        slots = HashSlots(capacity: capacity, fill: .threeQuarters)
        count = 0
    }

    /// The hash a key is placed and found by: its upper half is the slot's tag.
    @inlinable static func hash<Key: Hashable>(_ key: Key) -> UInt64 { UInt64(UInt(bitPattern: key.hashValue)) }

    /// Indexes the row at `position` of `rows` under `hash`, its key's; false, changing
    /// nothing, when that key is indexed already. Reads a row only where a slot's tag matches.
    @inlinable mutating func insert<Rows: RandomAccessCollection<Entity>, Entity: TableKeyed>(_ position: Int, hash: UInt64, in rows: Rows) -> Bool
        where Rows.Index == Int {
        let found = slots.find(hash) { rows[$0].tableKey == rows[position].tableKey }
        guard found.position == nil else { return false }
        slots.fill(found.emptySlot, hash: hash, position: position)
        count += 1
        return true
    }
}
