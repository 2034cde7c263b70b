import Foundation

/// Values a reader decoded lately, each under the bytes it was decoded from, so the same bytes
/// in a later row hand back the same value instead of decoding (and allocating) it again. A
/// million creators name a few dozen combinations of niches, sources and store categories;
/// decoding each row's arrays afresh was three heap blocks per creator and a good part of
/// opening them. Like `sharedString`, a slot per hash of the bytes, the last value wins it.
///
/// It keeps byte ranges, not bytes: it belongs to the one reader whose buffer filled it and
/// must never be handed to a reader of another buffer.
struct RecentValues<Value> {
    private var slots: [(range: Range<Int>, value: Value)?] = []
    /// Slots (a power of two): a creators file repeats a few dozen of each kind of value.
    private let slotCount = 1_024

    /// The value decoded from bytes equal to `bytes[range]`, or `decode` of them, kept for next time.
    mutating func value(of range: Range<Int>, in bytes: UnsafeRawBufferPointer, decode: () throws -> Value) rethrows -> Value {
        if let recent = value(of: range, in: bytes) { return recent }
        let value = try decode()
        keep(value, for: range, in: bytes)
        return value
    }

    /// The value kept for bytes equal to `bytes[range]`, if any.
    func value(of range: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Value? {
        guard !slots.isEmpty, let recent = slots[slot(of: range, in: bytes)], recent.range.count == range.count,
              memcmp(bytes.baseAddress! + recent.range.lowerBound, bytes.baseAddress! + range.lowerBound, range.count) == 0 else { return nil }
        return recent.value
    }

    /// Keeps `value` as the one decoded from `bytes[range]`, in place of what had its slot.
    mutating func keep(_ value: Value, for range: Range<Int>, in bytes: UnsafeRawBufferPointer) {
        if slots.isEmpty { slots = Array(repeating: nil, count: slotCount) }
        slots[slot(of: range, in: bytes)] = (range, value)
    }

    private func slot(of range: Range<Int>, in bytes: UnsafeRawBufferPointer) -> Int {
        Int(bytes.quickHash(of: range)) & (slotCount - 1)
    }
}

extension RecentValues {
    /// The next value of `reader`, read by `read` on its own bytes unless a row read lately had
    /// the same bytes there: then that row's value. `read` must consume the whole value (a JSON
    /// array, say), exactly as it would in place.
    mutating func next(of reader: inout JSONReader, _ column: StaticString, read: (inout JSONReader) throws -> Value) throws -> Value {
        let range = try reader.skipValue(column)
        let bytes = reader.bytes
        return try value(of: range, in: bytes) {
            var own = JSONReader(bytes, range: range)
            let value = try read(&own)
            guard own.isAtEnd() else { throw own.expected("the end of the value", column) }
            return value
        }
    }
}
