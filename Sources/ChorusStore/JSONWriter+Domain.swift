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
        separate()
        byte(UInt8(ascii: "\""))
        self.date(year, month, date)
        byte(UInt8(ascii: "\""))
        finishValue()
    }

    /// `YYYY-MM-DD`, the part a day and a timestamp share.
    private mutating func date(_ year: Int, _ month: Int, _ day: Int) {
        digits(UInt64(year), width: 4)
        byte(UInt8(ascii: "-"))
        digits(UInt64(month), width: 2)
        byte(UInt8(ascii: "-"))
        digits(UInt64(day), width: 2)
    }

    mutating func optionalDay(_ day: Day?) {
        if let day { self.day(day) } else { null() }
    }

    mutating func timestamp(_ timestamp: Timestamp) {
        let day = timestamp.day
        let (year, month, date) = day.components
        guard (0...9999).contains(year) else { string(timestamp.description); return }
        let seconds = UInt64(timestamp.secondsSinceEpoch - Int64(day.ordinal) * 86_400)
        separate()
        byte(UInt8(ascii: "\""))
        self.date(year, month, date)
        byte(UInt8(ascii: "T"))
        digits(seconds / 3600, width: 2)
        byte(UInt8(ascii: ":"))
        digits(seconds % 3600 / 60, width: 2)
        byte(UInt8(ascii: ":"))
        digits(seconds % 60, width: 2)
        byte(UInt8(ascii: "Z"))
        byte(UInt8(ascii: "\""))
        finishValue()
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
