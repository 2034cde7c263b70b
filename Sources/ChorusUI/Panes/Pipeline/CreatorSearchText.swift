import ChorusConcurrency
import ChorusCore
#if canImport(Glibc)
import Glibc
#endif

/// What a Pipeline filter searches: every creator's folded fields, so a keystroke compares
/// bytes instead of making a Unicode-aware comparison per creator.
///
/// With 100 000 creators a `localizedCaseInsensitiveContains` per row per keystroke takes
/// 0.7 s. Here a creator's own fields (handle, name, a lead's email) are one byte buffer,
/// searched only where the creator's sketch (`SearchSketch`) does not rule the word out, and the
/// fields many creators share are asked once per distinct value (`SharedFields`). Folding takes
/// a few hundred milliseconds at a million creators, and is only needed once someone types a
/// filter, so the Pipeline builds it on another thread after the first frame (see
/// `PipelineRows`).
struct CreatorSearchText: Sendable {
    /// Every creator's own folded fields (handle, name, a lead's email), each ending in `\n`,
    /// so a match never spans two fields or two creators.
    private(set) var searchText: [UInt8] = []
    /// `searchText[searchStart[i]..<searchStart[i + 1]]` is creator `i`'s own folded text.
    private(set) var searchStart: [Int32] = [0]
    /// What each creator's own text can contain, so most are ruled out without reading it.
    private var sketch = SearchSketch()
    /// The fields creators share, each value searched once per word.
    private var shared = SharedFields()
    /// Creators edited since the text was folded, by position: each field folded as it is now.
    /// The sketch and shared values rule them out, and each is searched field by field here,
    /// so a creator edited at a million creators is not a fold of every creator again.
    private var edited: [Int: [[UInt8]]] = [:]

    init() {}

    /// Folds on two cores, each its own half of the creators.
    init<Creators: RandomAccessCollection<Creator> & Sendable>(_ creators: Creators) where Creators.Index == Int {
        let count = creators.count
        let halves = Parallel.halves(of: count)
        let parts = Parallel.map(halves.count) { half in
            var part = Part()
            part.text.reserveCapacity(halves[half].count * 40)
            for position in halves[half] {
                let fields = Self.searchable(creators[position])
                part.text.append(UInt8(ascii: "@"))
                for field in fields.own { Self.appendFolded(field, to: &part.text) }
                part.ends.append(Int32(part.text.count))
                for field in fields.shared { part.shared.add(field) }
                part.shared.endCreator()
            }
            return part
        }
        searchText.reserveCapacity(parts.reduce(0) { $0 + $1.text.count })
        searchStart.reserveCapacity(count + 1)
        for part in parts {
            let base = Int32(searchText.count)
            searchText.append(contentsOf: part.text)
            searchStart.append(contentsOf: part.ends.lazy.map { $0 + base })
        }
        shared = SharedFields(parts.map(\.shared))
        sketch = searchText.withUnsafeBufferPointer { text in
            nonisolated(unsafe) let text = text
            return SearchSketch(count: count) { [searchStart, shared] creator in
                var entry = SearchSketch.Entry()
                entry.add(UnsafeBufferPointer(rebasing: text[Int(searchStart[creator])..<Int(searchStart[creator + 1])]))
                entry.letters |= shared.letters(of: creator)
                return entry
            }
        }
    }

    /// Creators it holds text for.
    var count: Int { searchStart.count - 1 }

    /// Creators edited since the text was folded: past this many, folding everyone again is
    /// the better use of a background thread than searching each field by field.
    static let mostEdited = 4_096

    /// Takes in the creators at the given positions as they are now. False past `mostEdited`
    /// edited creators, when every creator should be folded again.
    mutating func replace(_ creators: [(position: Int, creator: Creator)]) -> Bool {
        for (position, creator) in creators where position < count {
            sketch.rule(out: position)
            shared.rule(out: position)
            edited[position] = Self.foldedFields(of: creator)
        }
        return edited.count <= Self.mostEdited
    }

    /// The text with `creators` taken in (`replace`); nil when every creator should be folded again.
    func replacing(_ creators: [(position: Int, creator: Creator)]) -> CreatorSearchText? {
        var text = self
        return text.replace(creators) ? text : nil
    }

    /// Each of a creator's fields folded, as searched: the handle with its `@`.
    private static func foldedFields(of creator: Creator) -> [[UInt8]] {
        let fields = searchable(creator)
        return (fields.own + fields.shared).enumerated().map { index, field in
            var folded: [UInt8] = index == 0 ? [UInt8(ascii: "@")] : []
            appendFolded(field, to: &folded)
            folded.removeLast()  // the field's `\n`
            return folded
        }
    }

    /// Whether one of an edited creator's fields contains `word`.
    private static func anyField(_ fields: [[UInt8]], contains word: [UInt8]) -> Bool {
        word.withUnsafeBytes { pattern in fields.contains { field in field.withUnsafeBytes { find(pattern, in: $0) != nil } } }
    }

    private struct Part {
        var text: [UInt8] = []
        var ends: [Int32] = []
        var shared = SharedFields.Part()
    }

    /// Everything a coordinator might type to find a creator: the creator's own fields (the
    /// handle, searched with an `@` before it) and those many creators share.
    static func searchable(_ creator: Creator) -> (own: [String], shared: [String]) {
        var own = [Creator.normalizedHandle(creator.handle), creator.name]
        var shared = [creator.tier.rawValue]
        if let country = creator.country { shared.append(country) }
        shared += creator.niches
        shared += creator.sources.map(\.label)
        shared.append(creator.isContactable ? "contactable" : "no consent")
        if creator.isLead {
            shared.append("lead no handle")
            if let email = creator.email { own.append(email) }
        }
        return (own, shared)
    }

    /// Text and needle are folded the same way: lower-cased, so `/ana` finds `@Ana_Lima`.
    static func fold(_ text: some StringProtocol) -> String { TextSanitizer.sanitize(text).lowercased() }

    /// Folds one field onto `bytes`: printable ASCII is lower-cased byte by byte; anything else
    /// takes the full Unicode route (sanitize, then lower-case).
    static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
        var utf8 = text.utf8
        let fast: Bool? = utf8.withContiguousStorageIfAvailable { buffer in
            buffer.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        }
        if fast == true {
            for byte in utf8 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        } else {
            utf8 = fold(text).utf8
            bytes.append(contentsOf: utf8)
        }
        bytes.append(0x0A)
    }

    /// A filter's word as each creator is asked about it: its sketch, and which shared values
    /// contain it.
    struct Query: Sendable {
        let word: SearchSketch.Word
        let shared: SharedFields.Hits
    }

    /// `word` (already folded), ready to ask each creator about.
    func query(_ word: [UInt8]) -> Query {
        Query(word: SearchSketch.Word(word), shared: shared.valuesContaining(word))
    }

    /// Whether creator `position`'s folded fields contain the query's word.
    func matches(_ position: Int, _ query: Query) -> Bool {
        let word = query.word
        guard !word.bytes.isEmpty else { return true }
        if !edited.isEmpty, let fields = edited[position] { return Self.anyField(fields, contains: word.bytes) }
        if word.isOneExactLetter { return sketch.mayContain(position, word) }
        if query.shared.any, shared.has(position, anyOf: query.shared) { return true }
        guard sketch.mayContain(position, word) else { return false }
        return searchText.withUnsafeBytes { text in
            searchStart.withUnsafeBufferPointer { starts in
                word.bytes.withUnsafeBytes { pattern in Self.ownText(of: position, text, starts, contains: pattern) }
            }
        }
    }

    /// Whether creator `creator`'s own folded text holds `pattern`.
    @inline(__always)
    private static func ownText(of creator: Int, _ text: UnsafeRawBufferPointer, _ starts: UnsafeBufferPointer<Int32>,
                                contains pattern: UnsafeRawBufferPointer) -> Bool {
        find(pattern, in: UnsafeRawBufferPointer(rebasing: text[Int(starts[creator])..<Int(starts[creator + 1])])) != nil
    }

    /// For every creator, whether their fields contain `needle`, split between two cores: one
    /// letter is answered by the sketch alone; a longer word is asked of each shared value once
    /// and found through the creators' values, and the creators' own text is searched only where
    /// the sketch does not rule it out.
    func matchingCreators(_ needle: [UInt8]) -> [Bool] {
        let count = searchStart.count - 1
        guard !needle.isEmpty else { return Array(repeating: true, count: count) }
        let query = query(needle)
        var hits = Array(repeating: false, count: count)
        hits.withUnsafeMutableBufferPointer { hitsBuffer in
            nonisolated(unsafe) let out = hitsBuffer
            Parallel.inHalves(count) { creators in
                if query.word.isOneExactLetter { return sketch.forEach(mayContaining: query.word, in: creators) { out[$0] = true } }
                if query.shared.any { shared.mark(creators, havingAnyOf: query.shared, into: out) }
                searchOwnText(creators, for: query.word, into: out)
            }
        }
        for (position, fields) in edited { hits[position] = Self.anyField(fields, contains: needle) }
        return hits
    }

    /// Marks the creators in `range` not yet marked whose own text contains `word`.
    private func searchOwnText(_ range: Range<Int>, for word: SearchSketch.Word, into hits: UnsafeMutableBufferPointer<Bool>) {
        searchText.withUnsafeBytes { text in
            searchStart.withUnsafeBufferPointer { starts in
                word.bytes.withUnsafeBytes { pattern in
                    sketch.forEach(mayContaining: word, in: range) { creator in
                        guard !hits[creator] else { return }
                        hits[creator] = Self.ownText(of: creator, text, starts, contains: pattern)
                    }
                }
            }
        }
    }

    /// The offset of the first occurrence of `pattern` in `text`: `memchr` finds candidates for
    /// the first byte (vectorised in libc), the second byte is checked in place and `memcmp`
    /// checks the rest: a one-letter filter is one `memchr` per creator, with no call to compare
    /// the letter it found.
    static func find(_ pattern: UnsafeRawBufferPointer, in text: UnsafeRawBufferPointer) -> Int? {
        guard let base = text.baseAddress, let first = pattern.first, text.count >= pattern.count else { return nil }
        var offset = 0
        let last = text.count - pattern.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if pattern.count == 1 { return at }
            if text[at + 1] == pattern[1], pattern.count == 2 || memcmp(base + at + 2, pattern.baseAddress! + 2, pattern.count - 2) == 0 { return at }
            offset = at + 1
        }
        return nil
    }
}
