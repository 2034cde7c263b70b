import Foundation

/// Creators' e-mails, lower-cased, each with a slot, looked up by an order's e-mail as the
/// order keeps it (`PackedText`). Most of a million buyers are not creators, and making a
/// `String` of every order's e-mail to ask a `[String: Int]` was most of what re-scoring
/// creators by what they bought cost on a cold open, beside attribution on the other core. So
/// an e-mail of plain lower-case ASCII (nearly all of them) is hashed and compared as bytes;
/// any other is folded and looked up as text, as before.
struct CreatorEmailSlots {
    /// Each slot's e-mail, as the creators spell it lower-cased.
    private(set) var emails: [String] = []
    private var slotOfText: [String: Int] = [:]
    /// Slot by the hash of its ASCII spelling; -1 where two spellings share a hash (then the
    /// text decides).
    private var slotOfHash: [UInt64: Int] = [:]
    private var asciiBytes: [UInt8] = []
    private var asciiSpans: [Range<Int>?] = []
    private static let seed: UInt64 = 0x6372_6561_746F_7273

    init(_ creatorEmails: some Sequence<String>) {
        for email in creatorEmails {
            let email = FitContext.folded(email)
            guard slotOfText[email] == nil else { continue }
            let slot = emails.count
            emails.append(email)
            slotOfText[email] = slot
            asciiSpans.append(addASCIISpelling(of: email, slot: slot))
        }
    }

    /// The slot of the creator whose e-mail `packed` is, compared as `String`s compare after
    /// lower-casing (Unicode equivalence included); nil for a buyer who is no creator.
    func slot(of packed: PackedText) -> Int? {
        packed.withUTF8 { bytes -> Int? in
            guard let bytes else { return nil }
            guard !bytes.contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) else {
                return slotOfText[String(decoding: bytes, as: UTF8.self).lowercased()]
            }
            guard let slot = slotOfHash[UnsafeRawBufferPointer(bytes).quickHash64(of: 0..<bytes.count, seed: Self.seed)] else { return nil }
            guard slot >= 0 else { return slotOfText[String(decoding: bytes, as: UTF8.self)] }
            return asciiBytes[asciiSpans[slot]!].elementsEqual(bytes) ? slot : nil
        }
    }

    /// Keeps the e-mail's bytes when some ASCII spelling is equal to it as a `String`: its own,
    /// or its composed form ("\u{037E}" is ";"). Text without one is only found as text, and no
    /// ASCII e-mail can equal it.
    private mutating func addASCIISpelling(of email: String, slot: Int) -> Range<Int>? {
        let spelling = email.utf8.allSatisfy { $0 < 0x80 } ? email : email.precomposedStringWithCanonicalMapping
        guard spelling.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let start = asciiBytes.count
        asciiBytes.append(contentsOf: spelling.utf8)
        let span = start..<asciiBytes.count
        let hash = asciiBytes.withUnsafeBytes { $0.quickHash64(of: span, seed: Self.seed) }
        slotOfHash[hash] = slotOfHash[hash] == nil ? slot : -1
        return span
    }
}
