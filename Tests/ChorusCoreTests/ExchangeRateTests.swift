import XCTest
@testable import ChorusCore

/// Orders in another currency are converted at dated rates kept digit for digit: each amount
/// on its own, rounded half away from zero to the cent, so finance can redo it by hand.
final class ExchangeRateTests: XCTestCase {
    private func usd(_ text: String) -> Money { Money.parse(Substring(text), currency: .usd)! }
    private func rate(_ day: String, _ text: String, _ currency: Currency = .usd) -> ExchangeRate {
        ExchangeRate(day: Day(day)!, currency: currency, rate: DecimalRate(text)!)
    }

    func testRatesAreReadExactlyAndRefuseWhatIsNotARate() {
        XCTAssertEqual(DecimalRate("0.9234")?.description, "0.9234")
        XCTAssertEqual(DecimalRate("156.2")?.description, "156.2")
        XCTAssertEqual(DecimalRate("0.000123")?.description, "0.000123")
        XCTAssertEqual(DecimalRate("1")?.description, "1")
        for bad in ["", "0", "0.000", "-0.92", "0,92", "1e-3", "0.9.2", "0.1234567890123"] { XCTAssertNil(DecimalRate(bad), bad) }
    }

    func testConversionRoundsEachAmountHalfAwayFromZeroToTheTargetsMinorUnit() {
        let rate = DecimalRate("0.9251")!
        XCTAssertEqual(rate.convert(usd("19.99"), to: .eur), Money(minorUnits: 1_849, currency: .eur), "18.492749 → 18.49")
        XCTAssertEqual(rate.convert(usd("5.00"), to: .eur), Money(minorUnits: 463, currency: .eur), "4.6255 → 4.63")
        XCTAssertEqual(rate.convert(usd("-5.00"), to: .eur), Money(minorUnits: -463, currency: .eur))
        XCTAssertEqual(DecimalRate("156.2")!.convert(usd("10.01"), to: Currency("JPY")), Money(minorUnits: 1_564, currency: Currency("JPY")),
                       "1563.562 yen → 1564: a currency without minor units")
        XCTAssertEqual(DecimalRate("0.0061")!.convert(Money(minorUnits: 1_999, currency: Currency("JPY")), to: .eur),
                       Money(minorUnits: 1_219, currency: .eur), "1999 yen × 0.0061 = 12.1939 → 12.19")
        XCTAssertEqual(DecimalRate("2.5")!.convert(Money(minorUnits: 4_000_000_000_000_000_000, currency: .usd), to: .eur), nil,
                       "a result beyond what money holds is refused, never wrapped")
    }

    func testTheRateOfTheDayOrTheLatestBefore() {
        let table = ExchangeRateTable([rate("2026-11-05", "0.9188"), rate("2026-11-02", "0.9234"), rate("2026-11-03", "0.9251"),
                                       rate("2026-11-03", "0.8600", .gbp)])
        XCTAssertEqual(table.rate(for: .usd, on: Day("2026-11-02")!)?.rate.description, "0.9234")
        XCTAssertEqual(table.rate(for: .usd, on: Day("2026-11-04")!)?.rate.description, "0.9251", "no rate that day: the latest before")
        XCTAssertEqual(table.rate(for: .usd, on: Day("2027-01-01")!)?.rate.description, "0.9188")
        XCTAssertNil(table.rate(for: .usd, on: Day("2026-11-01")!), "rates start later")
        XCTAssertNil(table.rate(for: Currency("CHF"), on: Day("2026-11-04")!))
    }

    func testAConvertedOrderKeepsWhatTheStoreChargedAndTheRate() throws {
        let order = Order(id: "#2002", email: "sam@example.com", financialStatus: "partially_refunded",
                          createdAt: Timestamp("2026-11-04 16:30:31 -0500")!, subtotal: usd("19.99"), refunded: usd("5.00"),
                          lines: [OrderLine(sku: "TM-100", name: "Toning Mist", quantity: 1, price: usd("19.99"))])
        let table = ExchangeRateTable([rate("2026-11-02", "0.9234"), rate("2026-11-03", "0.9251")])
        let converted = try order.converted(to: .eur, at: table).get()
        XCTAssertEqual(converted.subtotal, Money(minorUnits: 1_849, currency: .eur))
        XCTAssertEqual(converted.refunded, Money(minorUnits: 463, currency: .eur))
        XCTAssertEqual(converted.netRevenue, Money(minorUnits: 1_386, currency: .eur))
        XCTAssertEqual(converted.lines[0].price, Money(minorUnits: 1_849, currency: .eur))
        XCTAssertEqual(converted.original, ForeignAmounts(subtotal: usd("19.99"), refunded: usd("5.00"), rate: rate("2026-11-03", "0.9251")))

        let (_, missing) = Order.converted([order], to: .eur, at: ExchangeRateTable([rate("2026-11-05", "0.9188")]))
        XCTAssertEqual(missing.map(\.description), [
            "1 order is in USD and there is no USD rate on or before 2026-11-04; add one with chorus import rates FILE.csv (date, currency, rate), then import the orders again",
        ])
    }

    func testImportedRatesReplaceTheSameDayAndUndoTogether() throws {
        var workspace = ProgramFixture.workspace
        let first = try workspace.run(.importRates([rate("2026-03-01", "1.08"), rate("2026-03-02", "1.09")]))
        XCTAssertEqual(first.summary, "imported 2 rates for USD from 2026-03-01 to 2026-03-02")
        XCTAssertEqual(try workspace.run(.importRates([rate("2026-03-02", "1.10")])).summary,
                       "imported 1 rate for USD from 2026-03-02 to 2026-03-02 (1 replaced)")
        XCTAssertEqual(workspace.program.exchangeRates.map(\.rate.description), ["1.08", "1.10"])
        assertRefused(.importRates([ExchangeRate(day: Day("2026-03-01")!, currency: .eur, rate: DecimalRate("1")!)]), on: workspace,
                      saying: "EUR is the program's own currency")
    }

    func testAProvisionalCurrencyIsTakenFromTheFirstOrdersWhenNothingIsPricedYet() throws {
        let order = Order(id: "#1", email: nil, financialStatus: "paid", createdAt: Timestamp("2026-11-02T10:00:00Z")!,
                          subtotal: usd("40.00"), refunded: usd("0"))
        var fresh = Workspace(program: Program(name: "P", brand: "B", currency: .eur, landingURL: "", currencyIsProvisional: true))
        XCTAssertEqual(fresh.currencyToAdopt(from: [order]), .usd)
        let applied = try fresh.run(.importOrders([order]))
        XCTAssertEqual(fresh.program.currency, .usd)
        XCTAssertFalse(fresh.program.currencyIsProvisional)
        try fresh.run(applied.undo)
        XCTAssertEqual(fresh.program.currency, .eur, "undo puts the provisional currency back")

        let priced = Workspace(program: Program(name: "P", brand: "B", currency: .eur, landingURL: "", currencyIsProvisional: true),
                               skus: [SKU(id: "S", name: "S", unitCost: eur("1.00"), stockOnHand: 1)])
        XCTAssertNil(priced.currencyToAdopt(from: [order]), "a SKU already costs euros")
        assertRefused(.importOrders([order]), on: priced, saying: "order #1 is in USD; the program uses EUR")
        let chosen = Workspace(program: Program(name: "P", brand: "B", currency: .eur, landingURL: ""))
        XCTAssertNil(chosen.currencyToAdopt(from: [order]), "a currency chosen with --currency stays")
    }

    /// Programs saved before rates existed still open.
    func testAProgramWithoutRatesStillDecodes() throws {
        let old = #"{"name":"P","brand":"B","currency":"EUR","landingURL":"https://x","settings":{}}"#
        let program = try JSONDecoder().decode(Program.self, from: Data(old.utf8))
        XCTAssertEqual(program.exchangeRates, [])
        XCTAssertFalse(program.currencyIsProvisional)
    }
}
