import ChorusConcurrency

/// A view's rows in each sort's order, ascending by key (`RowSortKeys`): kept once made, so `s`
/// on a big wave picks an order instead of sorting it; for a wave of `presortingFrom` rows or
/// more, the other sorts are made on another thread once its rows are built; and moved on with
/// the rows after a stage change (`PipelineRows.moveRows`).
struct RowOrders {
    private(set) var sorted: [PipelineSort: [Int32]] = [:]
    private var presorting: (sorts: Set<PipelineSort>, work: BackgroundWork<[PipelineSort: [Int32]]>)?
    let presortingFrom: Int

    init(presortingFrom: Int) { self.presortingFrom = presortingFrom }

    /// For rows just built (`kept` empty) or taken back from the shelf (`kept` their orders):
    /// the sorts not had are made on another thread if the rows are many.
    mutating func start(with kept: [PipelineSort: [Int32]], keys: RowSortKeys, except shown: PipelineSort? = nil) {
        sorted = kept
        presorting = nil
        let others = PipelineSort.allCases.filter { $0 != shown && kept[$0] == nil }
        guard keys.count >= presortingFrom, !others.isEmpty else { return }
        presorting = (Set(others), BackgroundWork { Dictionary(uniqueKeysWithValues: others.map { ($0, keys.order(by: $0)) }) })
    }

    /// Every row ascending by `sort`'s key: had, made on another thread (waited for if it is
    /// being made there), or made here and now (`madeHere`).
    mutating func ascending(by sort: PipelineSort, keys: RowSortKeys) -> (order: [Int32], madeHere: Bool) {
        if let had = sorted[sort] { return (had, false) }
        takeInPresorted(waiting: presorting?.sorts.contains(sort) == true)
        if let had = sorted[sort] { return (had, false) }
        let made = keys.order(by: sort)
        sorted[sort] = made
        return (made, true)
    }

    /// Takes in what was sorted on another thread if finished, and lets go of what was not: it
    /// is of the rows as they were (before a move, or the view put aside).
    mutating func settle() {
        takeInPresorted(waiting: false)
        presorting = nil
    }

    private mutating func takeInPresorted(waiting: Bool) {
        guard let presorting, waiting || presorting.work.result != nil else { return }
        sorted.merge(presorting.work.wait()) { had, _ in had }
        self.presorting = nil
    }

    /// Takes rows out of the orders they are placed in by what changes (while `keys` are still
    /// theirs): `moved` rows, whose stage changes, out of the orders their stage places;
    /// `rekeyed` rows, whose creator was edited, out of every order.
    mutating func remove(moved: [Int32], rekeyed: [Int32], keys: RowSortKeys) {
        // By key, not `for (sort, list) in sorted`: a list held by the loop would be copied to change it.
        for sort in Array(sorted.keys) {
            let out = RowSortKeys.readsStage(sort) ? moved + rekeyed : rekeyed
            guard !out.isEmpty else { continue }
            SortedRowList.remove(out, from: &sorted[sort]!, descending: false) { keys.key($0, by: sort) }
        }
    }

    /// Puts `moved` and `rekeyed` rows back where their new keys place them (as `remove` took
    /// them out), and `added` rows into every order.
    mutating func insert(moved: [Int32], rekeyed: [Int32], added: [Int32], keys: RowSortKeys) {
        for sort in Array(sorted.keys) {
            let back = RowSortKeys.readsStage(sort) ? moved + rekeyed + added : rekeyed + added
            guard !back.isEmpty else { continue }
            SortedRowList.insert(back, into: &sorted[sort]!, descending: false) { keys.key($0, by: sort) }
        }
    }
}
