import ChorusCore
import ChorusGenerator
@testable import ChorusUI
import Foundation
import XCTest

/// Finance's month end in the console: the Payouts view previews the next run, `$` creates it,
/// `m` marks it paid, `R` reconciles PayPal's report, and the Ledger's paid / in run / payable
/// columns follow each step; a returned payment is in the next run.
final class PayoutsKeyTests: XCTestCase {
    /// The generated sample program, which owes five creators their posting fee.
    static let program = SampleProgram.generate(options: GeneratorOptions(seed: 7, today: Sample.today))

    func testPreviewCreateMarkPaidReconcileAndTheLedgerColumns() throws {
        let console = ConsoleDriver(Self.program, size: Size(width: 200, height: 50)).press("6")
        XCTAssertNotNil(console.frame.row(containing: "PAYABLE"), console.dump)
        console.press("p")
        guard case .payouts? = console.state.overlay else { return XCTFail("the Payouts view is open") }
        let preview = console.frame
        let next = try XCTUnwrap(preview.lineContaining("Next run"), console.dump)
        XCTAssertTrue(next.contains("if created today ($)"), next)
        XCTAssertNotNil(preview.row(containing: "Runs"), "no run yet")
        let due = Payouts.nextRun(console.workspace, ledger: Ledger(console.workspace, attribution: Attribution.compute(console.workspace),
                                                                       today: Sample.today))
        XCTAssertFalse(due.payments.isEmpty)

        console.press("$")
        XCTAssertNotNil(console.frame.row(containing: "Create payout run 1: pay 5 creators 250.00 EUR? y/n"), console.dump)
        console.press("y")
        XCTAssertTrue(console.state.message?.text.hasPrefix("created payout run 1: ") == true, console.state.message?.text ?? "")
        XCTAssertNotNil(console.frame.row(containing: "Run 1"), console.dump)
        XCTAssertTrue(console.frame.lineContaining("Run 1")!.contains("not yet paid · "), console.dump)

        console.press(.enter)
        XCTAssertEqual(console.state.overlay, .payouts(PayoutsView(run: 1)))
        let first = due.payments[0]
        let handle = "@" + console.workspace.creator(first.creatorID)!.handle
        XCTAssertTrue(console.frame.lineContaining("\(handle) · ")!.contains("R1-\(first.creatorID.rawValue) · in run"), console.dump)

        console.press("m")
        XCTAssertEqual(console.state.message?.text, "marked payout run 1 paid on \(Sample.today)")
        XCTAssertTrue(console.frame.lineContaining("\(handle) · ")!.contains("· paid"), console.dump)

        let report = FileManager.default.temporaryDirectory.appendingPathComponent("payouts-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: report) }
        try "Customer ID,Status,Reason\nR1-\(first.creatorID.rawValue),RETURNED,Unclaimed for 30 days\n"
            .write(to: report, atomically: true, encoding: .utf8)
        console.press("R")
        XCTAssertEqual(console.state.prompt?.purpose, .reconcilePayouts(run: 1))
        console.type(report.path).press(.enter)
        XCTAssertEqual(console.state.message?.text, "reconciled payout run 1: 1 returned to payable")
        XCTAssertTrue(console.frame.lineContaining("\(handle) · ")!.contains("returned (RETURNED: Unclaimed for 30 days)"), console.dump)

        console.press(.escape)
        XCTAssertEqual(console.state.overlay, .payouts(PayoutsView()))
        XCTAssertTrue(console.frame.lineContaining("Run 1")!.contains("paid, 1 returned"), console.dump)
        XCTAssertTrue(console.frame.lineContaining("Next run")!.contains("1 creator, \(Money(minorUnits: first.total, currency: .eur)) if created today"),
                      console.dump)
        console.press("$", "y")
        XCTAssertEqual(console.workspace.payoutRun(2)?.payments, [Payment(creatorID: first.creatorID, items: first.items)],
                       "the returned payment, nothing else, is paid again")
        console.press("z")
        XCTAssertNil(console.workspace.payoutRun(2), "creating a run is undone like any change")
        console.press(.escape)
        XCTAssertNil(console.state.overlay)
    }

    func testAReportThatIsNotAboutTheRunIsRefusedWithItsPlace() throws {
        let console = ConsoleDriver(Self.program, size: Size(width: 120, height: 40)).press("6", "p", "$", "y", .enter)
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("payouts-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: report) }
        try "Customer ID,Status\nR7-CR-1,SUCCESS\n".write(to: report, atomically: true, encoding: .utf8)
        let before = console.workspace
        console.press("R").type(report.path).press(.enter)
        XCTAssertTrue(console.state.message?.text.hasPrefix("\(report.lastPathComponent), line 2, column 1: 'R7-CR-1' is not a payment of payout run 1") == true,
                      console.state.message?.text ?? "")
        XCTAssertEqual(console.workspace, before)
    }

    func testTheTaxRuleLeavesCreatorsOutOfTheRunAndThePreviewAndTheQuestionSayWhy() throws {
        var workspace = Self.program
        var program = workspace.program
        program.settings.requireTaxForm = true
        let context = CommandContext(now: Sample.now, actor: "test")
        try workspace.apply(.updateProgram(program), context: context)
        let mueller = workspace.creator(handle: "felix.mueller")!.id, yui = workspace.creator(handle: "yui.yamada63")!.id
        try workspace.apply(.setPayoutDetails([
            PayoutDetails(creatorID: mueller, profile: PayoutProfile(method: .wise, taxForm: .w8ben, taxCountry: "DE")),
            PayoutDetails(creatorID: yui, profile: PayoutProfile(method: .paypal, taxForm: .w9, taxFormReceived: Sample.today, taxCountry: "US")),
        ]), context: context)
        let console = ConsoleDriver(workspace, size: Size(width: 160, height: 40)).press("6", "p")
        XCTAssertNotNil(console.frame.row(containing: "Next run   1 creator, 50.00 EUR, 4 left out if created today ($)"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "left out: no tax form on file (no form)"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "@felix.mueller · 50.00 EUR left out: no tax form on file (W-8BEN requested)"),
                        console.dump)

        console.press("$")
        XCTAssertNotNil(console.frame.row(containing: "Create payout run 1: pay 1 creator 50.00 EUR? y/n"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "left out @felix.mueller  50.00 EUR  no tax form on file (W-8BEN requested)"),
                        console.dump)
        console.press("n")
        XCTAssertEqual(console.workspace.payoutRuns, [])

        // The creator's details say what finance has on file.
        console.press(.escape, "1", "/").type("felix.mueller").press(.enter, .enter)
        XCTAssertNotNil(console.frame.row(containing: "Payout     Wise (by email) · W-8BEN requested · taxed in DE"), console.dump)
    }
}

private extension Grid {
    /// The first screen line holding `text`.
    func lineContaining(_ text: String) -> String? { lines.first { $0.contains(text) } }
}
