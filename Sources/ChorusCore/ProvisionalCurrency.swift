/// A program made by `chorus init` without `--currency` takes its currency from the first
/// orders imported, as long as nothing in it has a price yet: a brand selling in dollars
/// should not have to know, before its first import, that Chorus needs to be told.
extension Workspace {
    /// The currency the program would take from `orders`: theirs, when the program's currency
    /// is still provisional, all the orders share one, and nothing priced exists yet.
    public func currencyToAdopt(from orders: [Order]) -> Currency? {
        guard program.currencyIsProvisional, let currency = orders.first?.subtotal.currency,
              orders.allSatisfy({ $0.subtotal.currency == currency }), !hasAnythingPriced else { return nil }
        return currency
    }

    /// Whether any amount is stored in the program's currency, which a change of currency
    /// would silently relabel.
    var hasAnythingPriced: Bool {
        !skus.isEmpty || !shipments.isEmpty || !orders.isEmpty || !waves.isEmpty || !discountCodes.isEmpty || !payoutRuns.isEmpty
            || !program.exchangeRates.isEmpty || creators.contains { $0.customer.map { !$0.totalSpent.isZero } ?? false }
    }
}

extension ChangeRecorder {
    /// Settles a provisional currency on the first orders import: the orders' own when
    /// `currencyToAdopt` allows, else the one the program has.
    mutating func settleProvisionalCurrency(for orders: [Order]) {
        guard workspace.program.currencyIsProvisional else { return }
        var program = workspace.program
        program.currency = workspace.currencyToAdopt(from: orders) ?? program.currency
        program.currencyIsProvisional = false
        put(program)
    }
}
