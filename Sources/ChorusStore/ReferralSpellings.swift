import ChorusCore
import Foundation

/// Referrals by the bytes of their six columns as an orders file spells them, owning those
/// bytes: what a chunk of the file looks an order's referral up in (the pool's, then its own).
///
/// Open addressing with a tag per bucket, the hash taken once for both tables: a `[UInt64: Int]`
/// hashed the hash again, and a chunk asks for every order. A spelling is found by its exact bytes.
struct ReferralSpellings: Sendable {
    private var bytes: [UInt8] = []
    private var entries: [(span: Range<Int>, referral: OrderReferral)] = []
    /// Each bucket's entry plus one (0 for none), and the top half of its spelling's hash.
    private var buckets: [Int32] = []
    private var tags: [UInt32] = []
    private static let seed: UInt64 = 0x7265_6665_7272_616C

    var isEmpty: Bool { entries.isEmpty }

    static func hash(of range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> UInt64 {
        buffer.quickHash64(of: range, seed: seed)
    }

    /// The referral spelled as `buffer[range]`, if one is kept.
    func referral(spelled range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> OrderReferral? {
        referral(spelled: range, hash: Self.hash(of: range, in: buffer), in: buffer)
    }

    /// The same, given `hash(of: range, in: buffer)`.
    func referral(spelled range: Range<Int>, hash: UInt64, in buffer: UnsafeRawBufferPointer) -> OrderReferral? {
        guard !entries.isEmpty, let entry = search(range, hash: hash, in: buffer).found else { return nil }
        return entries[entry].referral
    }

    mutating func keep(_ referral: OrderReferral, spelled range: Range<Int>, in buffer: UnsafeRawBufferPointer) {
        keep(referral, spelled: range, hash: Self.hash(of: range, in: buffer), in: buffer)
    }

    mutating func keep(_ referral: OrderReferral, spelled range: Range<Int>, hash: UInt64, in buffer: UnsafeRawBufferPointer) {
        if 2 * (entries.count + 1) > buckets.count { grow() }
        let (found, free) = search(range, hash: hash, in: buffer)
        guard found == nil else { return }
        let start = bytes.count
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[range]))
        (buckets[free], tags[free]) = (Int32(entries.count + 1), Self.tag(of: hash))
        entries.append((start..<bytes.count, referral))
    }

    mutating func add(_ other: ReferralSpellings) {
        other.bytes.withUnsafeBytes { buffer in
            for entry in other.entries { keep(entry.referral, spelled: entry.span, in: buffer) }
        }
    }

    /// The entry spelled `buffer[range]`, or the free bucket where it would go.
    private func search(_ range: Range<Int>, hash: UInt64, in buffer: UnsafeRawBufferPointer) -> (found: Int?, free: Int) {
        let tag = Self.tag(of: hash), mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while buckets[bucket] != 0 {
            let entry = Int(buckets[bucket]) - 1
            if tags[bucket] == tag {
                let span = entries[entry].span
                if span.count == range.count,
                   bytes.withUnsafeBytes({ memcmp($0.baseAddress! + span.lowerBound, buffer.baseAddress! + range.lowerBound, range.count) }) == 0 {
                    return (entry, bucket)
                }
            }
            bucket = (bucket + 1) & mask
        }
        return (nil, bucket)
    }

    /// Twice the buckets, every entry placed again (at most half of them are ever taken).
    private mutating func grow() {
        let capacity = max(64, 2 * buckets.count)
        (buckets, tags) = (Array(repeating: 0, count: capacity), Array(repeating: 0, count: capacity))
        let mask = capacity - 1
        bytes.withUnsafeBytes { arena in
            for (entry, kept) in entries.enumerated() {
                let hash = Self.hash(of: kept.span, in: arena)
                var bucket = Int(truncatingIfNeeded: hash) & mask
                while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
                (buckets[bucket], tags[bucket]) = (Int32(entry + 1), Self.tag(of: hash))
            }
        }
    }

    private static func tag(of hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 32) }
}
