/// One row of a CSV file, and the line of the file where it starts.
///
/// A record keeps its fields as positions in the file's bytes and makes a `String` only for
/// the columns that are asked for: an import of a million Shopify rows with eighty columns
/// reads a dozen of them, so the other seventy never cost an allocation.
public struct CSVRecord: Sendable {
    /// 1-based line of the file where this record starts (a quoted field may span lines).
    public internal(set) var line: Int = 0
    var source: [UInt8] = []
    var spans: [FieldSpan] = []

    /// An empty record to pass to `CSVReader.readNext(into:)`, which fills and reuses it.
    public init() {}

    /// Number of fields in this record.
    public var count: Int { spans.count }

    /// The field at `index`; empty past the end, because exports often drop trailing empty fields.
    public subscript(index: Int) -> String {
        guard index >= 0, index < spans.count else { return "" }
        let span = spans[index]
        if span.start == span.end { return "" }
        return source.withUnsafeBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
            guard span.hasDoubledQuotes else { return String(decoding: bytes, as: UTF8.self) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(bytes.count)
            var skipNext = false
            for byte in bytes {
                if skipNext { skipNext = false; continue }
                unescaped.append(byte)
                if byte == Byte.quote { skipNext = true }
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    /// Whether the field at `index` is empty or missing, without making a string.
    public func isEmpty(at index: Int) -> Bool {
        guard index >= 0, index < spans.count else { return true }
        return spans[index].start == spans[index].end
    }

    /// Every field as text.
    public var fields: [String] { (0..<spans.count).map { self[$0] } }
}

/// Where a field's content lies in the file: between the quotes for a quoted field.
struct FieldSpan: Sendable {
    var start: Int
    var end: Int
    /// A quoted field with `""` inside, which must be unescaped when read.
    var hasDoubledQuotes: Bool
}
