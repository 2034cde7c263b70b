import ChorusCore

/// Where each order of a chunk of an export is, by its Name: open addressing over positions in
/// the chunk's orders, a slot holding the upper half of the name's hash beside the position,
/// the name read back from the order to confirm a match.
///
/// A `[OrderID: Int]` hashed each new order's name with `Hasher` to insert it, and every name
/// again to check that no two chunks share an order, a twentieth of reading the file. Here a
/// name is hashed once (`quickHash64`, with the import's seed so that chunks' hashes compare)
/// and its hash kept for that check.
struct OrderNameIndex {
    private let seed: UInt64
    /// 0 for an empty slot, else the hash's upper half beside `position + 1`; at most half full.
    private var slots = [UInt64](repeating: 0, count: 16)
    /// Each indexed order's name hash, by position.
    private(set) var hashes: [UInt64] = []

    init(seed: UInt64) { self.seed = seed }

    /// Makes room for `count` names without growing again.
    mutating func reserveCapacity(_ count: Int) {
        hashes.reserveCapacity(count)
        if count * 2 > slots.count { rebuild(slotCount: Self.slotCount(for: count)) }
    }

    /// The position of the order named `name` among `orders` (which this index covers); when
    /// there is none, `orders.count`, indexed as the position of the order the caller appends.
    mutating func position(of name: OrderID, in orders: [Order]) -> Int {
        let hash = hash(name)
        let found = find(name, hash: hash, in: orders)
        if let position = found.position { return position }
        precondition(orders.count == hashes.count && orders.count < Int(UInt32.max), "the index covers the chunk's orders")
        slots[found.emptySlot] = (hash >> 32) << 32 | UInt64(orders.count + 1)
        hashes.append(hash)
        if hashes.count * 2 > slots.count { rebuild(slotCount: slots.count * 2) }
        return orders.count
    }

    /// The position of the order named `name` among `orders`, if it is indexed.
    func existingPosition(of name: OrderID, in orders: [Order]) -> Int? {
        find(name, hash: hash(name), in: orders).position
    }

    /// The position of `name`, or the empty slot where its probe ended.
    private func find(_ name: OrderID, hash: UInt64, in orders: [Order]) -> (position: Int?, emptySlot: Int) {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let position = Int(slots[slot] & 0xFFFF_FFFF) - 1
            if slots[slot] >> 32 == hash >> 32, orders[position].id == name { return (position, slot) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return (nil, slot)
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

    private static func slotCount(for count: Int) -> Int {
        var size = 16
        while size < count * 2 { size *= 2 }
        return size
    }

    /// The slots again, larger, from the kept hashes: no name is read or hashed again.
    private mutating func rebuild(slotCount: Int) {
        slots = [UInt64](repeating: 0, count: slotCount)
        for (position, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = (hash >> 32) << 32 | UInt64(position + 1)
        }
    }
}
