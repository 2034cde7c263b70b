/// Plain decimals (`0.0446`, `-12.5`), the only numbers a creators file writes for engagement,
/// read without building a `String` and calling `strtod` for each of a million rows.
///
/// Exact by Clinger's fast path: with at most 15 digits the digits form an integer a `Double`
/// holds exactly, as it does every power of ten up to 10²², so one correctly rounded division
/// gives the correctly rounded value `strtod` gives. Anything else (an exponent, more digits, a
/// lone `.`) is left to `strtod`.
enum PlainDecimal {
    private static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// The value of `bytes` if they are `-?digits(.digits)?` with at most 15 digits, else nil.
    static func value(of bytes: UnsafeRawBufferPointer) -> Double? {
        var index = bytes.startIndex
        let negative = index < bytes.endIndex && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var digits: UInt64 = 0, count = 0, fractionDigits = 0, sawPoint = false, digitsBeforePoint = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
                digitsBeforePoint = count
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                // Given up before the sixteenth digit: twenty would overflow `digits` and trap.
                guard count < 15 else { return nil }
                digits = digits * 10 + UInt64(byte - UInt8(ascii: "0"))
                count += 1
                if sawPoint { fractionDigits += 1 }
            } else {
                return nil
            }
            index += 1
        }
        guard count > 0, !sawPoint || (digitsBeforePoint > 0 && fractionDigits > 0) else { return nil }
        let magnitude = Double(digits) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }
}
