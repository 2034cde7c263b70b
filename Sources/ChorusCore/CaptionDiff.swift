/// What changed in a caption between two revision rounds, word by word, so a coordinator
/// checks only what the creator touched instead of rereading the whole caption.
public struct CaptionDiff: Hashable, Sendable {
    public enum Change: Hashable, Sendable { case kept, removed, added }

    /// One word (as written, without the spaces around it) and what happened to it.
    public struct Word: Hashable, Sendable {
        public var text: String
        public var change: Change
    }

    public let words: [Word]

    /// Compares `old` with `new` by their longest common run of words.
    public init(from old: String, to new: String) {
        let before = old.split(whereSeparator: \.isWhitespace).map(String.init)
        let after = new.split(whereSeparator: \.isWhitespace).map(String.init)
        // common[i][j]: length of the longest common subsequence of before[i...] and after[j...].
        var common = Array(repeating: Array(repeating: 0, count: after.count + 1), count: before.count + 1)
        for i in stride(from: before.count - 1, through: 0, by: -1) {
            for j in stride(from: after.count - 1, through: 0, by: -1) {
                common[i][j] = before[i] == after[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var words: [Word] = []
        var (i, j) = (0, 0)
        while i < before.count || j < after.count {
            if i < before.count, j < after.count, before[i] == after[j] {
                words.append(Word(text: before[i], change: .kept))
                (i, j) = (i + 1, j + 1)
            } else if j < after.count, i == before.count || common[i][j + 1] >= common[i + 1][j] {
                words.append(Word(text: after[j], change: .added))
                j += 1
            } else {
                words.append(Word(text: before[i], change: .removed))
                i += 1
            }
        }
        self.words = words
    }

    /// Whether the two captions differ at all (ignoring spacing).
    public var hasChanges: Bool { words.contains { $0.change != .kept } }

    /// A plain-text form for scripts and logs: `[-old-]` and `{+new+}`, as `git diff --word-diff` writes it.
    public var plainText: String {
        words.map { word in
            switch word.change {
            case .kept: word.text
            case .removed: "[-\(word.text)-]"
            case .added: "{+\(word.text)+}"
            }
        }.joined(separator: " ")
    }
}

extension Submission {
    /// The caption against the previous round's, or nil in round one.
    public var captionDiff: CaptionDiff? { previousCaptions.last.map { CaptionDiff(from: $0, to: caption) } }
}
