import XCTest
@testable import ChorusCore

/// Finance sends run 1 of `LedgerProgram` (minimum lowered so Ana, Ben and Cleo are all in it)
/// to the processor and records its report: Ben's payment succeeds, Ana's is unclaimed, Cleo's
/// is returned. The next run pays Cleo again, never Ben or Ana twice.
final class PayoutReconcileTests: XCTestCase {
    let context = CommandContext(now: Timestamp(day: LedgerProgram.today, hour: 9), actor: "finance")
    let today = LedgerProgram.today

    func workspaceWithRunOne() throws -> Workspace {
        var workspace = LedgerProgram.workspace
        var program = workspace.program
        program.settings.minimumPayoutMinorUnits = 0
        try workspace.apply(.updateProgram(program), context: context)
        let run = Payouts.nextRun(workspace, ledger: LedgerProgram.ledger(workspace))
        XCTAssertEqual(run.payments.map(\.creatorID), [LedgerProgram.ana, LedgerProgram.ben, LedgerProgram.cleo])
        try workspace.apply(.createPayoutRun(run), context: context)
        return workspace
    }

    func testReturnedPaymentsComeBackInTheNextRunAndNothingIsPaidTwice() throws {
        var workspace = try workspaceWithRunOne()
        let cleosItems = workspace.payoutRun(1)!.payments[2].items
        let summary = try workspace.apply(.reconcilePayoutRun(number: 1, results: [
            PaymentResult(creatorID: LedgerProgram.ben, outcome: PaymentOutcome(state: .paid, on: today, reason: "SUCCESS")),
            PaymentResult(creatorID: LedgerProgram.ana, outcome: PaymentOutcome(state: .waiting, on: today, reason: "UNCLAIMED")),
            PaymentResult(creatorID: LedgerProgram.cleo, outcome: PaymentOutcome(state: .returned, on: today, reason: "RETURNED")),
        ]), context: context).summary
        XCTAssertEqual(summary, "reconciled payout run 1: 1 paid, 1 waiting, 1 returned to payable")
        XCTAssertEqual(workspace.payoutRun(1)!.status, "reconciling", "Ana's payment may still be claimed")

        let next = Payouts.nextRun(workspace, ledger: LedgerProgram.ledger(workspace))
        XCTAssertEqual(next.number, 2)
        XCTAssertEqual(next.payments, [Payment(creatorID: LedgerProgram.cleo, items: cleosItems)],
                       "only the returned payment is owed again; the unclaimed one is still with PayPal")

        let balances = PayoutBalances(workspace, ledger: LedgerProgram.ledger(workspace))
        XCTAssertEqual(balances.balance(LedgerProgram.ben, LedgerProgram.summer).paid, 2_250 + 20_000 + 7_500)
        XCTAssertEqual(balances.balance(LedgerProgram.ana, LedgerProgram.spring).inRun, 1_001 + 500)
        XCTAssertEqual(balances.balance(LedgerProgram.cleo, LedgerProgram.summer).payable, cleosItems.reduce(0) { $0 + $1.amount })
        // The Ledger's payable column is what the next run would owe, row by row.
        let owed = Payouts.owed(workspace, ledger: LedgerProgram.ledger(workspace))
        for row in LedgerProgram.ledger(workspace).rows {
            let items = owed[row.creatorID, default: []].filter { Payouts.wave(ofItem: $0.key) == row.waveID }
            XCTAssertEqual(balances.balance(row.creatorID, row.waveID).payable, items.reduce(0) { $0 + $1.amount },
                           "\(row.creatorID) in \(row.waveID)")
        }

        // Ana's payment is returned after PayPal's 30 days; Cleo's, once returned, is final.
        try workspace.apply(.reconcilePayoutRun(number: 1, results: [
            PaymentResult(creatorID: LedgerProgram.ana, outcome: PaymentOutcome(state: .returned, on: today, reason: "RETURNED")),
        ]), context: context)
        XCTAssertEqual(Payouts.nextRun(workspace, ledger: LedgerProgram.ledger(workspace)).payments.map(\.creatorID),
                       [LedgerProgram.ana, LedgerProgram.cleo])
        XCTAssertThrowsError(try workspace.apply(.reconcilePayoutRun(number: 1, results: [
            PaymentResult(creatorID: LedgerProgram.cleo, outcome: PaymentOutcome(state: .paid, on: today, reason: "SUCCESS")),
        ]), context: context)) {
            XCTAssertEqual(($0 as? DomainError)?.message,
                           "@cleo.c's payment in run 1 was already returned and is payable again; it cannot become paid")
        }
        try workspace.apply(.createPayoutRun(Payouts.nextRun(workspace, ledger: LedgerProgram.ledger(workspace))), context: context)
        XCTAssertEqual(Payouts.due(workspace, ledger: LedgerProgram.ledger(workspace)), [], "everything owed is in a run")
    }

    func testARefundAfterPaymentIsTakenBackButARefundOfAReturnedPaymentIsSimplyNotPaid() throws {
        var workspace = try workspaceWithRunOne()
        try workspace.apply(.reconcilePayoutRun(number: 1, results: [
            PaymentResult(creatorID: LedgerProgram.ben, outcome: PaymentOutcome(state: .paid, on: today, reason: "SUCCESS")),
            PaymentResult(creatorID: LedgerProgram.cleo, outcome: PaymentOutcome(state: .returned, on: today, reason: "RETURNED")),
        ]), context: context)
        // Ben's #5 and Cleo's #7 are refunded in full after run 1.
        try workspace.apply(.importOrders([LedgerProgram.order("#5", "2026-05-15", "150.00", refunded: "150.00", code: "BEN-W2"),
                                           LedgerProgram.order("#7", "2026-05-10", "600.00", refunded: "600.00", code: "CLEO")]),
                            context: context)
        let owed = Payouts.owed(workspace, ledger: LedgerProgram.ledger(workspace))
        XCTAssertEqual(owed[LedgerProgram.ben]?.first { $0.key == "commission W2 #5" }?.amount, -2_250,
                       "Ben was paid 22.50 on #5: the next run takes it back")
        XCTAssertFalse(owed[LedgerProgram.cleo]!.contains { $0.key == "commission W2 #7" },
                       "Cleo's payment came back, so nothing on #7 was ever paid and nothing is taken back")
        XCTAssertTrue(owed[LedgerProgram.cleo]!.allSatisfy { $0.amount > 0 })
    }

    func testAPaymentNotInTheRunIsRefusedAndNothingChanges() throws {
        var workspace = try workspaceWithRunOne()
        let before = workspace
        XCTAssertThrowsError(try workspace.apply(.reconcilePayoutRun(number: 1, results: [
            PaymentResult(creatorID: LedgerProgram.ben, outcome: PaymentOutcome(state: .paid, on: today)),
            PaymentResult(creatorID: "CR-9", outcome: PaymentOutcome(state: .paid, on: today)),
        ]), context: context)) {
            XCTAssertEqual(($0 as? DomainError)?.message, "CR-9 is not paid in payout run 1")
        }
        XCTAssertEqual(workspace, before, "the run is reconciled whole or not at all")
    }

    func testMarkingARunPaidPaysEveryPaymentWithoutAResult() throws {
        var workspace = try workspaceWithRunOne()
        try workspace.apply(.reconcilePayoutRun(number: 1, results: [
            PaymentResult(creatorID: LedgerProgram.cleo, outcome: PaymentOutcome(state: .returned, on: today, reason: "FAILED")),
        ]), context: context)
        try workspace.apply(.markPayoutRunPaid(number: 1, on: today), context: context)
        let run = workspace.payoutRun(1)!
        XCTAssertEqual(run.payments.map(run.state(of:)), [.paid, .paid, .returned])
        XCTAssertEqual(run.status, "paid, 1 returned")
    }
}

/// The program's `requireTaxForm`: a run leaves out creators without a form on file and says so.
final class PayoutTaxRuleTests: XCTestCase {
    let context = CommandContext(now: Timestamp(day: LedgerProgram.today, hour: 9), actor: "finance")

    func testARunLeavesOutCreatorsWithoutATaxFormWhenTheProgramRequiresOne() throws {
        var workspace = LedgerProgram.workspace
        XCTAssertEqual(Payouts.nextRun(workspace, ledger: LedgerProgram.ledger(workspace)).payments.count, 2, "no rule, no one left out")
        var program = workspace.program
        program.settings.requireTaxForm = true
        try workspace.apply(.updateProgram(program), context: context)
        try workspace.apply(.setPayoutDetails([
            PayoutDetails(creatorID: LedgerProgram.ben, profile: PayoutProfile(method: .paypal, taxForm: .w9,
                                                                               taxFormReceived: Day("2026-02-01"), taxCountry: "US")),
            PayoutDetails(creatorID: LedgerProgram.cleo, profile: PayoutProfile(method: .wise, taxForm: .w8ben, taxCountry: "IT")),
        ]), context: context)

        let run = Payouts.nextRun(workspace, ledger: LedgerProgram.ledger(workspace))
        XCTAssertEqual(run.payments.map(\.creatorID), [LedgerProgram.ben])
        XCTAssertEqual(run.leftOut, [LeftOutCreator(creatorID: LedgerProgram.cleo, amount: 22_320,
                                                    reason: "no tax form on file (W-8BEN requested)")])
        let created = try workspace.apply(.createPayoutRun(run), context: context)
        XCTAssertEqual(created.summary, "created payout run 1: 1 creator, 317.50 EUR; 1 creator left out (no tax form)")

        // Her form arrives: the next run pays her.
        try workspace.apply(.setPayoutDetails([
            PayoutDetails(creatorID: LedgerProgram.cleo, profile: PayoutProfile(method: .wise, taxForm: .w8ben,
                                                                                taxFormReceived: LedgerProgram.today, taxCountry: "IT")),
        ]), context: context)
        XCTAssertEqual(Payouts.nextRun(workspace, ledger: LedgerProgram.ledger(workspace)).payments.map(\.creatorID), [LedgerProgram.cleo])
    }

    func testATaxCountryMustBeACountryCode() {
        var workspace = LedgerProgram.workspace
        XCTAssertThrowsError(try workspace.apply(.setPayoutDetails([
            PayoutDetails(creatorID: LedgerProgram.ben, profile: PayoutProfile(taxForm: .w9, taxCountry: "USA")),
        ]), context: context)) {
            XCTAssertEqual(($0 as? DomainError)?.message, "@=HYPERLINK(\"http://x\")'s tax country USA is not a two-letter country code (US, DE, GB)")
        }
    }
}
