/// A set of row positions as one bit each: counting distinct creators among a million ledger
/// rows by hashing their ids was a third of building the ledger; a bit per creator is 125 KB.
struct PositionSet {
    private var words: [UInt64] = []
    private(set) var count = 0

    mutating func insert(_ position: Int32) {
        let word = Int(position) >> 6, bit = UInt64(1) << UInt64(position & 63)
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word + 1 - words.count)) }
        guard words[word] & bit == 0 else { return }
        words[word] |= bit
        count += 1
    }
}
