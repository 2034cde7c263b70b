import ChorusCore
import ChorusInterchange
import Foundation
import XCTest

/// Run 1 of the sample goes to PayPal and Wise; their reports come back (fixtures beside the
/// golden files): one success, one unclaimed, one returned at PayPal, one cancelled at Wise.
/// The next run pays the returned and cancelled ones again and nobody twice.
final class PayoutReconcileFileTests: XCTestCase {
    let context = CommandContext(now: Timestamp(day: SampleFixture.today, hour: 9), actor: "finance")

    func testReportsFromBothProcessorsMarkPaymentsAndTheNextRunPicksUpTheReturnedOnes() throws {
        var (workspace, run) = PayoutProcessorFilesTests.sample
        let paypal = try PayoutResultsImport(bytes: fixture("sample-run-1-paypal-items.csv"), fileName: "items.csv",
                                             run: run, today: SampleFixture.today)
        XCTAssertEqual(paypal.errors, [])
        XCTAssertEqual(paypal.results.map(\.outcome.state), [.paid, .waiting, .returned])
        XCTAssertEqual(paypal.results[1].outcome.reason, "UNCLAIMED: Recipient has no PayPal account")
        try workspace.apply(.reconcilePayoutRun(number: 1, results: paypal.results), context: context)
        let wise = try PayoutResultsImport(bytes: fixture("sample-run-1-wise-result.csv"), fileName: "result.csv",
                                           run: run, today: SampleFixture.today)
        XCTAssertEqual(wise.results.map(\.outcome.state), [.returned])
        try workspace.apply(.reconcilePayoutRun(number: 1, results: wise.results), context: context)
        let again = PayoutProcessorFiles(workspace.payoutRun(1)!, workspace: workspace, processor: .paypal)
        XCTAssertEqual(again.parts, [], "exporting the run again sends nothing twice")
        XCTAssertEqual(again.leftOut.map(\.reason), ["already paid", "waiting at the processor", "returned; the next run pays it",
                                                       "paid by bank (outside Chorus)", "returned; the next run pays it"])

        let ledger = Ledger(workspace, attribution: Attribution.compute(workspace), today: SampleFixture.today)
        let next = Payouts.nextRun(workspace, ledger: ledger)
        XCTAssertEqual(Set(next.payments.map(\.creatorID)), ["CR-00264", "CR-00224"], "the returned and the cancelled, nobody else")
        XCTAssertEqual(next.payments.map(\.total), [5_000, 5_000])
        try workspace.apply(.createPayoutRun(next), context: context)
        XCTAssertEqual(Payouts.due(workspace, ledger: ledger), [], "everything owed is paid or in a run")
        XCTAssertEqual(workspace.payoutRun(2)!.itemID(for: "CR-00264"), "R2-CR-00264", "a new item id, so PayPal takes it again")
    }

    func testAReportThatIsNotAboutTheRunIsRefusedWithLineAndColumn() throws {
        let (_, run) = PayoutProcessorFilesTests.sample
        let text = "Customer ID,Status\nR2-CR-00131,SUCCESS\nR1-CR-00189,LOST\nR1-CR-00131,SUCCESS\nR1-CR-00131,FAILED\n"
        let parsed = try PayoutResultsImport(bytes: Array(text.utf8), fileName: "items.csv", run: run, today: SampleFixture.today)
        XCTAssertEqual(parsed.errors.map(\.description), [
            "items.csv, line 2, column 1: 'R2-CR-00131' is not a payment of payout run 1 (this run's look like R1-CR-00131)",
            "items.csv, line 3, column 2: 'LOST' is not a status this reads; expected SUCCESS, UNCLAIMED, PENDING, RETURNED, FAILED, "
                + "BLOCKED, REFUNDED, REVERSED (PayPal) or COMPLETED, CANCELLED, BOUNCED_BACK (Wise)",
            "items.csv, line 5, column 1: R1-CR-00131 is already on line 4; keep one row per payment",
        ])
        XCTAssertThrowsError(try PayoutResultsImport(bytes: Array("Recipient,Amount\nx,1\n".utf8), fileName: "other.csv",
                                                     run: run, today: SampleFixture.today)) {
            XCTAssertEqual("\($0)", "other.csv is not a PayPal payout items report or a Wise batch result: "
                           + "missing columns 'Customer ID or paymentReference', 'Status'")
        }
    }

    func testPayoutDetailsAreImportedAndATaxIDColumnIsRefused() throws {
        let workspace = SampleFixture.workspace
        let handles = workspace.creators.prefix(2).map(\.handle)
        let text = "handle,method,tax_form,tax_form_received,tax_country\n"
            + "\(handles[0]),PayPal,W-9,2026-01-10,us\n\(handles[1]),venmo,W8-BEN,,DE\nnobody,cash,W-4,someday,USA\n"
        let parsed = try PayoutDetailsImport(bytes: Array(text.utf8), fileName: "details.csv", workspace: workspace)
        XCTAssertEqual(parsed.details.map(\.profile), [
            PayoutProfile(method: .paypal, taxForm: .w9, taxFormReceived: Day("2026-01-10"), taxCountry: "US"),
            PayoutProfile(method: .venmo, taxForm: .w8ben, taxCountry: "DE"),
        ])
        XCTAssertEqual(parsed.errors.map(\.description), [
            "details.csv, line 4, column 1: no creator @nobody; `chorus list creators` shows the handles",
        ])
        XCTAssertThrowsError(try PayoutDetailsImport(bytes: Array("handle,method,TIN\nx,paypal,123-45-6789\n".utf8),
                                                     fileName: "details.csv", workspace: workspace)) {
            XCTAssertEqual("\($0)", "details.csv, line 1, column 3: the file has a tax id column ('tin'); Chorus keeps the form's "
                           + "status only, never a tax id: remove that column and import again")
        }
    }

    private func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().appendingPathComponent("Golden/\(name)")))
    }
}
