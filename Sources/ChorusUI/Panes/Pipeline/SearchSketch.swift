import ChorusConcurrency

/// What each creator's folded search text can contain, in 40 bytes per creator, so a filter
/// keystroke at a million creators rules most of them out without reading their text.
///
/// A letter typed into the Pipeline's filter at a million creators was a pass over 80 MB of
/// folded text (22 ms for the second letter of a name: a common first letter stops `memchr`
/// every few bytes). The sketch holds, per creator:
/// - the letters present, one bit per class: exact for `a`–`z` and `0`–`9`; other bytes share
///   the remaining bits;
/// - the pairs of adjacent bytes present, hashed into 256 bits (a Bloom filter: a pair whose
///   bit is unset is absent; set, it may be there).
///
/// A creator's letters are those of all its fields, so a one-letter filter reads no text at
/// all; its pairs are those of its own fields (handle, name, a lead's email), the text searched
/// for a longer word (the fields creators share are asked once per value: `SharedFields`). A
/// creator whose sketch lacks any of a word's letters or pairs cannot have the word in its own
/// text.
struct SearchSketch: Sendable {
    /// Per creator, one bit per letter class (`letterBit`).
    private var letters: [UInt64] = []
    /// Four words of pair bits per creator, word-major (`pairs[word * count + creator]`): a
    /// word whose pairs all fall in one of the four reads 8 bytes per creator, not 32.
    private var pairs: [UInt64] = []
    private(set) var count = 0

    init() {}

    /// Sketches `count` creators on two cores, creator `i` as `entry(i)`.
    init(count: Int, _ entry: (Int) -> Entry) {
        self.count = count
        var letters = [UInt64](repeating: 0, count: count)
        var pairs = [UInt64](repeating: 0, count: 4 * count)
        letters.withUnsafeMutableBufferPointer { letterSlots in
            pairs.withUnsafeMutableBufferPointer { pairSlots in
                nonisolated(unsafe) let (letterSlots, pairSlots) = (letterSlots, pairSlots)
                Parallel.inHalves(count) { creators in
                    for creator in creators {
                        let sketched = entry(creator)
                        letterSlots[creator] = sketched.letters
                        for word in 0..<4 { pairSlots[word * count + creator] = sketched.pairs[word] }
                    }
                }
            }
        }
        (self.letters, self.pairs) = (letters, pairs)
    }

    /// Creator `creator` can contain nothing: searched elsewhere (`CreatorSearchText.replace`).
    mutating func rule(out creator: Int) {
        letters[creator] = 0
        for word in 0..<4 { pairs[word * count + creator] = 0 }
    }

    /// One creator's sketch, or one field's: what its folded bytes can contain.
    struct Entry: Sendable {
        var letters: UInt64 = 0
        var pairs = SIMD4<UInt64>()

        /// Adds folded `bytes`: `\n` separates fields and is never part of a word, so no pair
        /// across it is added.
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            var previous = SearchSketch.newline
            for byte in bytes {
                defer { previous = byte }
                guard byte != SearchSketch.newline else { continue }
                letters |= 1 << SearchSketch.letterBit(byte)
                guard previous != SearchSketch.newline else { continue }
                let bit = SearchSketch.pairBit(previous, byte)
                pairs[bit >> 6] |= 1 << (bit & 63)
            }
        }
    }

    /// A word as the sketch asks about it.
    struct Word: Sendable {
        let bytes: [UInt8]
        let letters: UInt64
        /// The pair bits wanted in each of the four pair words (0 where none falls).
        let pairs: SIMD4<UInt64>
        /// One letter whose class is exact: its bit alone answers.
        let isOneExactLetter: Bool

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            isOneExactLetter = bytes.count == 1 && SearchSketch.letterBit(bytes[0]) < SearchSketch.exactClasses
            letters = bytes.reduce(0) { $0 | 1 << SearchSketch.letterBit($1) }
            var wanted = SIMD4<UInt64>()
            for (first, second) in zip(bytes, bytes.dropFirst()) {
                let bit = SearchSketch.pairBit(first, second)
                wanted[bit >> 6] |= 1 << (bit & 63)
            }
            pairs = wanted
        }
    }

    /// Whether creator `creator`'s own text may contain `word` (false: it does not), or, for one
    /// exact letter (`Word.isOneExactLetter`), whether any of its fields does.
    func mayContain(_ creator: Int, _ word: Word) -> Bool {
        guard letters[creator] & word.letters == word.letters else { return false }
        for index in 0..<4 where word.pairs[index] != 0 && pairs[index * count + creator] & word.pairs[index] != word.pairs[index] { return false }
        return true
    }

    /// Calls `body` with each creator in `range` that `mayContain` `word`, in order. Reads
    /// the letters and only the pair words the word has bits in, through unsafe buffers: this
    /// loop runs over every creator for a filter keystroke.
    @inline(__always)
    func forEach(mayContaining word: Word, in range: Range<Int>, _ body: (Int) -> Void) {
        let (wantedLetters, wantedPairs, count) = (word.letters, word.pairs, count)
        let words = (0..<4).filter { wantedPairs[$0] != 0 }
        letters.withUnsafeBufferPointer { letters in
            pairs.withUnsafeBufferPointer { pairs in
                guard let letters = letters.baseAddress, let pairs = pairs.baseAddress else { return }
                switch words.count {
                case 0:
                    for creator in range where letters[creator] & wantedLetters == wantedLetters { body(creator) }
                case 1:
                    let (first, bits) = (pairs + words[0] * count, wantedPairs[words[0]])
                    for creator in range where letters[creator] & wantedLetters == wantedLetters && first[creator] & bits == bits { body(creator) }
                case 2:
                    let (first, firstBits) = (pairs + words[0] * count, wantedPairs[words[0]])
                    let (second, secondBits) = (pairs + words[1] * count, wantedPairs[words[1]])
                    for creator in range where letters[creator] & wantedLetters == wantedLetters
                        && first[creator] & firstBits == firstBits && second[creator] & secondBits == secondBits { body(creator) }
                default:
                    for creator in range where letters[creator] & wantedLetters == wantedLetters
                        && (0..<4).allSatisfy({ pairs[$0 * count + creator] & wantedPairs[$0] == wantedPairs[$0] }) { body(creator) }
                }
            }
        }
    }

    private static let newline = UInt8(ascii: "\n")
    /// Bits 0–35 are `a`–`z` and `0`–`9`, one each; every other byte shares bits 36–63.
    private static let exactClasses = 36

    @inline(__always)
    private static func letterBit(_ byte: UInt8) -> Int {
        switch byte {
        case 0x61...0x7A: Int(byte - 0x61)
        case 0x30...0x39: 26 + Int(byte - 0x30)
        default: exactClasses + Int(byte) % (64 - exactClasses)
        }
    }

    /// The pair's bit, 0–255: a multiplicative hash of the two bytes, top 8 bits.
    @inline(__always)
    private static func pairBit(_ first: UInt8, _ second: UInt8) -> Int {
        Int(((UInt32(first) << 8 | UInt32(second)) &* 0x9E37_79B1) >> 24)
    }
}
