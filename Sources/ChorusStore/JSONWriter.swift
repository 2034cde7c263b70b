/// Writes compact JSON straight into a byte buffer, the counterpart of `JSONReader`.
///
/// Output is deterministic (same value, same bytes), so snapshots diff cleanly. Like the
/// journal's encoder, it leaves `/` and non-ASCII text unescaped; only `"`, `\` and control
/// characters are escaped, which is all JSON requires.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value follows a sibling and needs a comma first.
    private var needsComma = false

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Writes into `buffer`'s memory (taking it, and leaving `buffer` empty) after its bytes,
    /// with room for `capacity` in all: a piece of a big file reuses the one written before.
    public init(reusing buffer: inout [UInt8], capacity: Int) {
        swap(&bytes, &buffer)
        bytes.reserveCapacity(capacity)
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes text that is not a value (row framing), and starts a fresh sibling list after it.
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        needsComma = false
    }

    /// Writes bytes that are not a value (a pretty-printed document's line breaks, indentation
    /// and colons), like `raw`.
    public mutating func raw(bytes text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
        needsComma = false
    }

    /// Writes an already-encoded JSON value.
    mutating func value(encoded: some Sequence<UInt8>) {
        separate()
        bytes.append(contentsOf: encoded)
        needsComma = true
    }

    public mutating func string(_ text: String) {
        var text = text
        // The string's own UTF-8 buffer, copied in runs with memcpy: writing a million orders
        // spends most of its time here.
        text.withUTF8 { string(utf8: $0) }
    }

    /// A string from its UTF-8 bytes (text kept packed, such as an order's e-mail).
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in utf8.indices {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscaped(byte)
                runStart = index + 1
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    public mutating func int(_ value: Int64) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        digits(value.magnitude, width: 1)
        needsComma = true
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func optionalInt(_ value: Int64?) {
        if let value { int(value) } else { null() }
    }

    mutating func optionalInt(_ value: Int?) {
        if let value { int(Int64(value)) } else { null() }
    }

    /// Shortest text that reads back to the same Double. Non-finite values, which JSON cannot
    /// express as numbers, are written as the strings `nan`, `inf` and `-inf`.
    mutating func double(_ value: Double) {
        guard value.isFinite else { string(value.description); return }
        separate()
        bytes.append(contentsOf: value.description.utf8)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
        needsComma = true
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        needsComma = true
    }

    /// Appends the decimal digits of `value`, zero-padded to at least `width` digits, with no separator.
    /// The digits are put together on the stack and appended at once: every amount, count and
    /// date of a million orders passes here, and writing them into `bytes` one by one checked
    /// the buffer's uniqueness at each digit.
    mutating func digits(_ value: UInt64, width: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in  // UInt64.max has 20 digits
            var start = buffer.count
            var rest = value
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            let count = buffer.count - start
            if width > count { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - count)) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Hands the bytes written so far to `sink` and starts empty (keeping the space), so a
    /// long document (a report of every creator) is written in pieces instead of held whole.
    public mutating func flush(to sink: ([UInt8]) throws -> Void) rethrows {
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends one byte as is; for building fixed-format values such as dates.
    mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func finishValue() { needsComma = true }

    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        }
    }
}
