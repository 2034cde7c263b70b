import ChorusCore
import Foundation

/// Referrals by the bytes of their six columns as an orders file spells them, owning those
/// bytes: what a chunk of the file looks an order's referral up in (the pool's, then its own).
///
/// Open addressing (`HashSlots`), the hash taken once for both tables: a `[UInt64: Int]` hashed
/// the hash again, and a chunk asks for every order. A spelling is found by its exact bytes.
struct ReferralSpellings: Sendable {
    private var bytes: [UInt8] = []
    private var entries: [(span: Range<Int>, referral: OrderReferral)] = []
    private var slots = HashSlots()
    /// Random per process, so which spellings share a stretch of slots is not fixed by the file
    /// (see `quickHash`).
    private static let seed = UInt64.random(in: .min ... .max)
    /// A file whose orders each spell their referral differently (a one-off discount code, a
    /// per-click `utm_content`) would add an entry per order: past this many, a new spelling is
    /// read in place every time, as before there was a table.
    static let maximumCount = 1 << 16

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
        guard !entries.isEmpty, let entry = find(range, hash: hash, in: buffer).position else { return nil }
        return entries[entry].referral
    }

    mutating func keep(_ referral: OrderReferral, spelled range: Range<Int>, in buffer: UnsafeRawBufferPointer) {
        keep(referral, spelled: range, hash: Self.hash(of: range, in: buffer), in: buffer)
    }

    mutating func keep(_ referral: OrderReferral, spelled range: Range<Int>, hash: UInt64, in buffer: UnsafeRawBufferPointer) {
        guard entries.count < Self.maximumCount else { return }
        if entries.count + 1 > slots.capacity { grow() }
        let (found, emptySlot) = find(range, hash: hash, in: buffer)
        guard found == nil else { return }
        let start = bytes.count
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[range]))
        slots.fill(emptySlot, hash: hash, position: entries.count)
        entries.append((start..<bytes.count, referral))
    }

    mutating func add(_ other: ReferralSpellings) {
        other.bytes.withUnsafeBytes { buffer in
            for entry in other.entries { keep(entry.referral, spelled: entry.span, in: buffer) }
        }
    }

    private func find(_ range: Range<Int>, hash: UInt64, in buffer: UnsafeRawBufferPointer) -> (position: Int?, emptySlot: Int) {
        bytes.withUnsafeBytes { arena in
            slots.find(hash) { entry in
                let span = entries[entry].span
                return span.count == range.count && memcmp(arena.baseAddress! + span.lowerBound, buffer.baseAddress! + range.lowerBound, range.count) == 0
            }
        }
    }

    /// Room for twice the entries, each placed again.
    private mutating func grow() {
        slots = HashSlots(capacity: max(32, 2 * entries.count))
        bytes.withUnsafeBytes { arena in
            for (entry, kept) in entries.enumerated() { slots.place(Self.hash(of: kept.span, in: arena), position: entry) }
        }
    }
}
