import ChorusConcurrency
import ChorusCore

/// Per-creator values the Pipeline table sorts by, computed once per change to the creators
/// (or the orders the fit score reads) rather than per key press: follower counts, engagement,
/// fit score and alphabetical rank, all parallel to `Workspace.creators`. Sorting an `Int32`
/// index by a precomputed column takes milliseconds where sorting structs takes a tenth of a
/// second. The text a filter searches is `CreatorSearchText`.
struct CreatorColumns {
    private(set) var followers: [Int32] = []
    /// Engagement in hundredths of a percent (0.045 → 450).
    private(set) var engagement: [Int32] = []
    /// Fit score in hundredths (73.25 → 7325).
    private(set) var score: [Int32] = []
    /// Each creator's place when all are sorted by handle, spread over `UInt32` with room
    /// between neighbours: a creator whose handle is edited takes a rank between its new
    /// neighbours' (`replace`), and no other creator's rank (nor any row's key) changes.
    private(set) var handleRank: [UInt32] = []
    /// Creator positions in handle order, where an edited handle's new neighbours are found;
    /// empty when the columns cover only some creators.
    private var byHandle: [Int32] = []

    init() {}

    init(_ creators: EntityTable<Creator>, fit: FitContext = FitContext()) {
        let count = creators.count
        var handles = [String](repeating: "", count: count)
        handles.withUnsafeMutableBufferPointer { handlesOut in
            nonisolated(unsafe) let out = handlesOut
            creators.forEachPieceOnBothCores { first, creators in
                for index in creators.indices { out[first + index] = Self.sortingHandle(creators[index]) }
            }
        }
        // Ranked on a thread of its own while both cores work out the other columns: the
        // ranking is one thread's work, which left the other core idle at a million creators.
        let ranking = count < 4_096 ? nil : BackgroundWork { [handles] in Self.alphabetical(handles) }
        followers = Array(repeating: 0, count: count)
        engagement = Array(repeating: 0, count: count)
        score = Array(repeating: 0, count: count)
        fill(creators, fit: fit, audience: true)
        byHandle = (ranking?.wait() ?? Self.alphabetical(handles)).map(Int32.init)
        handleRank = Array(repeating: 0, count: count)
        let gap = Self.rankGap(count)
        for (index, position) in byHandle.enumerated() { handleRank[Int(position)] = UInt32(index + 1) * gap }
    }

    /// The room between neighbouring ranks when `count` creators are ranked afresh.
    private static func rankGap(_ count: Int) -> UInt32 { UInt32(UInt64(UInt32.max) / UInt64(count + 1)) }

    /// The columns of the creators at `positions` alone, every other creator's left at zero:
    /// what one wave's rows read, so the first frame need not score and rank every creator
    /// before it is drawn (`PipelineRows` completes the columns after it). The handle ranks
    /// here rank these creators among themselves, equal handles by position as among all
    /// creators: a row's rank is only ever compared with another row's, and those comparisons
    /// come out the same.
    init(_ creators: EntityTable<Creator>, at positions: [Int32], fit: FitContext) {
        let count = creators.count
        (followers, engagement, score, handleRank) = ([Int32](repeating: 0, count: count), [Int32](repeating: 0, count: count),
                                                      [Int32](repeating: 0, count: count), [UInt32](repeating: 0, count: count))
        let shown = Set(positions).sorted()
        for position in shown.map(Int.init) {
            let creator = creators[position]
            score[position] = Self.score(of: creator, fit: fit)
            (followers[position], engagement[position]) = Self.audience(of: creator)
        }
        let handles = shown.map { Self.sortingHandle(creators[Int($0)]) }
        let gap = Self.rankGap(shown.count)
        for (rank, index) in Self.alphabetical(handles).enumerated() { handleRank[Int(shown[index])] = UInt32(rank + 1) * gap }
    }

    /// What a creator sorts by alphabetically: the handle, or for a lead (no handle) the name,
    /// after every handle.
    private static func sortingHandle(_ creator: Creator) -> String {
        creator.isLead ? "\u{FFFF}" + creator.name.lowercased() : Creator.normalizedHandle(creator.handle)
    }

    /// The fit score in hundredths; -1 for a lead, who is never ranked.
    private static func score(of creator: Creator, fit: FitContext) -> Int32 {
        creator.isLead ? -1 : Int32((FitScore.value(of: creator, context: fit) * 100).rounded())
    }

    /// Followers, and engagement in hundredths of a percent.
    private static func audience(of creator: Creator) -> (followers: Int32, engagement: Int32) {
        (Int32(clamping: creator.followers), Int32(clamping: Int((creator.engagementRate * 10_000).rounded())))
    }

    /// New fit scores for the same creators (their orders arrived or changed): the other
    /// columns, the alphabetical rank above all, stay as they are.
    mutating func rescore(_ creators: EntityTable<Creator>, fit: FitContext) {
        precondition(creators.count == score.count, "rescoring needs the same creators")
        fill(creators, fit: fit, audience: false)
    }

    /// The creators at `positions` were edited (the same creators otherwise): their columns as
    /// they are now, each edited handle ranked between its new neighbours. False when the
    /// columns cannot be moved on so (they cover only some creators, or a rank has no room
    /// left between its neighbours): then they are to be made afresh.
    mutating func replace(_ positions: [Int], of creators: EntityTable<Creator>, fit: FitContext) -> Bool {
        guard byHandle.count == creators.count, score.count == creators.count else { return false }
        for position in positions {
            score[position] = Self.score(of: creators[position], fit: fit)
            (followers[position], engagement[position]) = Self.audience(of: creators[position])
        }
        // Taken out first, so each goes back in among creators all in their places.
        for index in positions.map({ index(ofRank: handleRank[$0]) }).sorted(by: >) { byHandle.remove(at: index) }
        for position in positions {
            let handle = Self.sortingHandle(creators[position])
            let index = insertionIndex(of: handle, at: position, among: creators)
            let below = index > 0 ? UInt64(handleRank[Int(byHandle[index - 1])]) : 0
            let above = index < byHandle.count ? UInt64(handleRank[Int(byHandle[index])]) : UInt64(UInt32.max)
            guard above - below >= 2 else { return false }
            handleRank[position] = UInt32(below + (above - below) / 2)
            byHandle.insert(Int32(position), at: index)
        }
        return true
    }

    /// Where `rank` is in `byHandle`, which is in rank order.
    private func index(ofRank rank: UInt32) -> Int {
        var (low, high) = (0, byHandle.count)
        while low < high {
            let middle = (low + high) / 2
            if handleRank[Int(byHandle[middle])] < rank { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Where the creator at `position` with sorting handle `handle` goes in `byHandle`: after
    /// every handle before it in UTF-8 byte order, equal handles in position order, as
    /// `alphabetical` ranks them.
    private func insertionIndex(of handle: String, at position: Int, among creators: EntityTable<Creator>) -> Int {
        var (low, high) = (0, byHandle.count)
        while low < high {
            let middle = (low + high) / 2
            let other = Int(byHandle[middle])
            let otherHandle = Self.sortingHandle(creators[other])
            let before = otherHandle.utf8.elementsEqual(handle.utf8) ? other < position : otherHandle.utf8.lexicographicallyPrecedes(handle.utf8)
            if before { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Scores each creator, and with `audience` also their followers and engagement, in one
    /// pass per core. Creators are read in place through each piece's buffer: reading
    /// `creators[position]` copied each creator, a retain and a release more per creator.
    private mutating func fill(_ creators: EntityTable<Creator>, fit: FitContext, audience: Bool) {
        score.withUnsafeMutableBufferPointer { scoreOut in
            followers.withUnsafeMutableBufferPointer { followersOut in
                engagement.withUnsafeMutableBufferPointer { engagementOut in
                    nonisolated(unsafe) let out = (scoreOut, followersOut, engagementOut)
                    creators.forEachPieceOnBothCores { first, creators in
                        for index in creators.indices {
                            out.0[first + index] = Self.score(of: creators[index], fit: fit)
                            guard audience else { continue }
                            (out.1[first + index], out.2[first + index]) = Self.audience(of: creators[index])
                        }
                    }
                }
            }
        }
    }

    /// Positions of `handles` in UTF-8 byte order, equal handles in position order: a radix
    /// sort by the first sixteen bytes as two integers (and the length, for a handle that ends
    /// inside them), then each run of longer handles sharing those sixteen bytes eight bytes at a
    /// time. `String`'s own `<` (Unicode-aware), and even comparing runs of equal first eight
    /// bytes view by view, took over a second of opening a million creators: handles share
    /// long prefixes (`juergen.`, `siobhan.skin`) by the thousand.
    static func alphabetical(_ handles: [String]) -> [Int] {
        var lengths = [UInt64](repeating: 0, count: handles.count)
        var first = lengths, second = lengths
        for (position, handle) in handles.enumerated() {
            lengths[position] = UInt64(min(handle.utf8.count, 17))
            first[position] = eightBytes(of: handle, from: 0)
            second[position] = eightBytes(of: handle, from: 8)
        }
        var rows = Array(0..<Int32(handles.count))
        // Least significant key first: each pass is stable, so the last decides and ties keep the order before.
        for keys in [lengths, second, first] { rows = RadixSort.order(keys: rows.map { keys[Int($0)] }, rows: rows) }
        var order = rows.map(Int.init)
        let sixteenBytes = order.map { (first[$0], second[$0], lengths[$0]) }
        forEachRun(of: sixteenBytes.indices, in: sixteenBytes, sharing: ==) { run in
            if sixteenBytes[run.lowerBound].2 > 16 { sortRun(&order[run], handles, agreeingOn: 16) }
        }
        return order
    }

    /// Sorts positions whose handles agree on their first `agreed` bytes (zero-padded). A handle
    /// no longer than that is a prefix of every longer one there, so those come first, shortest
    /// first; the others are sorted by their next eight bytes, and each run of those again.
    private static func sortRun(_ run: inout ArraySlice<Int>, _ handles: [String], agreeingOn agreed: Int) {
        // (ended, length or next bytes, place in the run): the place keeps equal handles in order.
        let keys = run.enumerated().map { place, position in
            let length = handles[position].utf8.count
            return length <= agreed ? (0, UInt64(length), place) : (1, eightBytes(of: handles[position], from: agreed), place)
        }
        let sorted = keys.sorted { $0 < $1 }
        let positions = sorted.map { run[run.startIndex + $0.2] }
        run.replaceSubrange(run.indices, with: positions)
        let continuing = (sorted.firstIndex { $0.0 == 1 } ?? sorted.count)..<sorted.count
        forEachRun(of: continuing, in: sorted, sharing: { $0.1 == $1.1 }) { places in
            sortRun(&run[(run.startIndex + places.lowerBound)..<(run.startIndex + places.upperBound)], handles, agreeingOn: agreed + 8)
        }
    }

    /// Calls `body` with each range of two or more neighbours in `range` of `items` that `sharing` says agree.
    private static func forEachRun<Item>(of range: Range<Int>, in items: [Item], sharing: (Item, Item) -> Bool, _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start + 1
            while end < range.upperBound, sharing(items[start], items[end]) { end += 1 }
            if end - start > 1 { body(start..<end) }
            start = end
        }
    }

    /// The handle's UTF-8 bytes `offset..<offset + 8` as one big-endian integer, zero-padded.
    private static func eightBytes(of handle: String, from offset: Int) -> UInt64 {
        // In place where the string's bytes are contiguous (native strings, always here);
        // stepping through `utf8.dropFirst` cost more than the sort.
        let inPlace = handle.utf8.withContiguousStorageIfAvailable { bytes in
            var key: UInt64 = 0
            for index in offset..<max(offset, min(bytes.count, offset + 8)) { key |= UInt64(bytes[index]) << UInt64(56 - 8 * (index - offset)) }
            return key
        }
        if let inPlace { return inPlace }
        var key: UInt64 = 0
        var shift: UInt64 = 56
        for byte in handle.utf8.dropFirst(offset).prefix(8) {
            key |= UInt64(byte) << shift
            shift &-= 8
        }
        return key
    }
}
