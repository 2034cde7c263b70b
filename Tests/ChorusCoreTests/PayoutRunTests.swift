import XCTest
@testable import ChorusCore

/// Finance pays creators in numbered runs from `LedgerProgram` (minimum payout 25.00): nothing
/// is ever paid twice, held commission waits for its day, and a refund after payment is taken
/// back from the next run.
final class PayoutRunTests: XCTestCase {
    let context = CommandContext(now: Timestamp(day: LedgerProgram.today, hour: 9), actor: "finance")

    func testRunsPayWhatIsPayableOnceAndCarryARefundAfterPaymentIntoTheNextRun() throws {
        var workspace = LedgerProgram.workspace

        // 30 June. Ana's 15.01 of commission is below the minimum and waits. Ben: Spring
        // commission, his 200.00 fee, the 75.00 tier and 15 % of #5 (#4 is held). Cleo: both
        // tiers and 12 % of #7 and #9 (#8 is held; she has not posted, so no fee).
        let first = Payouts.due(workspace, ledger: LedgerProgram.ledger(workspace))
        XCTAssertEqual(first, [
            Payment(creatorID: LedgerProgram.ben, items: [
                PayoutItem(key: "bonus W2 0", amount: 7_500), PayoutItem(key: "commission W1 #3", amount: 2_000),
                PayoutItem(key: "commission W2 #5", amount: 2_250), PayoutItem(key: "fee W2", amount: 20_000),
            ]),
            Payment(creatorID: LedgerProgram.cleo, items: [
                PayoutItem(key: "bonus W2 0", amount: 5_000), PayoutItem(key: "bonus W2 1", amount: 10_000),
                PayoutItem(key: "commission W2 #7", amount: 7_200), PayoutItem(key: "commission W2 #9", amount: 120),
            ]),
        ])
        let created = try workspace.apply(.createPayoutRun(PayoutRun(number: 1, createdOn: LedgerProgram.today, payments: first)),
                                          context: context)
        XCTAssertEqual(created.summary, "created payout run 1: 2 creators, 540.70 EUR")
        XCTAssertEqual(Payouts.due(workspace, ledger: LedgerProgram.ledger(workspace)), [], "the same day, nothing is owed twice")
        try workspace.apply(.markPayoutRunPaid(number: 1, on: LedgerProgram.today), context: context)

        // 20 July: the held orders are payable. Cleo's #7 was refunded in full after it was
        // paid, and a new order of 2000.00 came in on her code.
        try workspace.apply(.importOrders([LedgerProgram.order("#7", "2026-05-10", "600.00", refunded: "600.00", code: "CLEO"),
                                           LedgerProgram.order("#12", "2026-06-15", "2000.00", code: "CLEO")]), context: context)
        let later = Day("2026-07-20")!
        XCTAssertEqual(Payouts.due(workspace, ledger: LedgerProgram.ledger(workspace, today: later)), [
            Payment(creatorID: LedgerProgram.ben, items: [PayoutItem(key: "commission W2 #4", amount: 3_000)]),
            Payment(creatorID: LedgerProgram.cleo, items: [
                PayoutItem(key: "commission W2 #12", amount: 24_000), PayoutItem(key: "commission W2 #7", amount: -7_200),
                PayoutItem(key: "commission W2 #8", amount: 4_800),
            ]),
        ])
    }

    func testARefundThatLeavesANegativeBalanceWaitsForLaterEarnings() throws {
        var workspace = LedgerProgram.workspace
        let first = Payouts.due(workspace, ledger: LedgerProgram.ledger(workspace))
        try workspace.apply(.createPayoutRun(PayoutRun(number: 1, createdOn: LedgerProgram.today, payments: first)), context: context)
        // #7 refunded: −72.00 commission and, below 1000.00 revenue, −100.00 bonus; #8's 48.00 does not cover it.
        try workspace.apply(.importOrders([LedgerProgram.order("#7", "2026-05-10", "600.00", refunded: "600.00", code: "CLEO")]),
                            context: context)
        let due = Payouts.due(workspace, ledger: LedgerProgram.ledger(workspace, today: Day("2026-07-20")!))
        XCTAssertEqual(due.map(\.creatorID), [LedgerProgram.ben])
    }

    func testUnknownOrRepeatedRunsAreRefusedAndARunCanBeUndone() throws {
        var workspace = LedgerProgram.workspace
        let before = workspace
        let payments = Payouts.due(workspace, ledger: LedgerProgram.ledger(workspace))
        XCTAssertThrowsError(try workspace.apply(.createPayoutRun(PayoutRun(number: 2, createdOn: LedgerProgram.today, payments: payments)),
                                                 context: context)) {
            XCTAssertEqual(($0 as? DomainError)?.message, "the next payout run is number 1, not 2")
        }
        XCTAssertThrowsError(try workspace.apply(.markPayoutRunPaid(number: 9, on: LedgerProgram.today), context: context)) {
            XCTAssertEqual(($0 as? DomainError)?.message, "there is no payout run 9")
        }
        let created = try workspace.apply(.createPayoutRun(PayoutRun(number: 1, createdOn: LedgerProgram.today, payments: payments)),
                                          context: context)
        try workspace.apply(.markPayoutRunPaid(number: 1, on: LedgerProgram.today), context: context)
        XCTAssertThrowsError(try workspace.apply(.markPayoutRunPaid(number: 1, on: LedgerProgram.today), context: context)) {
            XCTAssertEqual(($0 as? DomainError)?.message, "payout run 1 was already paid on 2026-06-30")
        }
        var undone = before
        try undone.apply(.createPayoutRun(PayoutRun(number: 1, createdOn: LedgerProgram.today, payments: payments)), context: context)
        try undone.apply(created.undo, context: context)
        XCTAssertEqual(undone, before)
    }
}
