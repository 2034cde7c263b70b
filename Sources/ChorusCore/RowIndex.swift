/// Where each key's row is in an `EntityTable`: open addressing over row numbers, the key read
/// back from the row to confirm a match. A `[Key: Int]` keeps a copy of every key beside its
/// position, 2^21 buckets of 24 bytes for a million orders (50 MB); this keeps 8 bytes a slot
/// (16 MB) and copies no key while indexing. Each slot holds the upper half of the key's hash
/// beside the row number, so a probe only reads a row whose hash matches.
@usableFromInline struct RowIndex: Sendable {
    /// 0 for an empty slot, else `hash tag << 32 | (position + 1)`; the count is a power of two
    /// at least twice the keys indexed, so a probe stops at an empty slot after one or two steps.
    @usableFromInline var slots: [UInt64] = []
    /// Keys indexed: the rows' count, unless a broken snapshot repeats a key.
    @usableFromInline private(set) var count = 0

    @usableFromInline init() {}

    /// Indexes `rows` as they are; a repeated key is found at its first row.
    init<Entity: TableKeyed>(_ rows: [Entity]) {
        reserveCapacity(rows.count)
        rows.withUnsafeBufferPointer { buffer in
            for position in buffer.indices { _ = insert(position, key: buffer[position].tableKey, in: buffer) }
        }
    }

    /// The row of `key` in `rows` (the rows this index was built over), if any.
    @inlinable func position<Entity: TableKeyed>(of key: Entity.Key, in rows: [Entity]) -> Int? {
        guard !slots.isEmpty else { return nil }
        let hash = UInt64(UInt(bitPattern: key.hashValue))
        let tag = hash >> 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry >> 32 == tag {
                let position = Int(entry & 0xFFFF_FFFF) - 1
                if rows[position].tableKey == key { return position }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Makes room for `capacity` keys without growing again.
    mutating func reserveCapacity<Entity: TableKeyed>(_ capacity: Int, in rows: [Entity]) {
        guard capacity * 2 > slots.count else { return }
        let previous = slots
        reserveCapacity(capacity)
        rows.withUnsafeBufferPointer { buffer in
            for entry in previous where entry != 0 {
                let position = Int(entry & 0xFFFF_FFFF) - 1
                _ = insert(position, key: buffer[position].tableKey, in: buffer)
            }
        }
    }

    /// Indexes the row at `position` (already in `rows`) under `key`; false, changing nothing,
    /// when `key` is indexed already (the earlier row wins).
    @discardableResult
    mutating func add<Entity: TableKeyed>(_ position: Int, key: Entity.Key, in rows: [Entity]) -> Bool {
        if (count + 1) * 2 > slots.count { reserveCapacity(max(count + 1, count * 2), in: rows) }
        return rows.withUnsafeBufferPointer { insert(position, key: key, in: $0) }
    }

    /// Empty slots for `capacity` keys at half load, dropping what was indexed.
    private mutating func reserveCapacity(_ capacity: Int) {
        var size = 8
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        count = 0
    }

    private mutating func insert<Entity: TableKeyed>(_ position: Int, key: Entity.Key, in rows: UnsafeBufferPointer<Entity>) -> Bool {
        precondition(position < Int(UInt32.max), "a table holds fewer than 4 294 967 295 rows")
        let hash = UInt64(UInt(bitPattern: key.hashValue))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry >> 32 == hash >> 32, rows[Int(entry & 0xFFFF_FFFF) - 1].tableKey == key { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = (hash >> 32) << 32 | UInt64(position + 1)
        count += 1
        return true
    }
}
