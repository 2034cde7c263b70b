import ChorusCore

/// Where each order of a chunk of an export is, by its Name: open addressing over positions in
/// the chunk's orders (`HashSlots`, as a table's `RowIndex`), the name read back from the
/// order to confirm a match.
///
/// A `[OrderID: Int]` hashed each new order's name with `Hasher` to insert it, and every name
/// again to check that no two chunks share an order, a twentieth of reading the file. Here a
/// name is hashed once (`quickHash64`, with the import's seed so that chunks' hashes compare)
/// and its hash kept for that check.
struct OrderNameIndex {
    private let seed: UInt64
    private var slots = HashSlots(capacity: 8)
    /// Each order's name hash, by position (indexed or not, see `appendWithoutIndexing`).
    private(set) var hashes: [UInt64] = []

    init(seed: UInt64) { self.seed = seed }

    /// Makes room for `count` names without growing again (`indexing`: in the slots too).
    mutating func reserveCapacity(_ count: Int, indexing: Bool) {
        hashes.reserveCapacity(count)
        if indexing, count > slots.capacity { rebuild(capacity: count) }
    }

    /// Keeps `name`'s hash as that of the order the caller appends, without indexing it: for a
    /// chunk read on the guess that no name comes back after other orders' rows, which its
    /// sorted hashes then confirm (see `ShopifyOrdersImport.Chunk`). Looking each new name up
    /// missed the caches on nearly every order.
    mutating func appendWithoutIndexing(_ name: OrderID, in orders: [Order]) -> Int {
        precondition(orders.count == hashes.count, "the hashes cover the chunk's orders")
        hashes.append(hash(name))
        return orders.count
    }

    /// The position of the order named `name` among `orders` (which this index covers); when
    /// there is none, `orders.count`, indexed as the position of the order the caller appends.
    mutating func position(of name: OrderID, in orders: [Order]) -> Int {
        let hash = hash(name)
        let found = find(name, hash: hash, in: orders)
        if let position = found.position { return position }
        precondition(orders.count == hashes.count, "the index covers the chunk's orders")
        slots.fill(found.emptySlot, hash: hash, position: orders.count)
        hashes.append(hash)
        if hashes.count > slots.capacity { rebuild(capacity: 2 * slots.capacity) }
        return orders.count
    }

    /// The position of the order named `name` among `orders`, if it is indexed.
    func existingPosition(of name: OrderID, in orders: [Order]) -> Int? {
        find(name, hash: hash(name), in: orders).position
    }

    /// The position of `name`, or the empty slot where its probe ended.
    private func find(_ name: OrderID, hash: UInt64, in orders: [Order]) -> (position: Int?, emptySlot: Int) {
        slots.find(hash) { orders[$0].id == name }
    }

    /// A name in ASCII (nearly every export's `#1001`) is hashed by its bytes; any other as
    /// `String` hashes it, so that names Swift takes for equal (an accent composed in one row and
    /// combining in another) are one order, as `OrderID`'s equality says.
    private func hash(_ name: OrderID) -> UInt64 {
        var text = name.rawValue
        let ascii = text.withUTF8 { utf8 in
            utf8.allSatisfy { $0 < 0x80 } ? UnsafeRawBufferPointer(utf8).quickHash64(of: 0..<utf8.count, seed: seed) : nil
        }
        return ascii ?? UInt64(UInt(bitPattern: name.hashValue))
    }

    /// The slots again, for `capacity` names, from the kept hashes: no name is read or hashed again.
    private mutating func rebuild(capacity: Int) {
        slots = HashSlots(capacity: capacity)
        for (position, hash) in hashes.enumerated() { slots.place(hash, position: position) }
    }
}
