import ChorusConcurrency

extension RowIndex {
    /// The row of each of `keys` in `rows` (the rows this index was built over), -1 for a key
    /// not there: what `position(of:in:)` answers for each, found a stretch of memory at a time.
    ///
    /// One key at a time, a lookup misses the caches and the TLB on the key's slot and again on
    /// its row's key (a creator's fields are elsewhere): at a million creators the ledger's
    /// 900 000 lookups of enrollments' creators took two microseconds each, a second of the
    /// Leaderboard's wait. Here the probes are made in the order of the slots they start at, and
    /// the rows they lead to are then compared in row order, so both passes walk memory forwards.
    /// The first row whose hash's tag matches is the candidate; where its key differs (a tag
    /// shared by two keys), the key is looked up alone, so the answer is always `position(of:in:)`'s.
    @inlinable func positions<Rows: RandomAccessCollection<Entity>, Entity: TableKeyed>(of keys: [Entity.Key], in rows: Rows) -> [Int32]
        where Rows.Index == Int {
        precondition(rows.count < Int(Int32.max), "rows are found by 32-bit positions")
        let mask = slots.slotCount - 1, slotShift = max(0, slots.slotCount.trailingZeroBitCount - 12)
        let halves = Parallel.halves(of: keys.count).count
        // Hashed once, not again when placed: a creator id's hash is a SipHash of its bytes.
        let keyHashes = Parallel.array(count: keys.count, pieces: halves) { range, first in
            for key in range { (first + key).initialize(to: Self.hash(keys[key])) }
        }
        let (hashes, probes) = Self.bucketOrder(keys.count, buckets: (mask >> slotShift) + 1, value: { keyHashes[$0] },
                                                bucket: { (Int(truncatingIfNeeded: $0) & mask) >> slotShift })
        let candidates = Parallel.array(count: keys.count, pieces: halves) { range, first in
            for probe in range { (first + probe).initialize(to: Int32(slots.find(hashes[probe]) { _ in true }.position ?? -1)) }
        }
        let rowShift = max(0, Int.bitWidth - rows.count.leadingZeroBitCount - 12)
        let (rowsFound, checks) = Self.bucketOrder(keys.count, buckets: (rows.count >> rowShift) + 1, value: { candidates[$0] },
                                                   bucket: { Int(max(0, $0)) >> rowShift })
        var found = [Int32](repeating: -1, count: keys.count)
        found.withUnsafeMutableBufferPointer { found in
            Parallel.inHalves(keys.count) { checked in
                for check in checked where rowsFound[check] >= 0 {
                    let row = Int(rowsFound[check]), key = Int(probes[Int(checks[check])])
                    found[key] = Int32(rows[row].tableKey == keys[key] ? row : position(of: keys[key], in: rows) ?? -1)
                }
            }
        }
        return found
    }
}
