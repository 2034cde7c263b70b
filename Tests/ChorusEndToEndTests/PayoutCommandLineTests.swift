import Foundation
import XCTest

/// Finance's month end with the real binary on the sample program: create a run, export it for
/// the bank, record it paid; nothing is paid twice and bad requests change nothing.
final class PayoutCommandLineTests: XCTestCase {
    func testARunIsCreatedExportedAndPaidOnce() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        let w = ["--workspace", workspace.path]

        let created = try ChorusProcess.run(["payout", "create"] + w)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.hasPrefix("created payout run 1: "), created.stdout)

        let again = try ChorusProcess.run(["payout", "create"] + w)
        XCTAssertEqual(again.status, 1, "everything payable is already in run 1")
        XCTAssertTrue(again.stderr.contains("nothing is payable and unpaid above the minimum payout today"), again.stderr)

        let file = workspace.appendingPathComponent("run-1.csv")
        let export = try ChorusProcess.run(["export", "payouts", "1", "--format", "csv", "--output", file.path] + w)
        XCTAssertEqual(export.status, 0, export.stderr)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.first, "handle,name,email,amount,currency,items")
        XCTAssertGreaterThan(lines.count, 1)
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.contains(",EUR,") })
        let over = try ChorusProcess.run(["export", "payouts", "1", "--output", file.path] + w)
        XCTAssertEqual(over.status, 1)
        XCTAssertTrue(over.stderr.contains("already exists; use --force"), over.stderr)

        let unknown = try ChorusProcess.run(["export", "payouts", "9"] + w)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("there is no payout run 9; runs: 1"), unknown.stderr)

        let paid = try ChorusProcess.run(["payout", "mark-paid", "1"] + w)
        XCTAssertEqual(paid.status, 0, paid.stderr)
        XCTAssertTrue(paid.stdout.hasPrefix("marked payout run 1 paid on "), paid.stdout)
        let twice = try ChorusProcess.run(["payout", "mark-paid", "1"] + w)
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("payout run 1 was already paid on"), twice.stderr)
        XCTAssertEqual(try ChorusProcess.run(["payout", "mark-paid", "7"] + w).status, 1)
        XCTAssertEqual(try ChorusProcess.run(["check"] + w).status, 0)
    }

    /// The cycle with processors: payout details imported, the run exported for PayPal and Wise,
    /// PayPal's report reconciled, and the next run paying only the returned payment.
    func testTheCycleFromLedgerToProcessorAndBack() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        let w = ["--workspace", workspace.path]
        XCTAssertEqual(try ChorusProcess.run(["payout", "create"] + w).status, 0)
        let details = workspace.appendingPathComponent("details.csv")
        try """
        handle,payout_email,method,tax_form,tax_form_received,tax_country
        yui.yamada63,yui.paypal@example.jp,paypal,W-8BEN,2026-01-05,JP
        felix_becker,,venmo,W-9,2026-02-01,US
        niccolo.routine87,,wise,none,,IT
        felix.mueller,,paypal,W-8BEN,,DE

        """.write(to: details, atomically: true, encoding: .utf8)
        let imported = try ChorusProcess.run(["import", "payout-details", details.path] + w)
        XCTAssertEqual(imported.stdout, "updated the payout details of 4 creators\n", imported.stderr)

        let paypal = try ChorusProcess.run(["export", "payouts", "1", "--format", "paypal"] + w)
        XCTAssertEqual(paypal.status, 0, paypal.stderr)
        let lines = paypal.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines.first, #"yui.paypal@example.jp,50.00,EUR,R1-CR-00131,"Kelpie Creators, payout run 1: fee W2 50.00",PAYPAL"#,
                       "the payout email, not the contact email")
        XCTAssertTrue(paypal.stderr.contains("not in the PayPal file: @felix.routine (no payout method recorded)"), paypal.stderr)
        let wise = try ChorusProcess.run(["export", "payouts", "1", "--format", "wise"] + w)
        XCTAssertTrue(wise.stdout.hasPrefix("name,recipientEmail,paymentReference,receiverType,amountCurrency,amount,sourceCurrency,targetCurrency\n"))

        let report = workspace.appendingPathComponent("items.csv")
        try "Customer ID,Status\nR1-CR-00131,SUCCESS\nR1-CR-00189,UNCLAIMED\nR1-CR-00264,RETURNED\n"
            .write(to: report, atomically: true, encoding: .utf8)
        let reconciled = try ChorusProcess.run(["payout", "reconcile", "1", report.path] + w)
        XCTAssertEqual(reconciled.stdout, "reconciled payout run 1: 1 paid, 1 waiting, 1 returned to payable\n", reconciled.stderr)
        let bad = workspace.appendingPathComponent("bad.csv")
        try "Customer ID,Status\nR9-CR-00131,SUCCESS\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try ChorusProcess.run(["payout", "reconcile", "1", bad.path] + w)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("bad.csv, line 2, column 1: 'R9-CR-00131' is not a payment of payout run 1"), refused.stderr)

        let next = try ChorusProcess.run(["payout", "create"] + w)
        XCTAssertEqual(next.stdout, "created payout run 2: 1 creator, 50.00 EUR\n", next.stderr)
        let run2 = try ChorusProcess.run(["payout", "list", "2", "--format", "csv"] + w)
        XCTAssertEqual(run2.stdout, "handle,item_id,amount,currency,method,state,reason\nfelix.mueller,R2-CR-00264,50.00,EUR,PayPal,in run,\n")
        let year = try ChorusProcess.run(["report", "payouts", "--year", "2026", "--format", "csv"] + w)
        XCTAssertEqual(year.stdout, "handle,name,paid,currency,payments,form_1099,tax_form,tax_country\n"
                       + "yui.yamada63,山田 結衣,50.00,EUR,1,,W-8BEN received 2026-01-05,JP\n")
        XCTAssertEqual(try ChorusProcess.run(["check"] + w).status, 0)
    }

    /// The tax rule from the CLI: with it on, a run pays only creators with a form on file and
    /// lists the others, who stay owed for a later run.
    func testRequiringATaxFormLeavesCreatorsOutAndListsThem() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        let w = ["--workspace", workspace.path]
        XCTAssertEqual(try ChorusProcess.run(["payout", "require-tax-form", "yes"] + w).status, 0)
        let none = try ChorusProcess.run(["payout", "create"] + w)
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("left out @felix.mueller, 50.00 EUR: no tax form on file (no form)"), none.stderr)
        let details = workspace.appendingPathComponent("details.csv")
        try "handle,tax_form,tax_form_received\nfelix.mueller,W-9,2026-02-01\nyui.yamada63,W-8BEN,\n"
            .write(to: details, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ChorusProcess.run(["import", "payout-details", details.path] + w).status, 0)
        let created = try ChorusProcess.run(["payout", "create"] + w)
        XCTAssertEqual(created.stdout, "created payout run 1: 1 creator, 50.00 EUR; 4 creators left out (no tax form)\n", created.stderr)
        XCTAssertTrue(created.stderr.contains("left out @yui.yamada63, 50.00 EUR: no tax form on file (W-8BEN requested)"), created.stderr)
        let listed = try ChorusProcess.run(["payout", "list", "1", "--format", "csv"] + w)
        XCTAssertTrue(listed.stdout.contains("felix.mueller,R1-CR-00264,50.00,EUR,,in run,\n"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("yui.yamada63,,50.00,EUR,,left out,no tax form on file (W-8BEN requested)\n"), listed.stdout)
    }
}
