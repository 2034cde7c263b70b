/// Open addressing over positions in a caller's rows, the slots of `RowIndex` and of the order
/// import's `OrderNameIndex`: a slot is 0 when empty, else the upper half of a key's hash beside
/// its row's position + 1, so a probe reads a row only where the hash matches, and no key is
/// copied into the index. The count is a power of two, at least twice the keys placed (a
/// probe ends at an empty slot after a step or two) or, for an index held all session, at
/// least a third more (`Fill`). What a key is, how it is hashed and how rows are compared is
/// the caller's.
@usableFromInline package struct HashSlots: Sendable {
    // Not `private(set)`: `fill`, inlined into other modules, writes it.
    @usableFromInline package var slots: [UInt64]
    /// How many keys fit before the slots are fuller than their `Fill` allows.
    @usableFromInline package let capacity: Int

    /// How full the slots may be. Half full, a probe that finds nothing ends after two steps on
    /// average, which an import asking for every name it reads wants. Three quarters full, it
    /// takes eight (a cache line of slots) and one that finds its key three: an index held
    /// all session, mostly asked for keys it has, whose slots for ten million orders are 128 MB
    /// instead of 256 MB.
    @usableFromInline package enum Fill: Sendable {
        case half, threeQuarters
    }

    /// Empty slots for `capacity` keys, no fuller than `fill`.
    @inlinable package init(capacity: Int = 0, fill: Fill = .half) {
        var size = 8
        while Self.keys(fitting: size, fill) < capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        self.capacity = Self.keys(fitting: size, fill)
    }

    @inlinable static func keys(fitting slots: Int, _ fill: Fill) -> Int {
        switch fill {
        case .half: slots / 2
        case .threeQuarters: slots / 4 * 3
        }
    }

    /// How many slots there are (8 bytes each).
    @inlinable package var slotCount: Int { slots.count }

    /// The position of the key hashed `hash` (the first for which `isKey` says so, among rows
    /// whose hash matches), or the empty slot where its probe ended, for `fill`.
    @inlinable package func find(_ hash: UInt64, where isKey: (_ position: Int) -> Bool) -> (position: Int?, emptySlot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (nil, slot) }
            if entry >> 32 == hash >> 32, isKey(Int(entry & 0xFFFF_FFFF) - 1) { return (Int(entry & 0xFFFF_FFFF) - 1, slot) }
            slot = (slot + 1) & mask
        }
    }

    /// Puts `position` under `hash` in `slot`, the empty slot `find` ended at.
    @inlinable package mutating func fill(_ slot: Int, hash: UInt64, position: Int) {
        precondition(position < Int(UInt32.max), "a table holds fewer than 4 294 967 295 rows")  // positions are kept in 32 bits
        slots[slot] = (hash >> 32) << 32 | UInt64(position + 1)
    }

    /// Puts `position` under `hash` in the first empty slot of its probe, comparing nothing:
    /// for keys known to be new (slots built again from kept hashes).
    @inlinable package mutating func place(_ hash: UInt64, position: Int) {
        fill(find(hash, where: { _ in false }).emptySlot, hash: hash, position: position)
    }
}
