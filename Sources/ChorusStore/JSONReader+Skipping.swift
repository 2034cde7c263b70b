/// Passing over values without making them: the referral columns an order's row is matched by
/// (`OrderRowCodec.readReferral`), the columns a partial reader does not need
/// (`OrderFiguresRowCodec`), a header's columns compared byte for byte. What a full read would
/// refuse is refused here too.
extension JSONReader {
    /// Skips one whole value of any type and returns its byte range. Strings are skipped with
    /// their escapes; containers only by bracket depth, for callers that hand the value on to
    /// a full parser or compare it byte for byte.
    mutating func skipValue(_ column: StaticString) throws -> Range<Int> {
        try valueStart(column)
        let start = position
        guard position < end else { throw expected("a value", column) }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            try skipStringBody(column)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            var depth = 0
            repeat {
                guard position < end else { throw JSONReadError(offset: start, message: "column \(column): unterminated array or object") }
                switch bytes[position] {
                case UInt8(ascii: "\""): try skipStringBody(column); continue
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
                position += 1
            } while depth > 0
        default:
            // `null`, most optional columns, as one word (see `nextIsNull`); else byte by byte.
            if position + 4 < end, UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)) == 0x6C6C_756E,
               !Self.isScalarByte(bytes[position + 4]) {
                position += 4
            }
            while position < end, Self.isScalarByte(bytes[position]) { position += 1 }
            guard position > start else { throw expected("a value", column) }
        }
        finishValue()
        return start..<position
    }

    /// Skips `count` values in a row (the columns after one another) and returns the bytes from
    /// the first's start to the last's end, separators included.
    mutating func skipValues(_ count: Int, _ column: StaticString) throws -> Range<Int> {
        let first = try skipValue(column)
        var last = first
        for _ in 1..<count { last = try skipValue(column) }
        return first.lowerBound..<last.upperBound
    }

    /// Skips a string (or, when `optional`, null) without making it: for a reader that needs
    /// only some of a row's fields yet must refuse a row the whole read would. Plain ASCII (nearly
    /// every value) is checked as it is passed over; a string with an escape, a control character
    /// or other bytes is read as `stringBody` reads it, so that what it refuses is refused here too.
    mutating func skipString(_ column: StaticString, optional: Bool = false) throws {
        if optional, try nextIsNull(column) { return }
        try valueStart(column)
        guard position < end, bytes[position] == UInt8(ascii: "\"") else { throw expected("a string", column) }
        // To the first byte that is not plain ASCII, eight at a time.
        var index = firstMarkedByte(from: position + 1, Self.specialBytes)
        while index < end, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), (0x20..<0x80).contains(bytes[index]) {
            index += 1
        }
        guard index < end, bytes[index] == UInt8(ascii: "\"") else {
            _ = try stringBody(column)
            return
        }
        position = index + 1
        finishValue()
    }

    fileprivate mutating func skipStringBody(_ column: StaticString) throws {
        let start = position
        position += 1
        while position < end {
            // Eight bytes at a time while none ends the string or escapes: skipping the six
            // referral columns of every order (`OrderRowCodec.readReferral`) went byte by byte.
            // A control character stops it too, and is passed below as ever.
            position = firstMarkedByte(from: position, Self.stopBytes)
            guard position < end else { break }
            switch bytes[position] {
            case UInt8(ascii: "\""): position += 1; return
            case UInt8(ascii: "\\"): position += 2
            default: position += 1
            }
        }
        throw JSONReadError(offset: start, message: "column \(column): unterminated string")
    }

    /// From `index`, eight bytes at a time, to the first byte `marks` marks in a word (its lowest
    /// mark), or to where fewer than eight are left: a loop after it then looks at that one byte,
    /// not at up to eight.
    @inline(__always)
    func firstMarkedByte(from index: Int, _ marks: (UInt64) -> UInt64) -> Int {
        var index = index
        while index + 8 <= end {
            let marked = marks(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            if marked != 0 { return index + marked.trailingZeroBitCount / 8 }
            index += 8
        }
        return index
    }
}
