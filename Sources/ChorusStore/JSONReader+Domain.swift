import ChorusCore

/// Typed reads for the domain's scalar types, in the snapshot's encodings (see `JSONWriter+Domain`).
extension JSONReader {
    /// `"2026-03-31"`.
    mutating func day(_ column: StaticString) throws -> Day {
        try valueStart(column)
        let start = position
        guard position + 12 <= end, bytes[position] == UInt8(ascii: "\""), bytes[position + 11] == UInt8(ascii: "\""),
              let day = parseDay(at: position + 1)
        else { throw expected("a date like \"2026-03-31\"", column) }
        position = start + 12
        finishValue()
        return day
    }

    mutating func optionalDay(_ column: StaticString) throws -> Day? {
        try nextIsNull(column) ? nil : try day(column)
    }

    /// `"2026-03-12T09:14:02Z"`; other ISO 8601 forms `Timestamp` accepts are read on a slower path.
    mutating func timestamp(_ column: StaticString) throws -> Timestamp {
        try valueStart(column)
        let start = position
        if position + 22 <= end, bytes[position] == UInt8(ascii: "\""), bytes[position + 21] == UInt8(ascii: "\""),
           bytes[position + 11] == UInt8(ascii: "T"), bytes[position + 20] == UInt8(ascii: "Z"),
           bytes[position + 14] == UInt8(ascii: ":"), bytes[position + 17] == UInt8(ascii: ":"),
           let day = parseDay(at: position + 1),
           let hour = number(at: position + 12, digits: 2), let minute = number(at: position + 15, digits: 2),
           let second = number(at: position + 18, digits: 2), hour < 24, minute < 60, second < 61 {
            position += 22
            finishValue()
            return Timestamp(day: day, hour: hour, minute: minute, second: second)
        }
        let text = try stringBody(column)
        guard let timestamp = Timestamp(text) else {
            position = start
            throw expected("a time like \"2026-03-12T09:14:02Z\"", column)
        }
        return timestamp
    }

    mutating func optionalTimestamp(_ column: StaticString) throws -> Timestamp? {
        try nextIsNull(column) ? nil : try timestamp(column)
    }

    /// Minor units in `currency`, or `[minorUnits, "CODE"]` for an amount in another currency.
    mutating func money(_ column: StaticString, currency: Currency) throws -> Money {
        try valueStart(column)
        guard position < end, bytes[position] == UInt8(ascii: "[") else {
            return Money(minorUnits: try int64Body(column), currency: currency)
        }
        try beginArray(column)
        let units = try int64(column)
        let code = try string(column)
        try endArray(column)
        return Money(minorUnits: units, currency: Currency(code))
    }

    mutating func optionalMoney(_ column: StaticString, currency: Currency) throws -> Money? {
        try nextIsNull(column) ? nil : try money(column, currency: currency)
    }

    /// A string-backed enum case by its raw value.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type, _ column: StaticString) throws -> Choice
    where Choice.RawValue == String {
        let offset = position
        let raw = try string(column)
        guard let value = Choice(rawValue: raw) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw JSONReadError(offset: offset, message: "column \(column): '\(raw)' is not one of \(allowed)")
        }
        return value
    }

    /// A string-backed enum case by its raw value, for enums that do not list their cases.
    mutating func choice<Choice: RawRepresentable>(_ type: Choice.Type, _ column: StaticString) throws -> Choice
    where Choice.RawValue == String {
        let offset = position
        let raw = try string(column)
        guard let value = Choice(rawValue: raw) else {
            throw JSONReadError(offset: offset, message: "column \(column): '\(raw)' is not a known value")
        }
        return value
    }

    mutating func strings(_ column: StaticString) throws -> [String] {
        try beginArray(column)
        var values: [String] = []
        while hasMoreElements() { values.append(try string(column)) }
        try endArray(column)
        return values
    }

    private func parseDay(at index: Int) -> Day? {
        guard bytes[index + 4] == UInt8(ascii: "-"), bytes[index + 7] == UInt8(ascii: "-"),
              let year = number(at: index, digits: 4), let month = number(at: index + 5, digits: 2),
              let day = number(at: index + 8, digits: 2)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private func number(at index: Int, digits: Int) -> Int? {
        var value = 0
        for offset in 0..<digits {
            let digit = bytes[index + offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
