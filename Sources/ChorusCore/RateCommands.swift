extension ChangeRecorder {
    /// Adds dated rates, replacing a rate for the same currency and day. Orders already
    /// imported keep the rate they were converted at.
    mutating func importRates(_ rates: [ExchangeRate]) throws -> String {
        try Self.requireNonEmpty(rates, "exchange rates")
        var program = workspace.program
        var seen: Set<String> = []
        for rate in rates {
            if rate.currency == program.currency { throw DomainError("\(rate.currency) is the program's own currency; it needs no rate") }
            if !seen.insert("\(rate.currency) \(rate.day)").inserted { throw DomainError("the \(rate.currency) rate of \(rate.day) is listed twice") }
        }
        let incoming = Set(rates.map { "\($0.currency) \($0.day)" })
        let kept = program.exchangeRates.filter { !incoming.contains("\($0.currency) \($0.day)") }
        let replaced = program.exchangeRates.count - kept.count
        program.exchangeRates = (kept + rates).sorted { ($0.currency.code, $0.day) < ($1.currency.code, $1.day) }
        put(program)
        let currencies = Set(rates.map(\.currency.code)).sorted().joined(separator: ", ")
        let days = rates.map(\.day)
        return "imported \(Self.plural(rates.count, "rate")) for \(currencies) from \(days.min()!) to \(days.max()!)"
            + (replaced > 0 ? " (\(replaced) replaced)" : "")
    }
}
