import XCTest
@testable import ChorusCore

/// Year-end: what each creator was paid in 2026, by the day it was paid, with the 1099-NEC
/// flag at 600.00 USD; returned payments, waiting ones and 2025's payments do not count.
final class PayoutYearTests: XCTestCase {
    func testTheYearCountsPaymentsByTheDayTheyWerePaidAndFlagsThe1099Threshold() {
        let ana: CreatorID = "CR-1", ben: CreatorID = "CR-2", cleo: CreatorID = "CR-3"
        func pay(_ id: CreatorID, _ amount: Int64, _ outcome: PaymentOutcome? = nil) -> Payment {
            Payment(creatorID: id, items: [PayoutItem(key: "fee W1", amount: amount)], outcome: outcome)
        }
        let runs = [
            // Paid on 30 December 2025: counts in 2025, not 2026.
            PayoutRun(number: 1, createdOn: Day("2025-12-20")!, paidOn: Day("2025-12-30")!, payments: [pay(ana, 50_000)]),
            PayoutRun(number: 2, createdOn: Day("2026-03-01")!, paidOn: Day("2026-03-02")!, payments: [
                pay(ana, 30_000), pay(ben, 59_999),
                pay(cleo, 80_000, PaymentOutcome(state: .returned, on: Day("2026-03-20")!, reason: "RETURNED")),
            ]),
            // Reconciled without being marked paid: Ana's is paid, Ben's still unclaimed.
            PayoutRun(number: 3, createdOn: Day("2026-11-01")!, payments: [
                pay(ana, 30_000, PaymentOutcome(state: .paid, on: Day("2026-11-03")!, reason: "SUCCESS")),
                pay(ben, 10_000, PaymentOutcome(state: .waiting, on: Day("2026-11-03")!, reason: "UNCLAIMED")),
            ]),
        ]
        let creators = [ana, ben, cleo].map { Creator(id: $0, handle: $0.rawValue.lowercased(), name: $0.rawValue) }
        let usd = Workspace(program: Program(name: "P", brand: "B", currency: .usd, landingURL: "https://b.example"),
                            creators: creators, payoutRuns: runs)
        let year = PayoutYear(usd, year: 2026)
        XCTAssertEqual(year.rows, [
            PayoutYear.Row(creatorID: ana, paid: 60_000, payments: 2, reachesThreshold: true),
            PayoutYear.Row(creatorID: ben, paid: 59_999, payments: 1, reachesThreshold: false),
        ])
        XCTAssertEqual(PayoutYear(usd, year: 2025).rows.map(\.paid), [50_000])

        let eur = Workspace(program: Program(name: "P", brand: "B", currency: .eur, landingURL: "https://b.example"),
                            creators: creators, payoutRuns: runs)
        XCTAssertEqual(PayoutYear(eur, year: 2026).rows.map(\.reachesThreshold), [nil, nil], "the threshold is in dollars")
    }
}
