import Foundation

/// Creators' e-mails, lower-cased, each with a slot, looked up by an order's e-mail as the
/// order keeps it (`PackedText`). Most of a million buyers are not creators, and making a
/// `String` of every order's e-mail to ask a `[String: Int]` was most of what re-scoring
/// creators by what they bought cost on a cold open, beside attribution on the other core. So
/// an e-mail of plain lower-case ASCII (nearly all of them) is hashed and compared as bytes;
/// any other is folded and looked up as text, as before.
///
/// The table holds a slot and a tag per bucket (8 bytes), comparing candidates with the
/// creators' own strings: a `[UInt64: Int]` beside a copy of every e-mail's bytes was 90 MB
/// more at a million creators, at the moment of a cold open when memory peaks.
struct CreatorEmailSlots {
    /// Each slot's e-mail lower-cased: spelled in ASCII when some ASCII spelling is equal to it
    /// as a `String` (its composed form: "\u{037E}" is ";"), so that its bytes can be compared.
    private(set) var emails: [String] = []
    /// The e-mails no ASCII spelling is equal to: only found as text.
    private var slotOfText: [String: Int] = [:]
    /// Open addressing: each bucket's slot plus one (0 for none), and the top half of its hash.
    private var buckets: [Int32]
    private var tags: [UInt32]
    private static let seed: UInt64 = 0x6372_6561_746F_7273

    init(_ creatorEmails: some Collection<String>) {
        let capacity = 1 << max(4, Int.bitWidth - (2 * creatorEmails.count).leadingZeroBitCount)
        (buckets, tags) = (Array(repeating: 0, count: capacity), Array(repeating: 0, count: capacity))
        for email in creatorEmails {
            let folded = FitContext.folded(email)
            var spelling = folded.utf8.allSatisfy { $0 < 0x80 } ? folded : folded.precomposedStringWithCanonicalMapping
            guard spelling.utf8.allSatisfy({ $0 < 0x80 }) else {
                if slotOfText[folded] == nil { slotOfText[folded] = emails.count; emails.append(folded) }
                continue
            }
            let (found, bucket, tag) = spelling.withUTF8 { bytes in
                let (found, free) = search(bytes)
                return (found, free, Self.tag(of: Self.hash(bytes)))
            }
            guard found == nil else { continue }
            (buckets[bucket], tags[bucket]) = (Int32(emails.count + 1), tag)
            emails.append(spelling)
        }
    }

    /// The slot of the creator whose e-mail `packed` is, compared as `String`s compare after
    /// lower-casing (Unicode equivalence included); nil for a buyer who is no creator.
    func slot(of packed: PackedText) -> Int? {
        packed.withUTF8 { bytes -> Int? in
            guard let bytes else { return nil }
            if !bytes.contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) { return search(bytes).found }
            let folded = String(decoding: bytes, as: UTF8.self).lowercased()
            if let slot = slotOfText[folded] { return slot }
            var spelling = folded.precomposedStringWithCanonicalMapping
            guard spelling.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return spelling.withUTF8 { search($0).found }
        }
    }

    /// The slot spelled `bytes` (ASCII), or the free bucket where it would go.
    private func search(_ bytes: UnsafeBufferPointer<UInt8>) -> (found: Int?, free: Int) {
        let hash = Self.hash(bytes), tag = Self.tag(of: hash), mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while buckets[bucket] != 0 {
            let slot = Int(buckets[bucket]) - 1
            if tags[bucket] == tag, emails[slot].utf8.withContiguousStorageIfAvailable({ $0.elementsEqual(bytes) }) ?? emails[slot].utf8.elementsEqual(bytes) {
                return (slot, bucket)
            }
            bucket = (bucket + 1) & mask
        }
        return (nil, bucket)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        UnsafeRawBufferPointer(bytes).quickHash64(of: 0..<bytes.count, seed: seed)
    }

    private static func tag(of hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) }
}
