/// Finds which creators a survey answer names, by handle, full name or alias, as whole words.
///
/// Built once per attribution run: every creator's handle and name are folded into word
/// sequences and indexed by their first two words, so an answer is checked in time
/// proportional to its own length, not to the 100 000 creators it might mention. (Indexing by
/// the first word alone left thousands of "maria …" names to compare for every "maria" in an
/// answer, which made a million-order attribution take half a minute.)
public struct CreatorMentions: Sendable {
    private struct Name: Sendable {
        var creator: Int32
        var words: [String]
    }

    /// A name's first two folded words; the second is empty for a one-word name.
    private struct Start: Hashable, Sendable {
        var first: String
        var second: String
    }

    /// First two folded words → every handle or name that starts with them.
    private var byStart: [Start: [Name]] = [:]
    /// Every word a handle or name starts with: most words in an answer ("saw", "on", "her")
    /// start none, and are passed over with one lookup.
    private var firstWords: Set<String> = []

    /// Indexes `creators`; results are positions in that array.
    public init(_ creators: [Creator]) {
        byStart.reserveCapacity(creators.count * 2)
        // A lead is not a creator yet: an answer naming them credits nobody.
        for (position, creator) in creators.enumerated() where !creator.isLead {
            let handle = TextFolding.words(creator.handle)
            let name = TextFolding.words(creator.name)
            for words in [handle, name] + creator.aliases.map(TextFolding.words) where !words.isEmpty {
                let entry = Name(creator: Int32(position), words: words)
                let start = Start(first: words[0], second: words.count > 1 ? words[1] : "")
                if byStart[start]?.contains(where: { $0.creator == entry.creator && $0.words == words }) == true { continue }
                byStart[start, default: []].append(entry)
                firstWords.insert(words[0])
            }
        }
    }

    /// Positions of the distinct creators named in `texts`, in order of first mention.
    ///
    /// A name found inside a longer name of another creator ("Anna" inside "Anna Berg") is
    /// not a separate mention: the buyer wrote the longer one.
    public func creators(namedIn texts: [String]) -> [Int32] {
        struct Span: Hashable { var start: Int; var end: Int }
        var found: [Int32] = []
        var seen = Set<Int32>()
        for text in texts {
            let words = TextFolding.words(text)
            var mentions: [(creator: Int32, span: Span)] = []
            for start in words.indices where firstWords.contains(words[start]) {
                let second = start + 1 < words.count ? ["", words[start + 1]] : [""]
                for candidates in second.compactMap({ byStart[Start(first: words[start], second: $0)] }) {
                    for name in candidates where start + name.words.count <= words.count {
                        if words[start..<(start + name.words.count)].elementsEqual(name.words) {
                            mentions.append((name.creator, Span(start: start, end: start + name.words.count)))
                        }
                    }
                }
            }
            guard !mentions.isEmpty else { continue }
            // Creators by the words they cover. A common full name can belong to a hundred
            // creators, so coverage is decided per span (a few per answer), not per pair.
            var creatorsAt: [Span: [Int32]] = [:]
            for mention in mentions { creatorsAt[mention.span, default: []].append(mention.creator) }
            for mention in mentions {
                let length = mention.span.end - mention.span.start
                let covered = creatorsAt.contains { span, creators in
                    span.start <= mention.span.start && span.end >= mention.span.end && span.end - span.start > length
                        && creators.contains { $0 != mention.creator }
                }
                if !covered, seen.insert(mention.creator).inserted { found.append(mention.creator) }
            }
        }
        return found
    }
}
