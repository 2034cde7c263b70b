import ChorusConcurrency

/// Finds which creators a survey answer names, by handle, full name or alias, as whole words.
///
/// Built once per attribution run. Every handle, name and alias is folded into words, each
/// word numbered, and the names put in a tree of word numbers: an answer is read once, and
/// from each of its words the tree is walked only as far as some name goes on, so the work is
/// proportional to the answer's length, not to the 100 000 creators it might mention. Creators
/// who share a name share one node, so an answer naming "Maria Garcia", which a hundred
/// creators are called, is one match with a hundred creators rather than a hundred matches
/// compared with each other (that comparison made matching grow with the square of them).
public struct CreatorMentions: Sendable {
    /// Folded word → its number; a word in no name has none, and cannot start or continue one.
    private(set) var wordNumbers: [String: Int32] = [:]
    /// The tree: (node, word number) → the node reached; node 0 is the root.
    private var children: [UInt64: Int32] = [:]
    /// Per node, the distinct creators whose handle, name or alias ends there, in creator order.
    /// Node and word numbers are 32-bit for memory, as creators' positions are: a big program's
    /// tree has millions of edges.
    private var creatorsAt: [[CreatorPosition]] = [[]]

    /// Reusable space for reading answers, so a million answers allocate next to nothing. One
    /// scratch serves one `CreatorMentions`: what it remembers holds for that index's names only.
    struct Scratch {
        var words: [Int32] = []
        var letters: [UInt8] = []
        var spans: [Span] = []
        /// Which creators the `found` being filled holds: those whose mark is `stamp`, `marked`
        /// of them. A report lists hundreds of creators for a common name, and hashing each into
        /// a set to skip repeats was most of listing them.
        var marks: [UInt32] = []
        var stamp: UInt32 = 0
        var marked = 0
        /// Texts already read that name nobody. Answers repeat a survey's few options ("Google
        /// search") across most orders, and hashing a text once is a fraction of folding its words
        /// again; at most `CreatorMentions.rememberedTexts` of them, so free text cannot grow it without end.
        var barren: Set<ExactText> = []

        public init() {}

        /// Starts marking for `found`: every mark made for another list is forgotten at once.
        mutating func startMarking(_ found: [CreatorPosition]) {
            stamp &+= 1
            if stamp == 0 {
                marks = [UInt32](repeating: 0, count: marks.count)
                stamp = 1
            }
            marked = 0
            for creator in found { _ = mark(creator) }
        }

        /// Marks `creator`; false if it was marked already.
        mutating func mark(_ creator: CreatorPosition) -> Bool {
            guard let index = creator.index else { return false }
            if index >= marks.count { marks += [UInt32](repeating: 0, count: max(index + 1 - marks.count, marks.count)) }
            guard marks[index] != stamp else { return false }
            marks[index] = stamp
            marked += 1
            return true
        }
    }

    /// How many distinct texts a reader remembers having read (`Scratch.barren`, the vocabulary's
    /// texts): enough for every option of a survey and its common free answers, a few megabytes at most.
    static let rememberedTexts = 1 << 16

    /// Words `start..<end` of one answer text name the creators at `node`.
    struct Span {
        var start: Int
        var end: Int
        var node: Int32
    }

    /// Indexes `creators`; results are positions in that array.
    public init<Creators: RandomAccessCollection<Creator> & Sendable>(_ creators: Creators) where Creators.Index == Int {
        self.init(creators, keepingNamesWithin: nil)
    }

    /// Indexes only the names of `creators` whose every word occurs in `answers`' texts (their
    /// responses and free text): a name with a word no answer uses cannot be found in one, and
    /// a big program's answers use a few thousand words where its creators' names hold hundreds
    /// of thousands. `collect` finds the same creators in those answers as with every name
    /// indexed, and the work grows with the answers, not with the names nobody wrote.
    init<Creators: RandomAccessCollection<Creator> & Sendable>(_ creators: Creators, namedIn answers: [some SurveyAnswerWording])
        where Creators.Index == Int {
        self.init(creators, keepingNamesWithin: Self.words(of: answers))
    }

    /// Every name of `creators` (or those whose words are all in `vocabulary`), folded on every
    /// core and then numbered in creator order, so numbers do not depend on how work was split.
    private init<Creators: RandomAccessCollection<Creator> & Sendable>(_ creators: Creators, keepingNamesWithin vocabulary: Set<String>?)
        where Creators.Index == Int {
        let pieces = Parallel.pieceCount(for: creators.count, minimumSize: 10_000)
        let names = Parallel.map(pieces) { piece in
            var names: [(position: Int, words: [String])] = []
            var letters: [UInt8] = []
            for position in (creators.count * piece / pieces)..<(creators.count * (piece + 1) / pieces) {
                // A lead is not a creator yet: an answer naming them credits nobody.
                guard !creators[position].isLead else { continue }
                for text in [creators[position].handle, creators[position].name] + creators[position].aliases {
                    var words: [String] = []
                    var known = true
                    TextFolding.forEachWord(in: text, letters: &letters) { word in
                        known = known && vocabulary.map { $0.contains(word) } ?? true
                        if known { words.append(word) }
                    }
                    if known, !words.isEmpty { names.append((position, words)) }
                }
            }
            return names
        }
        let count = names.reduce(0) { $0 + $1.count }
        wordNumbers.reserveCapacity(count)
        children.reserveCapacity(count * 2)
        for piece in names {
            for (position, words) in piece { add(words, naming: CreatorPosition(position)) }
        }
    }

    private mutating func add(_ words: [String], naming creator: CreatorPosition) {
        var node: Int32 = 0
        for word in words {
            let number = wordNumbers[word] ?? {
                let next = Int32(wordNumbers.count)
                wordNumbers[word] = next
                return next
            }()
            let edge = Self.edge(node, number)
            if let child = children[edge] {
                node = child
            } else {
                let child = Int32(creatorsAt.count)
                creatorsAt.append([])
                children[edge] = child
                node = child
            }
        }
        // Creators are added in order, so one already holding this name is the last one.
        if creatorsAt[Int(node)].last != creator { creatorsAt[Int(node)].append(creator) }
    }

    /// The folded words of every answer's texts, gathered on every core.
    private static func words<Answer: SurveyAnswerWording>(of answers: [Answer]) -> Set<String> {
        let pieces = Parallel.pieceCount(for: answers.count, minimumSize: 20_000)
        let sets = answers.withUnsafeBufferPointer { answers in
            Parallel.map(pieces) { piece in
                var words: Set<String> = []
                var letters: [UInt8] = []
                // A text read once adds no word when read again; most answers repeat a survey's options.
                var read: Set<ExactText> = []
                func add(_ text: String) {
                    let exact = ExactText(text)
                    guard read.count < Self.rememberedTexts ? read.insert(exact).inserted : !read.contains(exact) else { return }
                    TextFolding.forEachWord(in: text, letters: &letters) { words.insert($0) }
                }
                for index in (answers.count * piece / pieces)..<(answers.count * (piece + 1) / pieces) {
                    add(answers[index].response)
                    if let other = answers[index].other { add(other) }
                }
                return words
            }
        }
        return sets.dropFirst().reduce(into: sets.first ?? []) { $0.formUnion($1) }
    }

    private static func edge(_ node: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    /// Positions of the distinct creators named in `texts`, in order of first mention.
    public func creators(namedIn texts: [String]) -> [CreatorPosition] {
        var scratch = Scratch()
        var found: [CreatorPosition] = []
        for text in texts { collect(text, into: &found, limit: nil, scratch: &scratch) }
        return found
    }

    /// Adds the creators a survey answer names, in its response and then its free text, to
    /// `found`, as `collect(_:into:limit:scratch:)` adds them for one text.
    func collect(_ answer: some SurveyAnswerWording, into found: inout [CreatorPosition], limit: Int?, scratch: inout Scratch) {
        collect(answer.response, into: &found, limit: limit, scratch: &scratch)
        if let other = answer.other { collect(other, into: &found, limit: limit, scratch: &scratch) }
    }

    /// Adds the creators `text` names to `found` (those not in it yet, in order of first
    /// mention), stopping once `found` holds `limit`: attribution only needs to tell one
    /// creator from several, and a common name may belong to hundreds.
    ///
    /// A name found inside a longer name of another creator ("Anna" inside "Anna Berg") is
    /// not a separate mention: the buyer wrote the longer one.
    ///
    /// `found` must start empty and be filled only by calls with this `scratch`: the scratch
    /// remembers who is in it by marks, not by searching it (a list of hundreds, per answer).
    func collect(_ text: String, into found: inout [CreatorPosition], limit: Int?, scratch: inout Scratch) {
        if let limit, found.count >= limit { return }
        let exact = ExactText(text)
        if scratch.barren.contains(exact) { return }
        numberWords(of: text, into: &scratch)
        let words = scratch.words
        scratch.spans.removeAll(keepingCapacity: true)
        for start in words.indices where words[start] >= 0 {
            var node: Int32 = 0
            var end = start
            while end < words.count, words[end] >= 0, let child = children[Self.edge(node, words[end])] {
                node = child
                end += 1
                if !creatorsAt[Int(node)].isEmpty { scratch.spans.append(Span(start: start, end: end, node: node)) }
            }
        }
        guard !scratch.spans.isEmpty else {
            if scratch.barren.count < Self.rememberedTexts { scratch.barren.insert(exact) }
            return
        }
        // `found` is this scratch's list while it holds just what was marked for it (filled only here since it was empty).
        if found.isEmpty || found.count != scratch.marked { scratch.startMarking(found) }
        for span in scratch.spans {
            // Longer spans around this one: one naming two creators hides everyone here; ones
            // naming a single creator hide everyone but that creator.
            var hidesAll = false
            var onlyVisible: CreatorPosition? = nil
            for other in scratch.spans where other.start <= span.start && other.end >= span.end && other.end - other.start > span.end - span.start {
                let named = creatorsAt[Int(other.node)]
                if named.count > 1 || (onlyVisible != nil && onlyVisible != named[0]) { hidesAll = true; break }
                onlyVisible = named[0]
            }
            if hidesAll { continue }
            for creator in creatorsAt[Int(span.node)] where (onlyVisible == nil || onlyVisible == creator) && scratch.mark(creator) {
                found.append(creator)
                if let limit, found.count >= limit { return }
            }
        }
    }

    /// The numbers of `text`'s folded words (-1 for a word in no name), into `scratch.words`.
    private func numberWords(of text: String, into scratch: inout Scratch) {
        scratch.words.removeAll(keepingCapacity: true)
        TextFolding.forEachWord(in: text, letters: &scratch.letters) { [wordNumbers] word in scratch.words.append(wordNumbers[word] ?? -1) }
    }
}
