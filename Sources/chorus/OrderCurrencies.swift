import ChorusCore

/// What `chorus import orders` does with orders in other currencies: converts them at the
/// program's rates, each keeping what the store charged, and says which rates it used; or,
/// where a rate is missing, names the currency and the first day without one.
enum OrderCurrencies {
    static func inProgramCurrency(_ orders: [Order], workspace: Workspace, skipInvalid: Bool) throws -> (orders: [Order], note: String) {
        let currency = workspace.program.currency
        guard orders.contains(where: { $0.subtotal.currency != currency }), workspace.currencyToAdopt(from: orders) == nil else {
            return (orders, "")
        }
        let (converted, missing) = Order.converted(orders, to: currency, at: ExchangeRateTable(workspace.program.exchangeRates))
        missing.forEach { Output.error($0.description) }
        let skippedOrders = missing.reduce(0) { $0 + $1.orders }
        if !missing.isEmpty && !skipInvalid {
            throw CLIFailure(message: "nothing was applied (--skip-invalid imports the orders that have a rate)")
        }
        return (converted, usedRates(converted) + (skippedOrders > 0 ? "; skipped \(skippedOrders) order\(skippedOrders == 1 ? "" : "s") without a rate" : ""))
    }

    /// The rates orders were converted at (`ratesUsed()`), as the ledger export names them: `orders
    /// converted at USD 0.9234 of 2026-11-02 (1 order), …`; nil when every order was in the program's currency.
    static func notice(ratesUsed: String?) -> String? {
        ratesUsed.map { "orders converted at " + $0 }
    }

    /// `; converted 3 USD orders at rates of 2026-11-02 to 2026-11-04`, one clause per currency.
    static func usedRates(_ orders: [Order]) -> String {
        var byCurrency: [Currency: [Day]] = [:]
        for order in orders { if let rate = order.original?.rate { byCurrency[rate.currency, default: []].append(rate.day) } }
        return byCurrency.sorted { $0.key.code < $1.key.code }.map { currency, days in
            let range = days.min() == days.max() ? "the rate of \(days.min()!)" : "rates of \(days.min()!) to \(days.max()!)"
            return "; converted \(days.count) \(currency) order\(days.count == 1 ? "" : "s") at \(range)"
        }.joined()
    }
}
