extension JSONReader {
    /// Up to 18 digits cannot overflow, so amounts, quantities and counts (all of them, in practice)
    /// are read without a check per digit; anything else (more digits, no digit, a digit run
    /// into other bytes) is left to `checkedInt64Body`, which reads or refuses it as ever.
    @inline(__always)
    mutating func int64Body(_ column: StaticString) throws -> Int64 {
        let negative = position < end && bytes[position] == UInt8(ascii: "-")
        let digitsStart = negative ? position + 1 : position
        var index = digitsStart, magnitude: Int64 = 0
        while index < end, index - digitsStart < 18 {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            magnitude = magnitude &* 10 &+ Int64(digit)
            index += 1
        }
        guard index > digitsStart, index >= end || !Self.isScalarByte(bytes[index]) else { return try checkedInt64Body(column) }
        position = index
        finishValue()
        return negative ? -magnitude : magnitude
    }

    /// `int64Body` checking every digit for overflow: the plain path tests hold the fast one to.
    mutating func checkedInt64Body(_ column: StaticString) throws -> Int64 {
        let start = position
        var negative = false
        if position < end, bytes[position] == UInt8(ascii: "-") { negative = true; position += 1 }
        var value: Int64 = 0
        let digitsStart = position
        while position < end {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? shifted.subtractingReportingOverflow(Int64(digit)) : shifted.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { throw JSONReadError(offset: start, message: "column \(column): number out of range") }
            value = sum
            position += 1
        }
        guard position > digitsStart, position >= end || !Self.isScalarByte(bytes[position]) else {
            position = start
            throw expected("a whole number", column)
        }
        finishValue()
        return value
    }

    /// A byte that may continue a number or a literal: one right after the digits means the
    /// value is something else ("12a", "1.5"), not a whole number.
    static func isScalarByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}
