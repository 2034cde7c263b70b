import ChorusCore

/// Per-creator values the Pipeline table sorts and filters by, computed once per change to
/// the creators rather than per key press: folded search text as UTF-8 bytes, follower
/// counts, engagement, fit score and alphabetical rank, all parallel to `Workspace.creators`.
///
/// With 100 000 creators a `localizedCaseInsensitiveContains` per row per keystroke takes
/// 0.7 s; a byte search over text folded once takes a few milliseconds.
struct CreatorColumns {
    private(set) var searchText: [UInt8] = []
    /// `searchText[searchStart[i]..<searchStart[i + 1]]` is creator `i`'s folded text.
    private(set) var searchStart: [Int32] = [0]
    private(set) var followers: [Int32] = []
    /// Engagement in hundredths of a percent (0.045 → 450).
    private(set) var engagement: [Int32] = []
    /// Fit score in hundredths (73.25 → 7325).
    private(set) var score: [Int32] = []
    /// Position of each creator when all are sorted by handle.
    private(set) var handleRank: [Int32] = []

    init() {}

    init(_ creators: [Creator]) {
        let count = creators.count
        followers.reserveCapacity(count)
        engagement.reserveCapacity(count)
        score.reserveCapacity(count)
        searchStart.reserveCapacity(count + 1)
        var handles: [String] = []
        handles.reserveCapacity(count)
        for creator in creators {
            let handle = Creator.normalizedHandle(creator.handle)
            handles.append(handle)
            searchText.append(contentsOf: Self.fold(Self.searchable(creator, handle: handle)).utf8)
            searchStart.append(Int32(searchText.count))
            followers.append(Int32(clamping: creator.followers))
            engagement.append(Int32(clamping: Int((creator.engagementRate * 10_000).rounded())))
            score.append(Int32((FitScore(creator).value * 100).rounded()))
        }
        handleRank = Array(repeating: 0, count: count)
        let alphabetical = (0..<count).sorted { handles[$0] < handles[$1] }
        for (rank, position) in alphabetical.enumerated() { handleRank[position] = Int32(rank) }
    }

    /// Text and needle are folded the same way: lower-cased, so `/ana` finds `@Ana_Lima`.
    static func fold(_ text: some StringProtocol) -> String { TextSanitizer.sanitize(text).lowercased() }

    /// Everything a coordinator might type to find a creator, one field per line so that a
    /// match never spans two fields.
    private static func searchable(_ creator: Creator, handle: String) -> String {
        var fields = ["@" + handle, creator.name, creator.tier.rawValue]
        if let country = creator.country { fields.append(country) }
        fields += creator.niches
        fields += creator.sources.map(\.label)
        return fields.joined(separator: "\n")
    }

    /// Whether creator `position`'s folded text contains `needle` (already folded).
    func matches(_ position: Int, _ needle: [UInt8]) -> Bool {
        let start = Int(searchStart[position])
        let end = Int(searchStart[position + 1])
        guard !needle.isEmpty else { return true }
        guard end - start >= needle.count else { return false }
        return searchText.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { pattern in
                let first = pattern[0]
                var index = start
                let last = end - pattern.count
                while index <= last {
                    if text[index] == first {
                        var offset = 1
                        while offset < pattern.count, text[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
