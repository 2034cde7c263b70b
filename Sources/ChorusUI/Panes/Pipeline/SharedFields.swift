import ChorusConcurrency

/// The searchable fields many creators share — tier, country, niches, sources, consent — each
/// distinct value folded once, and which of them each creator has.
///
/// They are most of a creator's search text (about 65 of 100 bytes), and a word found in one of
/// them (`li` in "minimalism") is found in a hundred thousand creators at a million. Asked of
/// each distinct value once per word, a creator's answer is a look at its few values instead of
/// a search of its text: one 64-bit look, each value having a bit (`bits`), exact while a
/// program has at most 64 distinct values and checked against the creator's values beyond.
struct SharedFields: Sendable {
    /// Each distinct value, folded.
    private(set) var values: [[UInt8]] = []
    /// Each value's letters, added to the letters of each creator that has it.
    private var letters: [UInt64] = []
    /// Creator `i` has `valuesOf[starts[i]..<starts[i + 1]]`.
    private var valuesOf: [UInt32] = []
    private var starts: [Int32] = [0]
    /// Per creator, the bits of its values: value `n` sets bit `n % 64`.
    private var bits: [UInt64] = []
    /// No two values share a bit, so a creator's bits alone say which values it has.
    private var bitsAreExact: Bool { values.count <= 64 }

    init() {}

    /// One half's creators' values, numbered as first met in that half.
    struct Part {
        var values: [[UInt8]] = []
        /// By the value's bytes, not the `String`: Swift's `String` equality is canonical
        /// equivalence, which would take "café" spelt with a combining accent for the other
        /// spelling, whose folded bytes (what is searched) differ.
        var numbers: [[UInt8]: UInt32] = [:]
        var valuesOf: [UInt32] = []
        var ends: [Int32] = []

        /// Adds `value` to the creator being read.
        mutating func add(_ value: String) {
            let bytes = Array(value.utf8)
            if let number = numbers[bytes] { return valuesOf.append(number) }
            let number = UInt32(values.count)
            var folded: [UInt8] = []
            CreatorSearchText.appendFolded(value, to: &folded)
            folded.removeLast()  // the field's `\n`: a value is one field
            values.append(folded)
            numbers[bytes] = number
            valuesOf.append(number)
        }

        /// The creator being read has all its values.
        mutating func endCreator() { ends.append(Int32(valuesOf.count)) }
    }

    /// The halves' parts, in creator order, as one: values folded alike are one value.
    init(_ parts: [Part]) {
        var numbers: [[UInt8]: UInt32] = [:]
        for part in parts {
            let renumbered = part.values.map { folded in
                if let number = numbers[folded] { return number }
                let number = UInt32(values.count)
                values.append(folded)
                numbers[folded] = number
                return number
            }
            let base = Int32(valuesOf.count)
            valuesOf.append(contentsOf: part.valuesOf.lazy.map { renumbered[Int($0)] })
            starts.append(contentsOf: part.ends.lazy.map { $0 + base })
        }
        letters = values.map { value in
            var sketch = SearchSketch.Entry()
            value.withUnsafeBufferPointer { sketch.add($0) }
            return sketch.letters
        }
        bits = Parallel.array(count: starts.count - 1, pieces: Parallel.halves(of: starts.count - 1).count) { [valuesOf, starts] range, slots in
            for creator in range {
                (slots + creator).initialize(to: (Int(starts[creator])..<Int(starts[creator + 1])).reduce(0) { $0 | 1 << (valuesOf[$1] % 64) })
            }
        }
    }

    /// Creator `creator` has none of the values: it is searched elsewhere
    /// (`CreatorSearchText.replace`). A creator with no bits is never asked for its values.
    mutating func rule(out creator: Int) { bits[creator] = 0 }

    /// The letters of creator `creator`'s shared values (`SearchSketch.Entry.letters`).
    func letters(of creator: Int) -> UInt64 {
        (Int(starts[creator])..<Int(starts[creator + 1])).reduce(0) { $0 | letters[Int(valuesOf[$1])] }
    }

    /// The values containing a word.
    struct Hits: Sendable {
        /// By value number.
        let values: [Bool]
        /// Their bits (`SharedFields.bits`).
        let bits: UInt64
        var any: Bool { bits != 0 }
    }

    /// Which values contain `word`.
    func valuesContaining(_ word: [UInt8]) -> Hits {
        let hits = word.withUnsafeBytes { pattern in
            values.map { value in value.withUnsafeBytes { CreatorSearchText.find(pattern, in: $0) != nil } }
        }
        return Hits(values: hits, bits: hits.indices.reduce(0) { hits[$1] ? $0 | 1 << ($1 % 64) : $0 })
    }

    /// Whether creator `creator` has a value in `hits`.
    func has(_ creator: Int, anyOf hits: Hits) -> Bool {
        guard bits[creator] & hits.bits != 0 else { return false }
        return bitsAreExact || (Int(starts[creator])..<Int(starts[creator + 1])).contains { hits.values[Int(valuesOf[$0])] }
    }

    /// Marks each creator in `range` that has a value in `hits`.
    func mark(_ range: Range<Int>, havingAnyOf hits: Hits, into marks: UnsafeMutableBufferPointer<Bool>) {
        let (wanted, exact) = (hits.bits, bitsAreExact)
        bits.withUnsafeBufferPointer { bits in
            for creator in range where bits[creator] & wanted != 0 && (exact || has(creator, anyOf: hits)) { marks[creator] = true }
        }
    }
}
