import Foundation

/// Creators' e-mails, lower-cased, each with a slot, looked up by an order's e-mail as the
/// order keeps it (`PackedText`). Most of a million buyers are not creators, and making a
/// `String` of every order's e-mail to ask a `[String: Int]` was most of what re-scoring
/// creators by what they bought cost on a cold open, beside attribution on the other core. So
/// an e-mail of plain lower-case ASCII (nearly all of them) is hashed and compared as bytes;
/// any other is folded and looked up as text, as before.
///
/// The table is `HashSlots` (8 bytes a slot), comparing candidates with the creators' own
/// strings: a `[UInt64: Int]` beside a copy of every e-mail's bytes was 90 MB more at a million
/// creators, at the moment of a cold open when memory peaks.
struct CreatorEmailSlots {
    /// Each slot's e-mail lower-cased: spelled in ASCII when some ASCII spelling is equal to it
    /// as a `String` (its composed form: "\u{037E}" is ";"), so that its bytes can be compared.
    private(set) var emails: [String] = []
    /// The e-mails no ASCII spelling is equal to: only found as text.
    private var slotOfText: [String: Int] = [:]
    private var slots: HashSlots
    /// Random per process (see `quickHash`).
    private static let seed = UInt64.random(in: .min ... .max)

    init(_ creatorEmails: some Collection<String>) {
        slots = HashSlots(capacity: creatorEmails.count)
        for email in creatorEmails {
            let folded = FitContext.folded(email)
            var spelling = folded.utf8.allSatisfy { $0 < 0x80 } ? folded : folded.precomposedStringWithCanonicalMapping
            guard spelling.utf8.allSatisfy({ $0 < 0x80 }) else {
                if slotOfText[folded] == nil { slotOfText[folded] = emails.count; emails.append(folded) }
                continue
            }
            let (hash, (found, emptySlot)) = spelling.withUTF8 { bytes in
                let hash = Self.hash(bytes)
                return (hash, find(bytes, hash: hash))
            }
            guard found == nil else { continue }
            slots.fill(emptySlot, hash: hash, position: emails.count)
            emails.append(spelling)
        }
    }

    /// The slot of the creator whose e-mail `packed` is, compared as `String`s compare after
    /// lower-casing (Unicode equivalence included); nil for a buyer who is no creator.
    func slot(of packed: PackedText) -> Int? {
        packed.withUTF8 { bytes -> Int? in
            guard let bytes else { return nil }
            if !bytes.contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) { return find(bytes).position }
            let folded = String(decoding: bytes, as: UTF8.self).lowercased()
            if let slot = slotOfText[folded] { return slot }
            var spelling = folded.precomposedStringWithCanonicalMapping
            guard spelling.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return spelling.withUTF8 { find($0).position }
        }
    }

    /// The slot spelled `bytes` (ASCII), or the empty slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> (position: Int?, emptySlot: Int) {
        slots.find(hash ?? Self.hash(bytes)) { slot in
            emails[slot].utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? emails[slot].utf8.elementsEqual(bytes)
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        UnsafeRawBufferPointer(bytes).quickHash64(of: 0..<bytes.count, seed: seed)
    }
}
