/// Finds which creators a survey answer names, by handle or full name, as whole words.
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
        for (position, creator) in creators.enumerated() {
            let handle = TextFolding.words(creator.handle)
            let name = TextFolding.words(creator.name)
            for words in [handle, name] where !words.isEmpty {
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
        struct Mention { var creator: Int32; var start: Int; var end: Int }
        var found: [Int32] = []
        for text in texts {
            let words = TextFolding.words(text)
            var mentions: [Mention] = []
            for start in words.indices where firstWords.contains(words[start]) {
                let second = start + 1 < words.count ? ["", words[start + 1]] : [""]
                for candidates in second.compactMap({ byStart[Start(first: words[start], second: $0)] }) {
                    for name in candidates where start + name.words.count <= words.count {
                        if words[start..<(start + name.words.count)].elementsEqual(name.words) {
                            mentions.append(Mention(creator: name.creator, start: start, end: start + name.words.count))
                        }
                    }
                }
            }
            for mention in mentions {
                let covered = mentions.contains {
                    $0.creator != mention.creator && $0.start <= mention.start && $0.end >= mention.end
                        && $0.end - $0.start > mention.end - mention.start
                }
                if !covered && !found.contains(mention.creator) { found.append(mention.creator) }
            }
        }
        return found
    }
}
