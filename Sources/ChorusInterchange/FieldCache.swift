import Foundation

/// What an importer made from a field's text, found again by the field's bytes.
///
/// A million-order export repeats a few thousand values in most of the columns an importer
/// reads: a shop's products, its statuses, a creator's code with their campaign's UTM link.
/// Making each row's `String`s, trimming them, decoding the link and hashing the result to
/// share it was a third of reading an order. Looked up by the bytes as they are in the file,
/// a repeated value costs a hash and a comparison, and the rows that repeat it share one value.
///
/// Unlike the snapshot reader's `RecentValues`, it copies its keys (a CSV file is read a
/// window at a time, so a field's bytes do not stay put) and keeps every value until it is
/// full: a program's hundred thousand creator codes do not fit a slot per hash. It is bounded,
/// so a column that differs on every row (a landing URL with a click id) costs a lookup that
/// misses, never memory that grows with the file: once `limit` values or `byteLimit` bytes
/// of keys are kept, values are still found but no more are kept.
struct FieldCache<Value> {
    private struct Entry {
        var hash: UInt32
        var start: Int
        var count: Int
        var value: Value
    }

    /// Positions in `entries` plus one, 0 for an empty slot; twice `limit`, so probes stay short.
    private var slots: [Int32]
    private var entries: [Entry] = []
    /// The keys' bytes, one after another.
    private var keys: [UInt8] = []
    private let limit: Int
    private let byteLimit: Int
    private let seed = UInt64.random(in: .min ... .max)

    init(limit: Int = 65_536, byteLimit: Int = 4 << 20) {
        self.limit = limit
        self.byteLimit = byteLimit
        var size = 16
        while size < 2 * limit { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// The value kept for `key`, else `make()`'s, kept while there is room. `make` is called
    /// only on a miss; a value it throws for is never kept, so the error is raised every time.
    mutating func value(for key: UnsafeBufferPointer<UInt8>, orMake make: () throws -> Value) rethrows -> Value {
        if let kept = value(for: key) { return kept }
        let value = try make()
        keep(value, for: key)
        return value
    }

    /// The value kept for `key`, if any.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        let hash = hash(key)
        return keys.withUnsafeBytes { kept in
            var slot = Int(hash) & (slots.count - 1)
            while slots[slot] != 0 {
                let entry = entries[Int(slots[slot]) - 1]
                if entry.hash == hash, entry.count == key.count,
                   key.isEmpty || memcmp(kept.baseAddress! + entry.start, key.baseAddress!, key.count) == 0 {
                    return entry.value
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// Keeps `value` for `key` (not kept already) while there is room.
    mutating func keep(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
        guard entries.count < limit, keys.count + key.count <= byteLimit else { return }
        let hash = hash(key)
        var slot = Int(hash) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        entries.append(Entry(hash: hash, start: keys.count, count: key.count, value: value))
        keys.append(contentsOf: key)
        slots[slot] = Int32(entries.count)
    }

    private func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let raw = UnsafeRawBufferPointer(key)
        return raw.quickHash(of: 0..<raw.count, seed: seed)
    }
}
