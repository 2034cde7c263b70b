/// A JSON syntax or type problem at a byte offset; the caller turns the offset into a line.
struct JSONReadError: Error {
    var offset: Int
    var message: String
}

/// A forward-only JSON reader over a file's bytes, for the snapshot's big collections.
///
/// Foundation's `JSONDecoder` reads about 20–25 MB/s and builds a whole object tree first
/// (roughly 20× the file size in memory); this reads values straight into the row codecs'
/// fields at hundreds of MB/s with no intermediate tree. Row codecs call the typed reads in
/// their column order; separators between array elements are handled here (`needsComma`), so
/// a codec only says what it expects next. Every read names its column for error messages.
struct JSONReader {
    let bytes: UnsafeRawBufferPointer
    var position: Int
    let end: Int
    /// Whether the next value must be preceded by a comma (it follows a sibling value).
    private var needsComma = false
    /// Strings read with `shared: true` lately, by a hash of their bytes (see `sharedString`).
    var recentStrings: [String?] = []
    /// What the orders read so far share with the next (see `OrderRowCodec.Sharing`).
    var orderSharing = OrderRowCodec.Sharing()
    /// What the survey answers read so far share with the next (see `SurveyResponse.Sharing`).
    var surveySharing = SurveyResponseRowCodec.Sharing()
    /// What the creators read so far share with the next (see `CreatorRowCodec.Sharing`).
    var creatorSharing = CreatorRowCodec.Sharing()

    init(_ bytes: UnsafeRawBufferPointer, range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    // MARK: Structure

    mutating func beginArray(_ column: StaticString) throws {
        try valueStart(column)
        guard position < end, bytes[position] == UInt8(ascii: "[") else { throw expected("an array", column) }
        position += 1
        needsComma = false
    }

    mutating func endArray(_ column: StaticString) throws {
        skipWhitespace()
        guard position < end, bytes[position] == UInt8(ascii: "]") else { throw expected("the end of the array", column) }
        position += 1
        needsComma = true
    }

    /// Whether the current array has another element (false when its `]` is next).
    mutating func hasMoreElements() -> Bool {
        skipWhitespace()
        return position < end && bytes[position] != UInt8(ascii: "]")
    }

    mutating func beginObject(_ column: StaticString) throws {
        try valueStart(column)
        guard position < end, bytes[position] == UInt8(ascii: "{") else { throw expected("an object", column) }
        position += 1
        needsComma = false
    }

    mutating func endObject(_ column: StaticString) throws {
        skipWhitespace()
        guard position < end, bytes[position] == UInt8(ascii: "}") else { throw expected("the end of the object", column) }
        position += 1
        needsComma = true
    }

    /// Reads `"key":` and requires it to be `key`.
    mutating func key(_ key: String) throws {
        let offset = position
        let found = try string("key")
        guard found == key else { throw JSONReadError(offset: offset, message: "expected the key \"\(key)\", found \"\(found)\"") }
        skipWhitespace()
        guard position < end, bytes[position] == UInt8(ascii: ":") else { throw expected("':' after \"\(key)\"", "key") }
        position += 1
        needsComma = false
    }

    /// Whether only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return position >= end
    }

    /// Where the reader stands, to read on from there again (`rewind(to:)`) after looking ahead.
    struct Mark {
        fileprivate let position: Int, needsComma: Bool
    }

    var mark: Mark { Mark(position: position, needsComma: needsComma) }

    mutating func rewind(to mark: Mark) {
        (position, needsComma) = (mark.position, mark.needsComma)
    }

    // MARK: Scalars

    /// A string; with `shared`, one that repeats across rows (a product name, a UTM value) and
    /// is then one copy for all of them (see `sharedString`).
    mutating func string(_ column: StaticString, shared: Bool = false) throws -> String {
        try valueStart(column)
        return try stringBody(column, shared: shared)
    }

    mutating func optionalString(_ column: StaticString, shared: Bool = false) throws -> String? {
        try nextIsNull(column) ? nil : try stringBody(column, shared: shared)
    }

    mutating func int64(_ column: StaticString) throws -> Int64 {
        try valueStart(column)
        return try int64Body(column)
    }

    mutating func int(_ column: StaticString) throws -> Int { Int(try int64(column)) }

    mutating func optionalInt64(_ column: StaticString) throws -> Int64? {
        try nextIsNull(column) ? nil : try int64Body(column)
    }

    mutating func optionalInt(_ column: StaticString) throws -> Int? {
        try nextIsNull(column) ? nil : Int(try int64Body(column))
    }

    /// A number, or one of the strings `nan`, `inf`, `-inf` the writer uses for non-finite values.
    mutating func double(_ column: StaticString) throws -> Double {
        try valueStart(column)
        let start = position
        if position < end, bytes[position] == UInt8(ascii: "\"") {
            let text = try stringBody(column)
            guard let value = Double(text), !value.isFinite else { throw JSONReadError(offset: start, message: "column \(column): expected a number") }
            return value
        }
        while position < end, Self.isScalarByte(bytes[position]) { position += 1 }
        let number = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        if let plain = PlainDecimal.value(of: number) {
            needsComma = true
            return plain
        }
        guard let value = Double(String(decoding: number, as: UTF8.self)), value.isFinite else {
            position = start
            throw expected("a number", column)
        }
        needsComma = true
        return value
    }

    mutating func bool(_ column: StaticString) throws -> Bool {
        try valueStart(column)
        if try literal("true") { return true }
        if try literal("false") { return false }
        throw expected("true or false", column)
    }

    /// `choice(_:_:)` by the cases' bytes, compared where the value stands: no String is made
    /// for a case written plainly. Anything else (an escape, an unknown value) is left to the
    /// String path from where this began, so it reads or fails exactly as that one does.
    mutating func choice<Choice>(_ choices: ChoiceBytes<Choice>, _ column: StaticString) throws -> Choice {
        let (start, comma) = (position, needsComma)
        try valueStart(column)
        if let (value, length) = choices.match(bytes, at: position, end: end) {
            position += length
            needsComma = true
            return value
        }
        (position, needsComma) = (start, comma)
        return try choice(Choice.self, column)
    }

    /// Consumes `null` and returns true if it is next; otherwise leaves the value to be read.
    /// The four bytes are compared as one word (`null` read little-endian): every optional
    /// column of every row asks this.
    @inline(__always)
    mutating func nextIsNull(_ column: StaticString) throws -> Bool {
        try valueStart(column)
        guard position + 4 <= end, UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)) == 0x6C6C_756E else {
            return false
        }
        position += 4
        needsComma = true
        return true
    }

    // MARK: Internals shared with the domain reads

    /// Skips whitespace and the comma before a value that follows a sibling. Rows are written
    /// with no whitespace between values, so that case (a comma, then the value at once) is
    /// decided here, inlined into each of the thirty-odd reads of an order row, and anything
    /// else is left to `valueStartAfterSpace`: the call was a sixth of reading orders.
    @inline(__always)
    mutating func valueStart(_ column: StaticString) throws {
        if needsComma {
            guard position < end, bytes[position] == UInt8(ascii: ",") else { return try valueStartAfterSpace(column) }
            position += 1
            needsComma = false
        }
        // Whitespace is 0x20 and below; so are the control characters it stops at anyway.
        if position < end, bytes[position] > 0x20 { return }
        skipWhitespace()
    }

    /// `valueStart` where the comma, if one is needed, is not the next byte (and the plain
    /// path, whole, that tests hold the inlined one to).
    mutating func valueStartAfterSpace(_ column: StaticString) throws {
        skipWhitespace()
        if needsComma {
            guard position < end, bytes[position] == UInt8(ascii: ",") else { throw expected("',' before the next value", column) }
            position += 1
            skipWhitespace()
            needsComma = false
        }
    }

    /// Marks a value as read, so the next one needs a comma.
    mutating func finishValue() { needsComma = true }

    mutating func stringBody(_ column: StaticString, shared: Bool = false) throws -> String {
        guard let (range, ascii) = try plainStringBody(column) else { return try escapedStringBody(column) }
        return try shared ? sharedString(range, ascii: ascii, column) : makeString(range, ascii: ascii, column)
    }

    /// The bytes of the string that starts here, and whether they are all ASCII, when it has no
    /// escapes: then the reader is past it. Nil, the reader left where it was, for one with
    /// escapes (`escapedStringBody` reads those).
    @inline(__always)
    mutating func plainStringBody(_ column: StaticString) throws -> (Range<Int>, ascii: Bool)? {
        guard position < end, bytes[position] == UInt8(ascii: "\"") else { throw expected("a string", column) }
        let start = position + 1
        var index = start
        var ascii = true
        // Eight bytes at a time while none of them ends the string, escapes or is a control
        // character; the loop below takes over at the first that does (or the last few bytes).
        while index + 8 <= end {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let stops = Self.stopBytes(word)
            if stops != 0 {
                let before = stops.trailingZeroBitCount / 8
                if word & 0x8080_8080_8080_8080 & ((1 << (8 * before)) &- 1) != 0 { ascii = false }
                index += before
                break
            }
            if word & 0x8080_8080_8080_8080 != 0 { ascii = false }
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                needsComma = true
                return (start..<index, ascii)
            }
            if byte == UInt8(ascii: "\\") { return nil }
            if byte < 0x20 { throw JSONReadError(offset: index, message: "column \(column): control character inside a string") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        throw JSONReadError(offset: start - 1, message: "column \(column): unterminated string")
    }

    func expected(_ what: String, _ column: StaticString) -> JSONReadError {
        JSONReadError(offset: position, message: "column \(column): expected \(what), found \(describeNext())")
    }

    /// Inlined: between most values there is none, and then this is one comparison.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= end else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        needsComma = true
        return true
    }

    private func describeNext() -> String {
        guard position < end else { return "the end of the data" }
        let stop = min(end, position + 12)
        var index = position
        while index < stop, bytes[index] != 0x0A { index += 1 }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<index]), as: UTF8.self)
        return "'\(text)\(index < end && index == stop ? "…" : "")'"
    }

    /// The high bit of each byte of `word` (read little-endian) that is a quote, a backslash or a
    /// control character: the bytes that end plain text. Each bit trick finds a zero byte in
    /// `word ^ byte×8` (or, for the last, a byte below 0x20 in `word`); their borrows may also
    /// mark bytes after a marked one, never before it, so the lowest mark is the first such byte.
    @inline(__always)
    static func stopBytes(_ word: UInt64) -> UInt64 {
        let quotes = word ^ 0x2222_2222_2222_2222, backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
        let marks = (quotes &- 0x0101_0101_0101_0101) & ~quotes | (backslashes &- 0x0101_0101_0101_0101) & ~backslashes
            | (word &- 0x2020_2020_2020_2020) & ~word
        return marks & 0x8080_8080_8080_8080
    }

    /// `stopBytes` and the bytes that are not ASCII: where skipping a string stops looking eight at a time.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        stopBytes(word) | word & 0x8080_8080_8080_8080
    }
}
