/// Open addressing over positions in a caller's rows, the slots of `RowIndex` and of the order
/// import's `OrderNameIndex`: a slot is 0 when empty, else the upper half of a key's hash beside
/// its row's position + 1, so a probe reads a row only where the hash matches, and no key is
/// copied into the index. The count is a power of two at least twice the keys placed, so a
/// probe ends at an empty slot after a step or two. What a key is, how it is hashed and how
/// rows are compared is the caller's.
@usableFromInline package struct HashSlots: Sendable {
    // Not `private(set)`: `fill`, inlined into other modules, writes it.
    @usableFromInline package var slots: [UInt64]

    /// Empty slots for `capacity` keys at half load.
    @inlinable package init(capacity: Int = 0) {
        var size = 8
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// How many slots there are (8 bytes each).
    @inlinable package var slotCount: Int { slots.count }

    /// How many keys fit before the slots are over half full.
    @inlinable package var capacity: Int { slots.count / 2 }

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
