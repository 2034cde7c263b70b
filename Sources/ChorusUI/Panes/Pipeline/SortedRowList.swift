/// A list of rows kept in the order of their keys (`RowSortKeys`), ascending or, for a reversed
/// sort, descending: a few rows moved after a stage change are taken out and put back by
/// binary search, instead of the whole wave being sorted and filtered again.
///
/// Rows are taken out while their keys are still the ones they are placed by, and put back once
/// they have their new keys: in between, the list is in order.
enum SortedRowList {
    /// The index in `list` before which a row with `key` goes.
    static func insertionIndex(_ list: [Int32], key: UInt64, descending: Bool, keyOf: (Int32) -> UInt64) -> Int {
        var (low, high) = (0, list.count)
        while low < high {
            let middle = (low + high) / 2
            let other = keyOf(list[middle])
            if descending ? other > key : other < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Takes those of `rows` that `list` holds out of it, each found by its key as placed. In
    /// place, as `insert` puts rows back: on a wave of 900 000 rows each of its five orders was
    /// copied whole to take one row out and again to put it back, 7 ms of an edit's key.
    static func remove(_ rows: [Int32], from list: inout [Int32], descending: Bool, keyOf: (Int32) -> UInt64) {
        var found: [Int] = []
        for row in rows {
            let index = insertionIndex(list, key: keyOf(row), descending: descending, keyOf: keyOf)
            if index < list.count, list[index] == row { found.append(index) }
        }
        guard !found.isEmpty else { return }
        found = Array(Set(found)).sorted()  // a row asked for twice is taken out once
        list.withUnsafeMutableBufferPointer { list in
            // Each stretch between two rows taken out moves down by the rows taken out before it.
            for (taken, index) in found.enumerated() {
                let end = taken + 1 < found.count ? found[taken + 1] : list.count
                let stretch = UnsafeMutableBufferPointer(rebasing: list[(index + 1)..<end])
                guard !stretch.isEmpty else { continue }
                UnsafeMutableRawPointer(list.baseAddress! + index - taken).copyMemory(from: stretch.baseAddress!,
                                                                                      byteCount: stretch.count * MemoryLayout<Int32>.stride)
            }
        }
        list.removeLast(found.count)
    }

    /// Puts `rows` (none of which `list` holds) each in its place by key, in place.
    static func insert(_ rows: [Int32], into list: inout [Int32], descending: Bool, keyOf: (Int32) -> UInt64) {
        guard !rows.isEmpty else { return }
        let placed = rows.map { (row: $0, key: keyOf($0)) }.sorted { descending ? $0.key > $1.key : $0.key < $1.key }
        let indices = placed.map { insertionIndex(list, key: $0.key, descending: descending, keyOf: keyOf) }
        let count = list.count
        list.append(contentsOf: repeatElement(0, count: placed.count))
        list.withUnsafeMutableBufferPointer { list in
            // From the end: the stretch after each new row moves up by the rows placed before it and it.
            var end = count
            for taken in placed.indices.reversed() {
                let index = indices[taken]
                // A list out of order for its keys would give an index past the stretch left.
                precondition(index <= end, "the list is not in the order of its keys")
                if end > index {
                    UnsafeMutableRawPointer(list.baseAddress! + index + taken + 1).copyMemory(from: list.baseAddress! + index,
                                                                                              byteCount: (end - index) * MemoryLayout<Int32>.stride)
                }
                list[index + taken] = placed[taken].row
                end = index
            }
        }
    }
}
