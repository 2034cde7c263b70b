import ChorusCore
import Dispatch

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
    /// Position of each creator when all are sorted by handle.
    private(set) var handleRank: [Int32] = []

    init() {}

    init(_ creators: [Creator], fit: FitContext = FitContext()) {
        let count = creators.count
        let chunks = count < 4_096 ? 1 : 2
        followers = Array(repeating: 0, count: count)
        engagement = Array(repeating: 0, count: count)
        score = Array(repeating: 0, count: count)
        var handles = [String](repeating: "", count: count)
        followers.withUnsafeMutableBufferPointer { followersOut in
            engagement.withUnsafeMutableBufferPointer { engagementOut in
                score.withUnsafeMutableBufferPointer { scoreOut in
                    handles.withUnsafeMutableBufferPointer { handlesOut in
                        nonisolated(unsafe) let out = (followersOut, engagementOut, scoreOut, handlesOut)
                        // Each chunk writes only its own slots, so the buffers are shared safely.
                        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                            for position in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                                let creator = creators[position]
                                // Leads (no handle) sort after every handle, by name.
                                out.3[position] = creator.isLead ? "\u{FFFF}" + creator.name.lowercased() : Creator.normalizedHandle(creator.handle)
                                out.0[position] = Int32(clamping: creator.followers)
                                out.1[position] = Int32(clamping: Int((creator.engagementRate * 10_000).rounded()))
                                out.2[position] = creator.isLead ? -1 : Int32((FitScore.value(of: creator, context: fit) * 100).rounded())
                            }
                        }
                    }
                }
            }
        }
        handleRank = Array(repeating: 0, count: count)
        for (rank, position) in Self.alphabetical(handles).enumerated() { handleRank[position] = Int32(rank) }
    }

    /// New fit scores for the same creators (their orders arrived or changed): the other
    /// columns, the alphabetical rank above all, stay as they are.
    mutating func rescore(_ creators: [Creator], fit: FitContext) {
        precondition(creators.count == score.count, "rescoring needs the same creators")
        let count = creators.count
        let chunks = count < 4_096 ? 1 : 2
        score.withUnsafeMutableBufferPointer { scoreOut in
            nonisolated(unsafe) let out = scoreOut
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for position in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                    out[position] = creators[position].isLead ? -1 : Int32((FitScore.value(of: creators[position], context: fit) * 100).rounded())
                }
            }
        }
    }

    /// Positions of `handles` in UTF-8 byte order. A radix sort by the first eight bytes as
    /// one integer, then each run of equal prefixes (few, and short) byte by byte: `String`'s
    /// own `<` (Unicode-aware), and even a comparison sort by the prefix, made sorting 100 000
    /// handles a noticeable part of opening a workspace.
    static func alphabetical(_ handles: [String]) -> [Int] {
        let prefixes = handles.map { handle in
            handle.utf8.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (56 - 8 * UInt64($1.offset)) }
        }
        var order = RadixSort.order(keys: prefixes, rows: Array(0..<Int32(handles.count))).map(Int.init)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, prefixes[order[end]] == prefixes[order[start]] { end += 1 }
            if end - start > 1 { order[start..<end].sort { handles[$0].utf8.lexicographicallyPrecedes(handles[$1].utf8) } }
            start = end
        }
        return order
    }
}
