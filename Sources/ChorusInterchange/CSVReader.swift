/// Reads RFC 4180 CSV from UTF-8 bytes, one record at a time.
///
/// It works on bytes because it must keep up with a million-order Shopify export: fields are
/// located with a single pass over the buffer and turned into strings only when asked for
/// (see `CSVRecord`). It accepts what spreadsheets and stores actually write: a UTF-8 byte
/// order mark, CRLF or LF line ends (or a mix), quoted fields holding commas, doubled quotes
/// and line breaks, and a final row without a line end. Blank lines are skipped. The bytes
/// are checked to be UTF-8 on the way, so a Latin-1 file is reported with its line instead
/// of turning names into replacement characters.
///
/// A file on disk is read a window at a time (see `CSVFile`). A record that runs past the
/// window's end is read again from its start in a window that holds all of it, so where the
/// windows fall never changes a record, a line number or an error.
public struct CSVReader: Sendable {
    /// Named in every error, so a person knows which of several files to fix.
    public let fileName: String
    let source: CSVSource
    /// The source's bytes from `windowStart`: all of them for bytes in memory.
    private var window: [UInt8]
    private var windowStart = 0
    /// How many bytes of `window` were read (it may be longer, kept from a bigger window).
    private var windowCount: Int
    private var position: Int
    private var line = 1
    /// Where reading stops: the end of the file, or of a chunk read on another core.
    let end: Int
    /// The longest each column's fields may be (see `FieldLimit`), set once the header is
    /// known; before that (the header row itself, or a file read without one) every field
    /// has the limit of long text.
    var fieldLimits: [(name: String, limit: FieldLimit)] = []

    public init(bytes: [UInt8], fileName: String) {
        self.init(source: .bytes(bytes), fileName: fileName, from: Cursor(position: 0, line: 1), to: bytes.count)
        if bytes.starts(with: Self.byteOrderMark) { position = 3 }
    }

    /// A reader of a whole file, from its first byte; throws `CSVError` when it cannot be read.
    public init(file: CSVFile, fileName: String) throws {
        self.init(source: .file(file), fileName: fileName, from: Cursor(position: 0, line: 1), to: file.count)
        try slideWindow(to: 0, length: min(file.count, max(file.windowSize, Self.byteOrderMark.count)))
        if window[..<windowCount].starts(with: Self.byteOrderMark) { position = 3 }
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A reader of the records in `source[start.position..<end]`, numbering lines from
    /// `start.line`; `start.position` must be where a record starts. A file's first window is
    /// read when the first record is.
    init(source: CSVSource, fileName: String, from start: Cursor, to end: Int) {
        self.source = source
        self.fileName = fileName
        self.position = start.position
        self.line = start.line
        self.end = end
        switch source {
        case .bytes(let bytes): (window, windowCount) = (bytes, bytes.count)
        case .file: (window, windowStart, windowCount) = ([], start.position, 0)
        }
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
        // Let go of the window, so that sliding it reuses its storage instead of copying it.
        record.source = []
        record.fieldCount = 0
        while true {
            var position = self.position - windowStart
            var line = self.line
            let available = min(end, windowStart + windowCount) - windowStart
            let start: Int?
            var fieldCount = 0
            let recordStart = self.position
            do {
                start = try window.withUnsafeBufferPointer { buffer in
                    try record.spans.withUnsafeMutableBufferPointer { slots in
                        var writer = FieldWriter(slots: slots)
                        defer { fieldCount = writer.count }
                        return try Self.parseRecord(UnsafeBufferPointer(rebasing: buffer[..<available]), position: &position, line: &line,
                                                    fields: &writer, reachesEnd: windowStart + available == end, fileName: fileName)
                    }
                }
            } catch is WindowEnd {
                let unread = windowStart + windowCount - self.position
                try slideWindow(to: self.position, length: min(end - self.position, max(unread * 2, windowSize)))
                continue
            } catch is FieldWriter.Full {
                record.spans = Array(repeating: FieldSpan(), count: max(64, 2 * record.spans.count))
                continue
            }
            self.position = windowStart + position
            self.line = line
            guard let start else { record.fieldCount = 0; return false }
            record.source = window
            record.line = start
            record.fieldCount = fieldCount
            // No field of a record this short can be too long: only a long record's are measured.
            if self.position - recordStart > FieldLimit.field.bytes { try checkFieldSizes(record) }
            return true
        }
    }

    /// Where `parseRecord` puts a record's fields: the record's own slots, written in place.
    /// Appended to an array, each of an export's eighty fields a row checked the array's
    /// uniqueness and capacity. A record with more fields than slots is read again with more.
    struct FieldWriter {
        struct Full: Error {}

        let slots: UnsafeMutableBufferPointer<FieldSpan>
        private(set) var count = 0

        init(slots: UnsafeMutableBufferPointer<FieldSpan>) {
            self.slots = slots
        }

        mutating func add(_ span: FieldSpan) throws {
            guard count < slots.count else { throw Full() }
            slots[count] = span
            count += 1
        }
    }

    private var windowSize: Int {
        if case .file(let file) = source { file.windowSize } else { end }
    }

    /// Reads `length` bytes of the file from `start` into the window.
    private mutating func slideWindow(to start: Int, length: Int) throws {
        guard case .file(let file) = source else { preconditionFailure("bytes in memory are one window") }
        if window.count > 2 * max(length, windowSize) { window = [] }  // one long record's window is not kept for the rest of the file
        do {
            try file.read(start..<start + length, into: &window)
        } catch {
            windowCount = 0  // what the window held is gone
            throw CSVError(.unreadable(error.reason), fileName: fileName, line: line, column: 0)
        }
        (windowStart, windowCount) = (start, length)
    }

    private func checkFieldSizes(_ record: CSVRecord) throws {
        for (column, span) in record.spans[..<record.fieldCount].enumerated() where span.end - span.start > FieldLimit.field.bytes {
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

    /// Thrown when a record runs to the end of a window that does not reach the end of the
    /// file: where the record ends (or whether a CR is followed by an LF) is in the next one.
    private struct WindowEnd: Error {}

    /// Parses one record starting at `position`; returns the line it starts on, or nil at the
    /// end. `reachesEnd` says whether `p` ends where the file (or chunk) does; when it does not,
    /// running into its end throws `WindowEnd` instead of ending the record there.
    private static func parseRecord(_ p: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int,
                                    fields: inout FieldWriter, reachesEnd: Bool, fileName: String) throws -> Int? {
        let end = p.count
        let cut = { if !reachesEnd { throw WindowEnd() } }
        var pos = position
        while pos < end, p[pos] == Byte.newline || p[pos] == Byte.carriageReturn {
            pos = try endOfLine(p, at: pos, reachesEnd: reachesEnd)
            line += 1
        }
        guard pos < end else { try cut(); position = pos; return nil }
        let recordLine = line
        while true {
            if p[pos] == Byte.quote {
                let column = fields.count + 1
                let quoteLine = line
                pos += 1
                let start = pos
                var doubled = false
                while true {
                    guard pos < end else {
                        try cut()
                        throw CSVError(.unbalancedQuote, fileName: fileName, line: quoteLine, column: column)
                    }
                    let byte = p[pos]
                    if byte == Byte.quote {
                        if pos + 1 == end { try cut() } else if p[pos + 1] == Byte.quote { doubled = true; pos += 2; continue }
                        break
                    }
                    if byte >= 0x80 {
                        pos = try skipUTF8(p, at: pos, reachesEnd: reachesEnd, fileName: fileName, line: line, column: column)
                        continue
                    }
                    if byte == Byte.carriageReturn, pos + 1 == end { try cut() }
                    if byte == Byte.newline || (byte == Byte.carriageReturn && (pos + 1 == end || p[pos + 1] != Byte.newline)) {
                        line += 1
                    }
                    pos += 1
                }
                try fields.add(FieldSpan(start: start, end: pos, hasDoubledQuotes: doubled))
                pos += 1
                guard pos < end else { try cut(); break }
                let next = p[pos]
                if next == Byte.comma {
                    pos += 1
                    if pos == end { try cut(); try fields.add(FieldSpan(start: pos, end: pos, hasDoubledQuotes: false)); break }
                    continue
                }
                guard next == Byte.newline || next == Byte.carriageReturn else {
                    throw CSVError(.textAfterClosingQuote, fileName: fileName, line: line, column: column)
                }
                pos = try endOfLine(p, at: pos, reachesEnd: reachesEnd)
                line += 1
                break
            } else if p[pos] == Byte.comma, let next = emptyFieldsEnd(p, from: pos) {
                // A run of empty fields (an export's unused columns), one span per comma.
                for comma in pos..<next { try fields.add(FieldSpan(start: comma, end: comma, hasDoubledQuotes: false)) }
                pos = next
            } else {
                let start = pos
                while pos < end {
                    if p[pos] != Byte.comma { pos = skipPlainBytes(p, from: pos) }
                    guard pos < end else { break }
                    let byte = p[pos]
                    if byte == Byte.comma || byte == Byte.newline || byte == Byte.carriageReturn { break }
                    if byte >= 0x80 {
                        // The column is counted here, not for every field: few fields hold other than ASCII.
                        pos = try skipUTF8(p, at: pos, reachesEnd: reachesEnd, fileName: fileName, line: line, column: fields.count + 1)
                    } else {
                        pos += 1
                    }
                }
                try fields.add(FieldSpan(start: start, end: pos, hasDoubledQuotes: false))
                guard pos < end else { try cut(); break }
                if p[pos] == Byte.comma {
                    pos += 1
                    if pos == end { try cut(); try fields.add(FieldSpan(start: pos, end: pos, hasDoubledQuotes: false)); break }
                    continue
                }
                pos = try endOfLine(p, at: pos, reachesEnd: reachesEnd)
                line += 1
                break
            }
        }
        position = pos
        return recordLine
    }

    /// The first position from `pos` whose byte ends an unquoted field or needs a closer look
    /// (a comma, a line end or a multi-byte character), eight bytes at a time; `p.count` at
    /// most, and left to the byte loop within eight bytes of it. Byte by byte, an export's
    /// names, e-mails, times and links were most of finding fields; stopping at every byte below
    /// the comma as well (the spaces and `+` of every time, the `#` of every `Name`) stopped the
    /// scan about as often as fields ended.
    @inline(__always)
    private static func skipPlainBytes(_ p: UnsafeBufferPointer<UInt8>, from pos: Int) -> Int {
        guard let base = p.baseAddress.map(UnsafeRawPointer.init) else { return pos }
        let lanes: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var pos = pos
        while pos + 8 <= p.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
            // A byte's low seven bits differing from a comma's make `^ comma + 0x7F` set its top
            // bit, with no carry into the next byte; so do they for a line feed and a carriage
            // return. A top bit left clear by any of the three, or set in the byte itself (not
            // ASCII), marks a byte to look at.
            let low = word & lanes
            let other = ((low ^ 0x2C2C_2C2C_2C2C_2C2C) &+ lanes) & ((low ^ 0x0A0A_0A0A_0A0A_0A0A) &+ lanes)
                & ((low ^ 0x0D0D_0D0D_0D0D_0D0D) &+ lanes)
            let marked = (~other | word) & 0x8080_8080_8080_8080
            if marked != 0 { return pos + marked.trailingZeroBitCount / 8 }
            pos += 8
        }
        return pos
    }

    /// Where the run of commas at `pos` ends, eight bytes at a time: the first byte that is not
    /// a comma, which then starts the next field. Nil when the run comes within eight bytes of
    /// the end of `p`, left to the field-by-field loop, which knows where a window is cut.
    /// Field by field, the fifty-odd empty columns of each row of a Shopify export were a
    /// third of finding its fields.
    @inline(__always)
    private static func emptyFieldsEnd(_ p: UnsafeBufferPointer<UInt8>, from pos: Int) -> Int? {
        guard let base = p.baseAddress.map(UnsafeRawPointer.init) else { return nil }
        var pos = pos
        while pos + 8 <= p.count {
            // A byte of the word is zero exactly where the text has a comma.
            let others = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt64.self)) ^ 0x2C2C_2C2C_2C2C_2C2C
            if others != 0 { return pos + others.trailingZeroBitCount / 8 }
            pos += 8
        }
        return nil
    }

    /// Position after the line end at `pos` (`\n`, `\r\n` or a lone `\r`).
    private static func endOfLine(_ p: UnsafeBufferPointer<UInt8>, at pos: Int, reachesEnd: Bool) throws -> Int {
        guard p[pos] == Byte.carriageReturn else { return pos + 1 }
        if pos + 1 < p.count { return p[pos + 1] == Byte.newline ? pos + 2 : pos + 1 }
        if !reachesEnd { throw WindowEnd() }
        return pos + 1
    }

    /// Position after the multi-byte UTF-8 sequence at `pos`; throws if it is not well-formed
    /// (stray continuation bytes, overlong forms, surrogates, or a sequence cut short).
    private static func skipUTF8(_ p: UnsafeBufferPointer<UInt8>, at pos: Int, reachesEnd: Bool, fileName: String, line: Int,
                                 column: Int) throws -> Int {
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
        if pos + length > p.count, !reachesEnd { throw WindowEnd() }
        guard pos + length <= p.count, p[pos + 1] >= low, p[pos + 1] <= high else {
            throw CSVError(.invalidUTF8, fileName: fileName, line: line, column: column)
        }
        for offset in 2..<length where p[pos + offset] & 0xC0 != 0x80 {
            throw CSVError(.invalidUTF8, fileName: fileName, line: line, column: column)
        }
        return pos + length
    }
}
