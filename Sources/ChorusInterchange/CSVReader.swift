/// Reads RFC 4180 CSV from UTF-8 bytes, one record at a time.
///
/// It works on bytes because it must keep up with a million-order Shopify export: fields are
/// located with a single pass over the buffer and turned into strings only when asked for
/// (see `CSVRecord`). It accepts what spreadsheets and stores actually write: a UTF-8 byte
/// order mark, CRLF or LF line ends (or a mix), quoted fields holding commas, doubled quotes
/// and line breaks, and a final row without a line end. Blank lines are skipped. The bytes
/// are checked to be UTF-8 on the way, so a Latin-1 file is reported with its line instead
/// of turning names into replacement characters.
public struct CSVReader: Sendable {
    /// Named in every error, so a person knows which of several files to fix.
    public let fileName: String
    let source: [UInt8]
    private var position: Int
    private var line = 1
    /// Where reading stops: the end of the file, or of a chunk read on another core.
    private let end: Int
    /// The longest each column's fields may be (see `FieldLimit`), set once the header is
    /// known; before that (the header row itself, or a file read without one) every field
    /// has the limit of long text.
    var fieldLimits: [(name: String, limit: FieldLimit)] = []

    public init(bytes: [UInt8], fileName: String) {
        self.source = bytes
        self.fileName = fileName
        self.position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.end = bytes.count
    }

    /// A reader of the records in `bytes[start.position..<end]`, numbering lines from
    /// `start.line`; `start.position` must be where a record starts.
    init(bytes: [UInt8], fileName: String, from start: Cursor, to end: Int) {
        self.source = bytes
        self.fileName = fileName
        self.position = start.position
        self.line = start.line
        self.end = end
    }

    /// A place between records: the byte the next record starts at and the line it is on.
    struct Cursor: Equatable {
        var position: Int
        var line: Int
    }

    /// Where the next record starts.
    var cursor: Cursor { Cursor(position: position, line: line) }

    /// The next record, or nil at the end of the file. Throws `CSVError`.
    public mutating func next() throws -> CSVRecord? {
        var record = CSVRecord()
        return try readNext(into: &record) ? record : nil
    }

    /// Reads the next record into `record`, reusing its storage; false at the end of the file.
    public mutating func readNext(into record: inout CSVRecord) throws -> Bool {
        record.spans.removeAll(keepingCapacity: true)
        record.source = source
        let bytes = source
        var position = self.position
        var line = self.line
        let end = self.end
        let start = try bytes.withUnsafeBufferPointer { buffer in
            try Self.parseRecord(UnsafeBufferPointer(rebasing: buffer[..<end]), position: &position, line: &line,
                                 spans: &record.spans, fileName: fileName)
        }
        self.position = position
        self.line = line
        guard let start else { return false }
        record.line = start
        try checkFieldSizes(record)
        return true
    }

    private func checkFieldSizes(_ record: CSVRecord) throws {
        for (column, span) in record.spans.enumerated() where span.end - span.start > FieldLimit.field.bytes {
            let (name, limit) = column < fieldLimits.count ? fieldLimits[column] : ("column \(column + 1)", FieldLimit.longText)
            guard span.end - span.start > limit.bytes else { continue }
            throw CSVError(.fieldTooLong(column: name, bytes: span.end - span.start, limit: limit), fileName: fileName,
                           line: record.line, column: column + 1)
        }
    }

    /// Every remaining record; convenient for small files such as settings or test fixtures.
    public mutating func readAll() throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }

    /// Parses one record starting at `position`; returns the line it starts on, or nil at the end.
    private static func parseRecord(_ p: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int,
                                    spans: inout [FieldSpan], fileName: String) throws -> Int? {
        let end = p.count
        var pos = position
        while pos < end, p[pos] == Byte.newline || p[pos] == Byte.carriageReturn {
            pos = endOfLine(p, at: pos)
            line += 1
        }
        guard pos < end else { position = pos; return nil }
        let recordLine = line
        while true {
            let column = spans.count + 1
            if p[pos] == Byte.quote {
                let quoteLine = line
                pos += 1
                let start = pos
                var doubled = false
                while true {
                    guard pos < end else { throw CSVError(.unbalancedQuote, fileName: fileName, line: quoteLine, column: column) }
                    let byte = p[pos]
                    if byte == Byte.quote {
                        if pos + 1 < end, p[pos + 1] == Byte.quote { doubled = true; pos += 2; continue }
                        break
                    }
                    if byte >= 0x80 {
                        pos = try skipUTF8(p, at: pos, fileName: fileName, line: line, column: column)
                        continue
                    }
                    if byte == Byte.newline || (byte == Byte.carriageReturn && (pos + 1 == end || p[pos + 1] != Byte.newline)) {
                        line += 1
                    }
                    pos += 1
                }
                spans.append(FieldSpan(start: start, end: pos, hasDoubledQuotes: doubled))
                pos += 1
                guard pos < end else { break }
                let next = p[pos]
                if next == Byte.comma {
                    pos += 1
                    if pos == end { spans.append(FieldSpan(start: pos, end: pos, hasDoubledQuotes: false)); break }
                    continue
                }
                guard next == Byte.newline || next == Byte.carriageReturn else {
                    throw CSVError(.textAfterClosingQuote, fileName: fileName, line: line, column: column)
                }
                pos = endOfLine(p, at: pos)
                line += 1
                break
            } else {
                let start = pos
                while pos < end {
                    let byte = p[pos]
                    if byte > Byte.comma && byte < 0x80 { pos += 1; continue }
                    if byte == Byte.comma || byte == Byte.newline || byte == Byte.carriageReturn { break }
                    if byte >= 0x80 {
                        pos = try skipUTF8(p, at: pos, fileName: fileName, line: line, column: column)
                    } else {
                        pos += 1
                    }
                }
                spans.append(FieldSpan(start: start, end: pos, hasDoubledQuotes: false))
                guard pos < end else { break }
                if p[pos] == Byte.comma {
                    pos += 1
                    if pos == end { spans.append(FieldSpan(start: pos, end: pos, hasDoubledQuotes: false)); break }
                    continue
                }
                pos = endOfLine(p, at: pos)
                line += 1
                break
            }
        }
        position = pos
        return recordLine
    }

    /// Position after the line end at `pos` (`\n`, `\r\n` or a lone `\r`).
    private static func endOfLine(_ p: UnsafeBufferPointer<UInt8>, at pos: Int) -> Int {
        if p[pos] == Byte.carriageReturn, pos + 1 < p.count, p[pos + 1] == Byte.newline { return pos + 2 }
        return pos + 1
    }

    /// Position after the multi-byte UTF-8 sequence at `pos`; throws if it is not well-formed
    /// (stray continuation bytes, overlong forms, surrogates, or a sequence cut short).
    private static func skipUTF8(_ p: UnsafeBufferPointer<UInt8>, at pos: Int, fileName: String, line: Int, column: Int) throws -> Int {
        let lead = p[pos]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw CSVError(.invalidUTF8, fileName: fileName, line: line, column: column)
        }
        guard pos + length <= p.count, p[pos + 1] >= low, p[pos + 1] <= high else {
            throw CSVError(.invalidUTF8, fileName: fileName, line: line, column: column)
        }
        for offset in 2..<length where p[pos + offset] & 0xC0 != 0x80 {
            throw CSVError(.invalidUTF8, fileName: fileName, line: line, column: column)
        }
        return pos + length
    }
}
