import ChorusCore

/// A label's cost as label tools write it: `7.45`, `€7.45`, `7.45 EUR`, or in another currency
/// (`$12.40`, `12.40 USD`), which is converted at the program's rate of the ship date (else
/// `today`), or the latest before it, like an order.
struct ShippingCostField {
    let program: Program
    let rates: ExchangeRateTable
    let today: Day?

    init(program: Program, today: Day?) {
        self.program = program
        self.rates = ExchangeRateTable(program.exchangeRates)
        self.today = today
    }

    /// The cost in the program's currency; nil when `text` is empty.
    func read(_ text: String, shipDate: String?, _ fail: (String) -> TrackingImportCSV.RowError) throws -> Money? {
        guard !text.isEmpty else { return nil }
        let (currency, amountText) = Self.currencyAndAmount(text, default: program.currency)
        guard let amount = Money.parse(amountText, currency: currency), amount.minorUnits >= 0 else {
            throw fail("'\(text)' is not a shipping cost; write an amount like 7.45")
        }
        guard currency != program.currency else { return amount }
        guard let day = shipDate.flatMap(Self.day) ?? today else {
            throw fail("'\(text)' is in \(currency) and the row has no ship date to convert it at")
        }
        guard let rate = rates.rate(for: currency, on: day), let converted = rate.rate.convert(amount, to: program.currency) else {
            throw fail("'\(text)' is in \(currency) and there is no \(currency) rate on or before \(day); "
                       + "add one with chorus import rates FILE.csv (date, currency, rate)")
        }
        return converted
    }

    /// The currency a sign or code names (`$`, `€`, `USD`) and the amount without it.
    static func currencyAndAmount(_ text: String, default fallback: Currency) -> (Currency, Substring) {
        var amount = Substring(text)
        var currency = fallback
        for (code, sign) in [("USD", "$"), ("EUR", "€"), ("GBP", "£"), ("JPY", "¥")] where amount.hasPrefix(sign) {
            currency = Currency(code)
            amount = amount.dropFirst(sign.count)
        }
        let letters = amount.suffix(3)
        if letters.count == 3, letters.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            currency = Currency(String(letters))
            amount = amount.dropLast(3)
        }
        while amount.last == " " { amount = amount.dropLast() }
        return (currency, amount)
    }

    /// `2026-12-03`, or ShipStation's `12/03/2026` (month first).
    static func day(_ text: String) -> Day? {
        let trimmed = text.trimmingWhitespace
        if let day = Day(String(trimmed.prefix(10))) { return day }
        let parts = trimmed.split(separator: " ").first?.split(separator: "/").compactMap { Int($0) } ?? []
        guard parts.count == 3 else { return nil }
        return Day(year: parts[2], month: parts[0], day: parts[1])
    }
}
