/// An order's amounts as the store charged them, in a currency other than the program's, with
/// the rate that converted them: what finance reconciles against the store's payouts.
public struct ForeignAmounts: Hashable, Sendable, Codable {
    public var subtotal: Money
    public var refunded: Money
    public var rate: ExchangeRate

    public init(subtotal: Money, refunded: Money, rate: ExchangeRate) {
        self.subtotal = subtotal
        self.refunded = refunded
        self.rate = rate
    }
}

/// Why an order cannot be converted: no rate for its currency on or before its day.
public struct MissingExchangeRate: Error, Hashable, Sendable, CustomStringConvertible {
    public var currency: Currency
    /// The earliest day an order needs a rate that the program does not have.
    public var firstDay: Day
    public var orders: Int

    public var description: String {
        "\(orders) order\(orders == 1 ? " is" : "s are") in \(currency) and there is no \(currency) rate on or before \(firstDay); "
            + "add one with chorus import rates FILE.csv (date, currency, rate), then import the orders again"
    }
}

extension Order {
    /// This order in `currency` at `rates` (the rate of its day, or the latest before it), its
    /// original amounts kept; itself when already in `currency`. Each amount is converted on its
    /// own, rounded half away from zero, so a line's price is what a person converting it gets.
    public func converted(to currency: Currency, at rates: ExchangeRateTable) -> Result<Order, MissingExchangeRate> {
        let from = subtotal.currency
        guard from != currency else { return .success(self) }
        let day = createdAt.day
        guard let rate = rates.rate(for: from, on: day) else {
            return .failure(MissingExchangeRate(currency: from, firstDay: day, orders: 1))
        }
        let convert = { (amount: Money) in rate.rate.convert(amount, to: currency) ?? .zero(currency) }
        var order = self
        order.subtotal = convert(subtotal)
        order.refunded = convert(refunded)
        order.lines = OrderLines(lines.map { line in var line = line; line.price = convert(line.price); return line })
        order.original = ForeignAmounts(subtotal: subtotal, refunded: refunded, rate: rate)
        return .success(order)
    }

    /// `orders` in `currency`, and, when any lacks a rate, one gap per currency naming the
    /// first day missing (the caller refuses the file: it is converted whole or not at all).
    public static func converted(_ orders: [Order], to currency: Currency, at rates: ExchangeRateTable)
        -> (orders: [Order], missing: [MissingExchangeRate]) {
        var converted: [Order] = []
        converted.reserveCapacity(orders.count)
        var missing: [Currency: MissingExchangeRate] = [:]
        for order in orders {
            switch order.converted(to: currency, at: rates) {
            case .success(let order): converted.append(order)
            case .failure(let gap):
                if var known = missing[gap.currency] {
                    known.firstDay = min(known.firstDay, gap.firstDay)
                    known.orders += 1
                    missing[gap.currency] = known
                } else {
                    missing[gap.currency] = gap
                }
            }
        }
        return (converted, missing.values.sorted { $0.currency.code < $1.currency.code })
    }
}

extension Sequence where Element == Order {
    /// The rates these orders were converted at, each with how many used it: `USD 0.9234 of
    /// 2026-11-02 (1 order), …` (at most `limit`, then how many more); nil when none was converted.
    /// Finance checks a converted figure against the rate it was made with.
    public func ratesUsed(limit: Int = 8) -> String? {
        var counts: [ExchangeRate: Int] = [:]
        func count(_ original: ForeignAmounts?) { if let rate = original?.rate { counts[rate, default: 0] += 1 } }
        // Read in place where the orders lie in one array: copying out each of a million orders
        // to find the few converted ones was a noticeable part of a report.
        let inPlace: Void? = withContiguousStorageIfAvailable { orders in
            for index in orders.indices { count(orders[index].original) }
        }
        if inPlace == nil {
            for order in self { count(order.original) }
        }
        guard !counts.isEmpty else { return nil }
        let sorted = counts.sorted { ($0.key.currency.code, $0.key.day) < ($1.key.currency.code, $1.key.day) }
        let shown = sorted.prefix(limit).map { "\($0.key.label) (\($0.value) order\($0.value == 1 ? "" : "s"))" }
        return shown.joined(separator: ", ") + (sorted.count > limit ? " and \(sorted.count - limit) more rates" : "")
    }
}
