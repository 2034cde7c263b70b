import ChorusCore

/// The snapshot's encodings of the domain's scalar types:
/// - `Day`: `"2026-03-31"`; `Timestamp`: `"2026-03-12T09:14:02Z"` (whole seconds, UTC), as
///   `ChorusCore` prints them, so the files stay readable;
/// - `Money`: integer minor units when in the program's currency (stored once, in
///   `program.json`), else `[minorUnits, "CODE"]`, so foreign amounts still round-trip;
/// - string-backed enums: their raw value.
extension JSONWriter {
    /// Text kept packed (an order's e-mail), or null.
    mutating func optionalString(_ text: PackedText) {
        text.withUTF8 { utf8 in
            if let utf8 { string(utf8: utf8) } else { null() }
        }
    }

    mutating func day(_ day: Day) {
        let (year, month, date) = day.components
        guard (0...9999).contains(year) else { string(day.description); return }
        self.date(year, month, date, time: nil)
    }

    mutating func optionalDay(_ day: Day?) {
        if let day { self.day(day) } else { null() }
    }

    mutating func timestamp(_ timestamp: Timestamp) {
        let day = timestamp.day
        let (year, month, date) = day.components
        guard (0...9999).contains(year) else { string(timestamp.description); return }
        self.date(year, month, date, time: UInt64(timestamp.secondsSinceEpoch - Int64(day.ordinal) * 86_400))
    }

    mutating func optionalTimestamp(_ timestamp: Timestamp?) {
        if let timestamp { self.timestamp(timestamp) } else { null() }
    }

    mutating func money(_ money: Money, currency: Currency) {
        guard money.currency != currency else { int(money.minorUnits); return }
        beginArray()
        int(money.minorUnits)
        string(money.currency.code)
        endArray()
    }

    mutating func optionalMoney(_ money: Money?, currency: Currency) {
        if let money { self.money(money, currency: currency) } else { null() }
    }

    mutating func choice<Choice: RawRepresentable>(_ value: Choice) where Choice.RawValue == String {
        string(value.rawValue)
    }

    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }
}
