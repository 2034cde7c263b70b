/// A calendar date with no time of day and no time zone: rights end "on 2026-03-31" wherever
/// the paid team sits, so dates must never shift by a zone offset.
public struct Day: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        ordinal = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        guard let day = text.withUTF8Bytes(Day.init(bytes:)) else { return nil }
        self = day
    }

    /// The same for a `String`: not generic, so callers in other modules need no
    /// specialization of it.
    public init?(_ text: String) {
        var text = text
        guard let day = text.withUTF8(Day.init(bytes:)) else { return nil }
        self = day
    }

    /// `YYYY-MM-DD` in UTF-8.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Day.number(bytes, 0..<4), let month = Day.number(bytes, 5..<7), let day = Day.number(bytes, 8..<10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) { Day.civil(fromDays: Int(ordinal)) }

    /// Monday = 1 … Sunday = 7.
    public var weekday: Int {
        let w = (Int(ordinal) + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }

    public func days(until other: Day) -> Int { Int(other.ordinal - ordinal) }

    /// Working days from self to `other`, not counting self; weekends do not age an item.
    public func businessDays(until other: Day) -> Int {
        guard other > self else { return 0 }
        var count = 0
        var day = self.adding(days: 1)
        while day <= other {
            if !day.isWeekend { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public var description: String {
        let (y, m, d) = components
        return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date like 2026-03-31")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The decimal number the digits at `range` spell; nil if one is not a digit.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// An instant, in whole seconds since 1970 UTC, written as ISO 8601 (`2026-03-12T09:14:02Z`).
///
/// Whole seconds keep the journal and snapshots byte-stable and parse without Foundation.
public struct Timestamp: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        secondsSinceEpoch = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Parses `2026-03-12T09:14:02Z`, `2026-03-12 09:14:02 +0000`, `2026-03-12T09:14:02+01:00`
    /// and a bare `2026-03-12` (midnight UTC).
    public init?(_ text: some StringProtocol) {
        guard let seconds = text.withUTF8Bytes(Timestamp.seconds(in:)) else { return nil }
        self.init(secondsSinceEpoch: seconds)
    }

    /// The same for a `String`: not generic, so callers in other modules need no
    /// specialization of it.
    public init?(_ text: String) {
        var text = text
        guard let seconds = text.withUTF8(Timestamp.seconds(in:)) else { return nil }
        self.init(secondsSinceEpoch: seconds)
    }

    /// The same for the bytes of a field read in place, without a `String` made of them.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let seconds = Timestamp.seconds(in: bytes) else { return nil }
        self.init(secondsSinceEpoch: seconds)
    }

    /// The instant `bytes` spell, read in place: an order import reads one or two per order,
    /// and copying the text into arrays and strings on the way was most of the reading.
    private static func seconds(in bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count >= 10, let day = Day(bytes: UnsafeBufferPointer(rebasing: bytes[0..<10])) else { return nil }
        if bytes.count == 10 { return Timestamp(day: day).secondsSinceEpoch }
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let h = Day.number(bytes, 11..<13), let mi = Day.number(bytes, 14..<16), let s = Day.number(bytes, 17..<19),
              h < 24, mi < 60, s < 61
        else { return nil }
        var rest = 19
        if rest < bytes.count, bytes[rest] == UInt8(ascii: ".") {  // fractional seconds are dropped
            rest += 1
            while rest < bytes.count, bytes[rest] >= 0x30, bytes[rest] <= 0x39 { rest += 1 }
        }
        if rest < bytes.count, bytes[rest] == UInt8(ascii: " ") { rest += 1 }
        var offset = 0
        if rest == bytes.count || (rest + 1 == bytes.count && bytes[rest] == UInt8(ascii: "Z")) {
            offset = 0
        } else if bytes[rest] == UInt8(ascii: "+") || bytes[rest] == UInt8(ascii: "-") {
            // `hhmm` or `hh:mm`: four digits, colons aside.
            var digits = 0, hhmm = 0
            for index in (rest + 1)..<bytes.count where bytes[index] != UInt8(ascii: ":") {
                guard digits < 4, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                hhmm = hhmm * 10 + Int(bytes[index] - 0x30)
                digits += 1
            }
            guard digits == 4 else { return nil }
            offset = (hhmm / 100 * 3600 + hhmm % 100 * 60) * (bytes[rest] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        return Timestamp(day: day, hour: h, minute: mi, second: s).secondsSinceEpoch - Int64(offset)
    }

    /// The UTC calendar day of this instant.
    public var day: Day {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        return Day(ordinal: Int32(days))
    }

    public func adding(seconds: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds) }
    public func adding(days: Int) -> Timestamp { adding(seconds: Int64(days) * 86_400) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    public var description: String {
        let seconds = secondsSinceEpoch - Int64(day.ordinal) * 86_400
        let h = Int(seconds / 3600), m = Int(seconds % 3600 / 60), s = Int(seconds % 60)
        return "\(day)T\(Day.pad(h, 2)):\(Day.pad(m, 2)):\(Day.pad(s, 2))Z"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a time like 2026-03-12T09:14:02Z")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension StringProtocol {
    /// `body` over the text's UTF-8, in place when the text is stored as UTF-8 (as native
    /// strings and their slices are), else over a copy.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }
}
