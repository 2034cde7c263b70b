/// One row of a CSV file, and the line of the file where it starts.
///
/// A record keeps its fields as positions in the file's bytes and makes a `String` only for
/// the columns that are asked for: an import of a million Shopify rows with eighty columns
/// reads a dozen of them, so the other seventy never cost an allocation.
public struct CSVRecord: Sendable {
    /// 1-based line of the file where this record starts (a quoted field may span lines).
    public internal(set) var line: Int = 0
    var source: [UInt8] = []
    /// The fields' places: the first `fieldCount` slots (the rest are kept for a longer record).
    var spans = [FieldSpan](repeating: FieldSpan(), count: 32)
    var fieldCount = 0

    /// An empty record to pass to `CSVReader.readNext(into:)`, which fills and reuses it.
    public init() {}

    /// Number of fields in this record.
    public var count: Int { fieldCount }

    /// The field at `index`; empty past the end, because exports often drop trailing empty fields.
    public subscript(index: Int) -> String {
        withBytes(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the field's bytes (a quoted field's doubled quotes read as one), empty
    /// past the end: for a reader that parses a number or a time from a field, or looks up
    /// what it made of the same bytes before, without making a `String` of it first. The bytes
    /// are UTF-8, as the reader checked.
    @inline(__always)
    func withBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard index >= 0, index < fieldCount, spans[index].start != spans[index].end else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let span = spans[index]
        return try source.withUnsafeBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
            guard span.hasDoubledQuotes else { return try body(bytes) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(bytes.count)
            var skipNext = false
            for byte in bytes {
                if skipNext { skipNext = false; continue }
                unescaped.append(byte)
                if byte == Byte.quote { skipNext = true }
            }
            return try unescaped.withUnsafeBufferPointer(body)
        }
    }

    /// Calls `body` with the fields at `columns` as they lie in the file, each after four bytes
    /// holding its length and whether its quotes are doubled (a quoted `a""b` and an unquoted
    /// `a""b` are different text): a key that tells any two rows' fields apart, for a cache of
    /// what was made of them (`FieldCache`), built in `scratch` without unescaping or copying
    /// field by field. A missing column (-1, or past the row's end) is an empty field.
    func withKey<Result>(of columns: [Int], in scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let empty = FieldSpan()
        func span(_ column: Int) -> FieldSpan { column >= 0 && column < fieldCount ? spans[column] : empty }
        let length = columns.reduce(0) { $0 + 4 + span($1).end - span($1).start }
        if scratch.count < max(length, 1) { scratch = Array(repeating: 0, count: 2 * max(length, 1)) }
        return scratch.withUnsafeMutableBytes { key in
            source.withUnsafeBytes { file in
                var offset = 0
                for column in columns {
                    let field = span(column)
                    let count = field.end - field.start
                    key.storeBytes(of: (UInt32(count) | (field.hasDoubledQuotes ? 1 << 31 : 0)).littleEndian, toByteOffset: offset, as: UInt32.self)
                    if count > 0 { (key.baseAddress! + offset + 4).copyMemory(from: file.baseAddress! + field.start, byteCount: count) }
                    offset += 4 + count
                }
                return body(UnsafeBufferPointer(start: key.baseAddress!.assumingMemoryBound(to: UInt8.self), count: offset))
            }
        }
    }

    /// Whether the field at `index` is empty or missing, without making a string.
    public func isEmpty(at index: Int) -> Bool {
        guard index >= 0, index < fieldCount else { return true }
        return spans[index].start == spans[index].end
    }

    /// Every field as text.
    public var fields: [String] { (0..<fieldCount).map { self[$0] } }
}

/// Where a field's content lies in the file: between the quotes for a quoted field.
struct FieldSpan: Sendable {
    var start = 0
    var end = 0
    /// A quoted field with `""` inside, which must be unescaped when read.
    var hasDoubledQuotes = false
}
