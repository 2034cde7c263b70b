import ChorusCore
@testable import ChorusGenerator

/// Random orders for the tests that must hold for any order: every field, each optional
/// sometimes missing, and text made of `pieces` (what JSON must escape, what looks like a row
/// start). Seeded, so a failure can be replayed.
struct RandomOrders {
    var pieces: [String]
    var linesPerOrder: ClosedRange<Int>
    /// Several currencies, and amounts converted from another, for what stores whole orders
    /// (a staged batch); a snapshot's rows are all in the program's currency.
    var mixedCurrencies = false
    /// Lines in several currencies and quantities beyond 32 bits now and then, for what keeps
    /// lines packed (an `OrderLines` block), which must still give back any line.
    var unusualLines = false

    func order(_ number: Int, random: inout SeededRandom) -> Order {
        let currency = mixedCurrencies ? Currency(["EUR", "USD", "JPY"].randomElement(using: &random)!) : .eur
        func money() -> Money { Money(minorUnits: Int64.random(in: -5_000...9_999_999, using: &random), currency: currency) }
        func time() -> Timestamp { Timestamp(secondsSinceEpoch: Int64.random(in: 0...2_000_000_000, using: &random)) }
        let original = !mixedCurrencies || Bool.random(using: &random) ? nil : ForeignAmounts(
            subtotal: Money(minorUnits: 1999, currency: Currency("GBP")), refunded: .zero(Currency("GBP")),
            rate: ExchangeRate(day: time().day, currency: Currency("GBP"), rate: DecimalRate("1.1725")!))
        let lines = lines(currency: currency, random: &random)
        return Order(id: OrderID("#\(1000 + number)"), email: text(random: &random), financialStatus: text(random: &random) ?? "paid",
                     createdAt: time(), cancelledAt: Bool.random(using: &random) ? time() : nil, subtotal: money(), refunded: money(),
                     discountCodes: text(random: &random), source: text(random: &random), utmSource: text(random: &random),
                     utmMedium: text(random: &random), utmCampaign: text(random: &random), utmContent: text(random: &random),
                     lines: lines, shopifyID: text(random: &random), original: original)
    }

    /// An order's lines as plain values, in `currency` unless `unusualLines`.
    func lines(currency: Currency, random: inout SeededRandom) -> [OrderLine] {
        (0..<Int.random(in: linesPerOrder, using: &random)).map { _ in
            OrderLine(sku: text(random: &random), name: text(random: &random) ?? "Serum", quantity: quantity(random: &random),
                      price: Money(minorUnits: Int64.random(in: -5_000...9_999_999, using: &random),
                                   currency: unusualLines ? Currency(["EUR", "USD"].randomElement(using: &random)!) : currency))
        }
    }

    private func quantity(random: inout SeededRandom) -> Int {
        guard unusualLines, Int.random(in: 0..<5, using: &random) == 0 else { return Int.random(in: 1...40, using: &random) }
        return [Int.max, Int.min, Int(Int32.max) + 1, Int(Int32.min), -3].randomElement(using: &random)!
    }

    /// Nil a quarter of the time, else one to three pieces run together.
    func text(random: inout SeededRandom) -> String? {
        guard Int.random(in: 0..<4, using: &random) > 0 else { return nil }
        return (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
}
