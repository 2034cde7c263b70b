/// One day's rate of a currency into the program's: 1 `currency` is `rate` of the program's
/// currency on `day` (`2026-11-03, USD, 0.9234` in a EUR program).
public struct ExchangeRate: Hashable, Sendable, Codable {
    public var day: Day
    public var currency: Currency
    public var rate: DecimalRate

    public init(day: Day, currency: Currency, rate: DecimalRate) {
        self.day = day
        self.currency = currency
        self.rate = rate
    }

    /// `USD 0.9234 of 2026-11-03`, as the ledger and imports name the rate they used.
    public var label: String { "\(currency) \(rate) of \(day)" }
}

/// A rate as written in a rates file, kept exactly: `units` × 10^-`scale` (`0.9234` is 9234
/// and 4). Never a `Double`, so converting 19.99 USD gives the same cents on every machine
/// and matches a hand computation.
public struct DecimalRate: Hashable, Sendable, Codable, CustomStringConvertible {
    public let units: UInt64
    public let scale: Int

    /// Reads `0.9234`, `1`, `156.2`; nil for anything else, zero, a sign, or more than 12
    /// digits after the point or 15 in all (rates are published with 4 to 6).
    public init?(_ text: some StringProtocol) {
        var units: UInt64 = 0, scale = 0, digits = 0, inFraction = false, sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                if units > 0 || byte != UInt8(ascii: "0") { digits += 1 }
                units = units * 10 + UInt64(byte - UInt8(ascii: "0"))
                if inFraction { scale += 1 }
                guard digits <= 15, scale <= 12 else { return nil }
            case UInt8(ascii: ".") where !inFraction: inFraction = true
            default: return nil
            }
        }
        guard sawDigit, units > 0 else { return nil }
        self.units = units
        self.scale = scale
    }

    public var description: String {
        guard scale > 0 else { return String(units) }
        let text = String(units)
        let padded = String(repeating: "0", count: max(0, scale + 1 - text.count)) + text
        return padded.dropLast(scale) + "." + padded.suffix(scale)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let rate = DecimalRate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an exchange rate")
        }
        self = rate
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `amount` at this rate in `currency`, rounded half away from zero to `currency`'s minor
    /// unit: minor × units × 10^target digits ÷ (10^scale × 10^source digits), in 128-bit
    /// integer arithmetic. Nil only when the result does not fit (beyond 10^16 units).
    public func convert(_ amount: Money, to currency: Currency) -> Money? {
        let numerator = units.multipliedReportingOverflow(by: Self.power(currency.minorDigits))
        let denominator = Self.power(scale).multipliedReportingOverflow(by: Self.power(amount.currency.minorDigits))
        guard !numerator.overflow, !denominator.overflow else { return nil }
        let product = amount.minorUnits.magnitude.multipliedFullWidth(by: numerator.partialValue)
        guard product.high < denominator.partialValue else { return nil }
        let (quotient, remainder) = denominator.partialValue.dividingFullWidth(product)
        let rounded = remainder >= denominator.partialValue - remainder ? quotient + 1 : quotient
        guard rounded <= UInt64(Int64.max) else { return nil }
        return Money(minorUnits: amount.minorUnits < 0 ? -Int64(rounded) : Int64(rounded), currency: currency)
    }

    private static func power(_ exponent: Int) -> UInt64 { (0..<exponent).reduce(1) { value, _ in value * 10 } }
}

/// A program's rates indexed by currency and day, for converting a file of orders: each
/// lookup is a binary search, not a scan of years of daily rates.
public struct ExchangeRateTable: Sendable {
    private var byCurrency: [Currency: [ExchangeRate]] = [:]

    public init(_ rates: [ExchangeRate]) {
        for rate in rates { byCurrency[rate.currency, default: []].append(rate) }
        for key in byCurrency.keys { byCurrency[key]!.sort { $0.day < $1.day } }
    }

    /// The rate of `currency` on `day`, or else the latest before it; nil when the rates
    /// start later or the currency has none.
    public func rate(for currency: Currency, on day: Day) -> ExchangeRate? {
        guard let rates = byCurrency[currency] else { return nil }
        var low = 0, high = rates.count
        while low < high {
            let middle = (low + high) / 2
            if rates[middle].day <= day { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? rates[low - 1] : nil
    }
}
