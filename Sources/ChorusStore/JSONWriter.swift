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

    /// Makes room for at most `room` bytes (and the comma before a value, when one is due) and
    /// has `body` store them with no checks. Appended a run at a time, each of a million orders'
    /// thirty values checked the buffer's uniqueness and capacity three or four times.
    /// `room` must bound what `body` writes whatever the value: only a debug build checks it.
    @inline(__always)
    private mutating func put(room: Int, value: Bool = true, _ body: (inout Cursor) -> Void) {
        let comma = value && needsComma
        bytes.append(addingCapacity: room + 1) { span in
            span.withUnsafeMutableBufferPointer { buffer, count in
                guard let start = buffer.baseAddress else { return }
                var cursor = Cursor(start, end: start + buffer.count)
                if comma { cursor.put(UInt8(ascii: ",")) }
                body(&cursor)
                count = cursor.position - start
            }
        }
    }

    mutating func beginArray() {
        put(room: 1) { $0.put(UInt8(ascii: "[")) }
        needsComma = false
    }

    mutating func endArray() {
        put(room: 1, value: false) { $0.put(UInt8(ascii: "]")) }
        needsComma = true
    }

    /// Writes text that is not a value (row framing), and starts a fresh sibling list after it.
    public mutating func raw(_ text: StaticString) {
        raw(bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes bytes that are not a value (a pretty-printed document's line breaks, indentation
    /// and colons), like `raw`.
    public mutating func raw(bytes text: UnsafeBufferPointer<UInt8>) {
        put(room: text.count, value: false) { $0.put(text) }
        needsComma = false
    }

    /// Writes an already-encoded JSON value, or values written before as a run of siblings.
    mutating func value(encoded: some Sequence<UInt8>) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: encoded)
        needsComma = true
    }

    /// Writes values with `body` and returns where their bytes start in `bytes`, past the comma
    /// due before them: the run a writer keeps to write the same values again, with
    /// `value(encoded:)`, which puts its own comma. `body` writes at least one value (the comma
    /// is out before it runs).
    mutating func valuesStart(writing body: (inout JSONWriter) -> Void) -> Int {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
            needsComma = false
        }
        let start = bytes.count
        body(&self)
        return start
    }

    public mutating func string(_ text: String) {
        var text = text
        // The string's own UTF-8 buffer, copied with memcpy: writing a million orders spends
        // most of its time here.
        text.withUTF8 { string(utf8: $0) }
    }

    /// A string from its UTF-8 bytes (text kept packed, such as an order's e-mail).
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        var escapes = 0
        if let first = Self.firstEscape(in: utf8) {
            for byte in utf8[first...] where Cursor.escapes(byte) { escapes += 1 }
        }
        put(room: utf8.count + 5 * escapes + 2) { cursor in
            cursor.put(UInt8(ascii: "\""))
            if escapes == 0 { cursor.put(utf8) } else { cursor.putEscaping(utf8) }
            cursor.put(UInt8(ascii: "\""))
        }
        needsComma = true
    }

    /// Where the first byte to escape is, looked for eight bytes at a time as `JSONReader`
    /// looks for the end of a string; nil when there is none, as in nearly all text.
    private static func firstEscape(in utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = utf8.baseAddress.map(UnsafeRawPointer.init) else { return nil }
        var index = 0
        while index + 8 <= utf8.count {
            let marks = JSONReader.stopBytes(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            if marks != 0 { return index + marks.trailingZeroBitCount / 8 }
            index += 8
        }
        return utf8[index...].firstIndex(where: Cursor.escapes)
    }

    mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    public mutating func int(_ value: Int64) {
        put(room: 21) { cursor in  // a sign and Int64.min's nineteen digits
            if value < 0 { cursor.put(UInt8(ascii: "-")) }
            cursor.digits(value.magnitude, width: 1)
        }
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
        var text = value.description
        text.withUTF8 { utf8 in put(room: utf8.count) { $0.put(utf8) } }
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        put(room: 5) { $0.put(value ? "true" : "false") }
        needsComma = true
    }

    mutating func null() {
        put(room: 4) { $0.put("null") }
        needsComma = true
    }

    /// `"YYYY-MM-DD"` (`time` nil) or `"YYYY-MM-DDTHH:MM:SSZ"`, for a year of four digits.
    mutating func date(_ year: Int, _ month: Int, _ day: Int, time seconds: UInt64?) {
        precondition((0...9999).contains(year) && (1...12).contains(month) && (1...31).contains(day) && (seconds ?? 0) < 86_400,
                     "a date of more digits than the room made for it")
        put(room: 22) { cursor in
            cursor.put(UInt8(ascii: "\""))
            cursor.digits(UInt64(year), width: 4)
            cursor.put(UInt8(ascii: "-"))
            cursor.digits(UInt64(month), width: 2)
            cursor.put(UInt8(ascii: "-"))
            cursor.digits(UInt64(day), width: 2)
            if let seconds {
                cursor.put(UInt8(ascii: "T"))
                cursor.digits(seconds / 3600, width: 2)
                cursor.put(UInt8(ascii: ":"))
                cursor.digits(seconds % 3600 / 60, width: 2)
                cursor.put(UInt8(ascii: ":"))
                cursor.digits(seconds % 60, width: 2)
                cursor.put(UInt8(ascii: "Z"))
            }
            cursor.put(UInt8(ascii: "\""))
        }
        needsComma = true
    }

    /// Hands the bytes written so far to `sink` and starts empty (keeping the space), so a
    /// long document (a report of every creator) is written in pieces instead of held whole.
    public mutating func flush(to sink: ([UInt8]) throws -> Void) rethrows {
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Where `JSONWriter.put` stores a value's bytes, in room already made for them.
private struct Cursor {
    private(set) var position: UnsafeMutablePointer<UInt8>
    /// Only for the debug build's check that a value stays within the room made for it.
    private let end: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>) {
        position = start
        self.end = end
    }

    /// Whether `byte` is written escaped: `"`, `\` and control characters.
    @inline(__always)
    static func escapes(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        assert(position < end, "a JSON value outgrew the room made for it")
        position.initialize(to: byte)
        position += 1
    }

    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        assert(end - position >= bytes.count, "a JSON value outgrew the room made for it")
        position.initialize(from: source, count: bytes.count)
        position += bytes.count
    }

    @inline(__always)
    mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The decimal digits of `value`, zero-padded to at least `width` digits.
    @inline(__always)
    mutating func digits(_ value: UInt64, width: Int) {
        var count = 1
        var rest = value / 10
        while rest > 0 { count += 1; rest /= 10 }
        let total = max(count, width)
        assert(end - position >= total, "a JSON value outgrew the room made for it")
        rest = value
        var index = total
        repeat {  // once `rest` is 0 this writes the padding zeros
            index -= 1
            position[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while index > 0
        position += total
    }

    /// `bytes` with `"`, `\` and control characters escaped: the control characters JSON names
    /// as `\n`, `\r`, `\t`, `\b` and `\f`, the rest as `\u00XX` (at most six bytes for one).
    mutating func putEscaping(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in bytes.indices where Self.escapes(bytes[index]) {
            put(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            let byte = bytes[index]
            put(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(byte)
            case 0x0A: put(UInt8(ascii: "n"))
            case 0x0D: put(UInt8(ascii: "r"))
            case 0x09: put(UInt8(ascii: "t"))
            case 0x08: put(UInt8(ascii: "b"))
            case 0x0C: put(UInt8(ascii: "f"))
            default:
                let hex: StaticString = "0123456789abcdef"
                put("u00")
                put(hex.utf8Start[Int(byte >> 4)])
                put(hex.utf8Start[Int(byte & 0xF)])
            }
            runStart = index + 1
        }
        put(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}
