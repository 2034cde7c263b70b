/// An amount of money in integer minor units (cents, pence, yen) with its currency.
///
/// Money never passes through `Double`: finance reconciles these figures against the store,
/// and a binary fraction cannot represent 0.10. Arithmetic across currencies is a programming
/// error and traps, because silently adding EUR to USD would corrupt the ledger.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isZero: Bool { minorUnits == 0 }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
    }

    public static func * (lhs: Money, rhs: Int64) -> Money {
        Money(minorUnits: lhs.minorUnits * rhs, currency: lhs.currency)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }

    /// `basisPoints` of this amount (100 bp = 1 %), rounded half away from zero.
    public func percentage(basisPoints: Int64) -> Money {
        let product = minorUnits * basisPoints
        let rounded = product >= 0 ? (product + 5_000) / 10_000 : (product - 5_000) / 10_000
        return Money(minorUnits: rounded, currency: currency)
    }

    /// The amount as a plain decimal string with the currency's minor digits: `1234.50`.
    public var decimalString: String {
        let digits = currency.minorDigits
        guard digits > 0 else { return String(minorUnits) }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let magnitude = minorUnits.magnitude
        let whole = magnitude / UInt64(scale)
        let fraction = String(magnitude % UInt64(scale))
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return (minorUnits < 0 ? "-" : "") + "\(whole).\(padded)"
    }

    /// `1234.50 EUR` — the form used in the console and in exports.
    public var description: String { "\(decimalString) \(currency.code)" }

    /// Parses a decimal amount as stores export it (`1234.50`, `-3`, `0.5`, `1,234.50`), and a
    /// decimal comma as European spreadsheets write it (`7,45`, `7,5`). A comma is a thousands
    /// separator only before groups of exactly three digits with a decimal point after them or
    /// more groups (`1,234.50`, `1,234,567`, and `1,500` in a currency without a fraction);
    /// `1,250` euros alone could be either and is refused, and so is every other comma, because
    /// reading one wrongly multiplies the amount by 100 or 1000.
    /// Returns nil for anything else, including more fraction digits than the currency has.
    public static func parse(_ text: Substring, currency: Currency) -> Money? {
        var text = text
        return text.withUTF8 { parse(utf8: $0, currency: currency) }
    }

    /// The same for the bytes of a field read in place: an order import parses two or three
    /// amounts a row, and made a `String` of each first. Not generic, so that the importer (in
    /// another module) calls it without going through a protocol's witnesses.
    public static func parse(utf8 text: UnsafeBufferPointer<UInt8>, currency: Currency) -> Money? {
        let digits = currency.minorDigits
        var bytes = text[...]
        while bytes.first == 0x20 { bytes = bytes.dropFirst() }
        while bytes.last == 0x20 { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var inFraction = false
        var commas = 0, digitsBeforeComma = 0, digitsSinceComma = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                let digit = Int64(byte - UInt8(ascii: "0"))
                if commas == 0 { digitsBeforeComma += 1 } else { digitsSinceComma += 1 }
                if inFraction {
                    fractionDigits += 1
                    guard fractionDigits <= digits else { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    let (shifted, overflow1) = whole.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = shifted.addingReportingOverflow(digit)
                    guard !overflow1, !overflow2, sum < Int64.max / 100_000 else { return nil }
                    whole = sum
                }
            case UInt8(ascii: "."):
                guard !inFraction, commas == 0 || digitsSinceComma == 3 && (1...3).contains(digitsBeforeComma) else { return nil }
                inFraction = true
            case UInt8(ascii: ","):
                guard !inFraction, commas == 0 || digitsSinceComma == 3 else { return nil }
                commas += 1
                digitsSinceComma = 0
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        if commas > 0 && !inFraction {
            // A currency without a fraction has no decimal comma, so `1,500` yen is unambiguous.
            let grouped = digitsSinceComma == 3 && (1...3).contains(digitsBeforeComma) && (commas > 1 || digits == 0)
            let decimalComma = commas == 1 && digitsSinceComma >= 1 && digitsSinceComma <= digits
            guard grouped || decimalComma else { return nil }
            if decimalComma {
                var shift: Int64 = 1
                for _ in 0..<digitsSinceComma { shift *= 10 }
                fraction = whole % shift
                fractionDigits = digitsSinceComma
                whole /= shift
            }
        }
        for _ in fractionDigits..<digits { fraction *= 10 }
        let units = whole * scale + fraction
        return Money(minorUnits: negative ? -units : units, currency: currency)
    }
}
