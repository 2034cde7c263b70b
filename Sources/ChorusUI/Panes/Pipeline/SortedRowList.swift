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

    /// `list` without those of `rows` it holds, each found by its key as placed.
    static func removing(_ rows: [Int32], from list: [Int32], descending: Bool, keyOf: (Int32) -> UInt64) -> [Int32] {
        var found: [Int] = []
        for row in rows {
            let index = insertionIndex(list, key: keyOf(row), descending: descending, keyOf: keyOf)
            if index < list.count, list[index] == row { found.append(index) }
        }
        guard !found.isEmpty else { return list }
        found.sort()
        var result: [Int32] = []
        result.reserveCapacity(list.count - found.count)
        var start = 0
        for index in found {
            result.append(contentsOf: list[start..<index])
            start = index + 1
        }
        result.append(contentsOf: list[start...])
        return result
    }

    /// `list` with `rows` (none of which it holds) each in its place by key.
    static func inserting(_ rows: [Int32], into list: [Int32], descending: Bool, keyOf: (Int32) -> UInt64) -> [Int32] {
        guard !rows.isEmpty else { return list }
        let placed = rows.map { (row: $0, key: keyOf($0)) }.sorted { descending ? $0.key > $1.key : $0.key < $1.key }
        var result: [Int32] = []
        result.reserveCapacity(list.count + rows.count)
        var start = 0
        for (row, key) in placed {
            let index = insertionIndex(list, key: key, descending: descending, keyOf: keyOf)
            result.append(contentsOf: list[start..<index])
            result.append(row)
            start = index
        }
        result.append(contentsOf: list[start...])
        return result
    }
}
