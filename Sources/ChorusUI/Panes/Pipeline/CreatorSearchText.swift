import ChorusConcurrency
import ChorusCore
#if canImport(Glibc)
import Glibc
#endif

/// Every creator's folded fields as one byte buffer, so a Pipeline filter keystroke is one
/// `memmem`-style pass instead of a Unicode-aware comparison per creator.
///
/// With 100 000 creators a `localizedCaseInsensitiveContains` per row per keystroke takes
/// 0.7 s; one pass over text folded once takes about a millisecond. Folding takes a few hundred
/// milliseconds itself, and is only needed once someone types a filter, so the Pipeline builds
/// it on another thread after the first frame (see `PipelineRows`).
struct CreatorSearchText: Sendable {
    /// Every creator's folded fields, each field and each creator ending in `\n`, so a match
    /// never spans two fields or two creators.
    private(set) var searchText: [UInt8] = []
    /// `searchText[searchStart[i]..<searchStart[i + 1]]` is creator `i`'s folded text.
    private(set) var searchStart: [Int32] = [0]
    /// What each creator's text can contain, so most are ruled out without reading it.
    private var sketch = SearchSketch()

    init() {}

    /// Folds on two cores, each its own half of the creators.
    init(_ creators: [Creator]) {
        let count = creators.count
        let halves = Parallel.halves(of: count)
        let parts = Parallel.map(halves.count) { half in
            var part = Part()
            part.text.reserveCapacity(halves[half].count * 64)
            for position in halves[half] {
                Self.appendSearchable(creators[position], to: &part.text)
                part.ends.append(Int32(part.text.count))
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
        sketch = SearchSketch(text: searchText, starts: searchStart)
    }

    /// Creators it holds text for.
    var count: Int { searchStart.count - 1 }

    private struct Part {
        var text: [UInt8] = []
        var ends: [Int32] = []
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

    /// Everything a coordinator might type to find a creator, one field per line.
    private static func appendSearchable(_ creator: Creator, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "@"))
        appendFolded(Creator.normalizedHandle(creator.handle), to: &bytes)
        appendFolded(creator.name, to: &bytes)
        appendFolded(creator.tier.rawValue, to: &bytes)
        if let country = creator.country { appendFolded(country, to: &bytes) }
        for niche in creator.niches { appendFolded(niche, to: &bytes) }
        for source in creator.sources { appendFolded(source.label, to: &bytes) }
        appendFolded(creator.isContactable ? "contactable" : "no consent", to: &bytes)
        if creator.isLead {
            appendFolded("lead no handle", to: &bytes)
            if let email = creator.email { appendFolded(email, to: &bytes) }
        }
    }

    /// Whether creator `position`'s folded text contains `word` (already folded).
    func matches(_ position: Int, _ word: SearchSketch.Word) -> Bool {
        guard !word.bytes.isEmpty else { return true }
        guard sketch.mayContain(position, word) else { return false }
        return word.isOneExactLetter || searchText.withUnsafeBytes { text in
            word.bytes.withUnsafeBytes { pattern in
                Self.find(pattern, in: UnsafeRawBufferPointer(rebasing: text[Int(searchStart[position])..<Int(searchStart[position + 1])])) != nil
            }
        }
    }

    /// For every creator, whether their text contains `needle`, split between two cores: the
    /// sketch rules out most creators, and only the rest have their text searched.
    func matchingCreators(_ needle: [UInt8]) -> [Bool] {
        let count = searchStart.count - 1
        guard !needle.isEmpty else { return Array(repeating: true, count: count) }
        let word = SearchSketch.Word(needle)
        var hits = Array(repeating: false, count: count)
        hits.withUnsafeMutableBufferPointer { hitsBuffer in
            nonisolated(unsafe) let out = hitsBuffer
            Parallel.inHalves(count) { creators in scan(creators, for: word, into: out) }
        }
        return hits
    }

    /// Marks the creators in `range` whose text contains `word`.
    private func scan(_ range: Range<Int>, for word: SearchSketch.Word, into hits: UnsafeMutableBufferPointer<Bool>) {
        let exact = word.isOneExactLetter
        searchText.withUnsafeBytes { text in
            searchStart.withUnsafeBufferPointer { starts in
                word.bytes.withUnsafeBytes { pattern in
                    sketch.forEach(mayContaining: word, in: range) { creator in
                        hits[creator] = exact || Self.find(pattern, in: UnsafeRawBufferPointer(rebasing: text[Int(starts[creator])..<Int(starts[creator + 1])])) != nil
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
