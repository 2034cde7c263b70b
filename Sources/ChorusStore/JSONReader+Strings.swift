import Foundation

extension JSONReader {
    /// Builds a string from raw bytes; non-ASCII text must be valid UTF-8, since silently
    /// replacing bytes would change a creator's name without anyone noticing.
    func makeString(_ range: Range<Int>, ascii: Bool, _ column: StaticString) throws -> String {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[range])
        if ascii { return String(decoding: raw, as: UTF8.self) }
        // Validated once: decoding with repairs and then comparing the result with the bytes
        // was two passes over every name and address, a few percent of opening a million creators.
        guard let text = raw.withMemoryRebound(to: UInt8.self, { String(validating: $0, as: UTF8.self) }) else {
            throw JSONReadError(offset: range.lowerBound, message: "column \(column): a string is not valid UTF-8")
        }
        return text
    }

    /// `makeString` for text that repeats across rows: a million orders name a few dozen
    /// products and a few hundred UTM values, and each copy of a string longer than 15 bytes
    /// (shorter ones are stored inline) is a heap block of its own. A small table of the last
    /// string seen per hash of the bytes hands out one shared copy instead: no allocation on a
    /// hit, and about 100 MB less memory for a million orders.
    mutating func sharedString(_ range: Range<Int>, ascii: Bool, _ column: StaticString) throws -> String {
        guard range.count > 15 else { return try makeString(range, ascii: ascii, column) }
        if recentStrings.isEmpty { recentStrings = Array(repeating: nil, count: 4_096) }
        let slot = Int(bytes.quickHash(of: range) & 4_095)
        let raw = UnsafeRawBufferPointer(rebasing: bytes[range])
        if let recent = recentStrings[slot],
           recent.utf8.withContiguousStorageIfAvailable({ $0.count == raw.count && memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }) == true {
            return recent
        }
        let text = try makeString(range, ascii: ascii, column)
        recentStrings[slot] = text
        return text
    }

    /// A string that is usually `other` (a creator's profile handles are the creator's handle):
    /// then `other` itself, one copy for both instead of a heap block each.
    mutating func string(_ column: StaticString, sameAs other: String) throws -> String {
        try valueStart(column)
        var other = other
        let same = other.withUTF8 { text in
            let close = position + 1 + text.count
            guard close < end, bytes[position] == UInt8(ascii: "\""), bytes[close] == UInt8(ascii: "\""),
                  memcmp(bytes.baseAddress! + position + 1, text.baseAddress!, text.count) == 0 else { return false }
            // Bytes a JSON string writes escaped would not stand for themselves here.
            return !text.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
        }
        guard same else { return try stringBody(column) }
        position += 2 + other.utf8.count
        finishValue()
        return other
    }

    /// The slow path for strings with backslash escapes, including `\uXXXX` surrogate pairs.
    mutating func escapedStringBody(_ column: StaticString) throws -> String {
        let open = position
        position += 1
        var buffer: [UInt8] = []
        var ascii = true
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                finishValue()
                let text = String(decoding: buffer, as: UTF8.self)
                if !ascii, !text.utf8.elementsEqual(buffer) {
                    throw JSONReadError(offset: open, message: "column \(column): a string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                try appendEscape(to: &buffer, column)
            case ..<0x20:
                throw JSONReadError(offset: position, message: "column \(column): control character inside a string")
            default:
                if byte >= 0x80 { ascii = false }
                buffer.append(byte)
                position += 1
            }
        }
        throw JSONReadError(offset: open, message: "column \(column): unterminated string")
    }

    private mutating func appendEscape(to buffer: inout [UInt8], _ column: StaticString) throws {
        let escapeStart = position
        guard position + 1 < end else { throw JSONReadError(offset: escapeStart, message: "column \(column): unterminated escape") }
        let kind = bytes[position + 1]
        position += 2
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(kind)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(column)
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 1 < end, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw JSONReadError(offset: escapeStart, message: "column \(column): \\u escape has a high surrogate without its low half")
                }
                position += 2
                let low = try hex4(column)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONReadError(offset: escapeStart, message: "column \(column): \\u escape has an invalid surrogate pair")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw JSONReadError(offset: escapeStart, message: "column \(column): \\u escape has a low surrogate without its high half")
            }
            buffer.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
        default:
            throw JSONReadError(offset: escapeStart, message: "column \(column): unknown escape '\\\(Character(Unicode.Scalar(kind)))'")
        }
    }

    private mutating func hex4(_ column: StaticString) throws -> UInt32 {
        guard position + 4 <= end else { throw JSONReadError(offset: position, message: "column \(column): \\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONReadError(offset: position, message: "column \(column): \\u needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
