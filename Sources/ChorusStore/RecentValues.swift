import Foundation

/// Values a reader decoded lately, each under the bytes it was decoded from, so the same bytes
/// in a later row hand back the same value instead of decoding (and allocating) it again. A
/// million creators name a few dozen combinations of niches, sources and store categories;
/// decoding each row's arrays afresh was three heap blocks per creator and a good part of
/// opening them. Like `sharedString`, a slot per hash of the bytes, the last value wins it.
struct RecentValues<Value> {
    private var slots: [(range: Range<Int>, value: Value)?] = []
    private static var slotCount: Int { 1_024 }

    /// The value decoded from bytes equal to `bytes[range]`, or `decode` of them, kept for next time.
    mutating func value(of range: Range<Int>, in bytes: UnsafeRawBufferPointer, decode: () throws -> Value) rethrows -> Value {
        if slots.isEmpty { slots = Array(repeating: nil, count: Self.slotCount) }
        let slot = Int(bytes.recentSlotHash(of: range)) & (Self.slotCount - 1)
        if let recent = slots[slot], recent.range.count == range.count,
           memcmp(bytes.baseAddress! + recent.range.lowerBound, bytes.baseAddress! + range.lowerBound, range.count) == 0 {
            return recent.value
        }
        let value = try decode()
        slots[slot] = (range, value)
        return value
    }
}

extension JSONReader {
    /// The next value, read by `read` on its own bytes unless a row read lately had the same
    /// bytes there: then that row's value. `read` must consume the whole value (a JSON array,
    /// say), exactly as it would in place.
    mutating func shared<Value>(_ recent: WritableKeyPath<JSONReader, RecentValues<Value>>, _ column: StaticString,
                                read: (inout JSONReader) throws -> Value) throws -> Value {
        let range = try skipValue(column)
        let bytes = self.bytes
        return try self[keyPath: recent].value(of: range, in: bytes) {
            var own = JSONReader(bytes, range: range)
            let value = try read(&own)
            guard own.isAtEnd() else { throw own.expected("the end of the value", column) }
            return value
        }
    }
}

extension UnsafeRawBufferPointer {
    /// FNV-1a of `self[range]`: cheap, and spread enough to pick a slot for values read lately
    /// (`RecentValues`, `JSONReader.sharedString`).
    func recentSlotHash(of range: Range<Int>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for index in range { hash = (hash ^ UInt32(self[index])) &* 16_777_619 }
        return hash
    }
}
