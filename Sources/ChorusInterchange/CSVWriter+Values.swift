import ChorusCore

/// Typed fields for the writer: numbers, money and times are written straight as ASCII
/// digits, without building a `String` per cell, because exports run to millions of cells.
extension CSVWriter {
    /// How a timestamp is spelled in a cell.
    public enum TimeStyle: Sendable, Hashable {
        /// `2026-03-12 09:14:02 +0000`, as Shopify exports it.
        case shopify
        /// `2026-03-12T09:14:02Z`.
        case iso8601
    }

    /// Appends an integer field.
    public mutating func append(_ number: Int) {
        startField()
        appendInteger(Int64(number))
    }

    /// Appends an amount as a plain decimal with the currency's minor digits: `1234.50`, `-3.00`.
    public mutating func append(_ money: Money) {
        startField()
        let digits = minorDigits(of: money.currency)
        if money.minorUnits < 0 { appendRaw(Byte.minus) }
        let magnitude = money.minorUnits.magnitude
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        appendDigits(magnitude / scale, width: 1)
        if digits > 0 {
            appendRaw(Byte.period)
            appendDigits(magnitude % scale, width: digits)
        }
    }

    /// Appends an amount, or an empty field for nil.
    public mutating func append(_ money: Money?) {
        if let money { append(money) } else { appendEmpty() }
    }

    /// Appends a UTC time in the given style, or an empty field for nil.
    public mutating func append(_ time: Timestamp?, style: TimeStyle) {
        guard let time else { appendEmpty(); return }
        startField()
        let day = time.day
        let (year, month, date) = day.components
        let seconds = time.secondsSinceEpoch - Int64(day.ordinal) * 86_400
        appendDigits(UInt64(year), width: 4)
        appendRaw(Byte.minus)
        appendDigits(UInt64(month), width: 2)
        appendRaw(Byte.minus)
        appendDigits(UInt64(date), width: 2)
        appendRaw(style == .shopify ? Byte.space : UInt8(ascii: "T"))
        appendDigits(UInt64(seconds / 3600), width: 2)
        appendRaw(Byte.colon)
        appendDigits(UInt64(seconds % 3600 / 60), width: 2)
        appendRaw(Byte.colon)
        appendDigits(UInt64(seconds % 60), width: 2)
        switch style {
        case .shopify: appendRaw(" +0000".utf8)
        case .iso8601: appendRaw(UInt8(ascii: "Z"))
        }
    }

    /// Appends a day as `2026-03-12`, or an empty field for nil.
    public mutating func append(_ day: Day?) {
        guard let day else { appendEmpty(); return }
        startField()
        let (year, month, date) = day.components
        appendDigits(UInt64(year), width: 4)
        appendRaw(Byte.minus)
        appendDigits(UInt64(month), width: 2)
        appendRaw(Byte.minus)
        appendDigits(UInt64(date), width: 2)
    }

    private mutating func appendInteger(_ value: Int64) {
        if value < 0 { appendRaw(Byte.minus) }
        appendDigits(value.magnitude, width: 1)
    }

    /// Decimal digits of `value`, zero-padded on the left to at least `width` (at most 20).
    private mutating func appendDigits(_ value: UInt64, width: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var index = 20
            var remaining = value
            repeat {
                index -= 1
                buffer[index] = Byte.zero + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            while 20 - index < width {
                index -= 1
                buffer[index] = Byte.zero
            }
            appendRaw(UnsafeBufferPointer(rebasing: buffer[index..<20]))
        }
    }
}
