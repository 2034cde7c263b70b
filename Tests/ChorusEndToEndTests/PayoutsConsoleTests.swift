import Foundation
import XCTest

/// Finance's month end with the real binary under tmux: the Payouts view previews the run,
/// `$` creates it, the PayPal file is exported from the CLI, PayPal's report is reconciled with
/// `R`, and the Ledger's paid / in run / payable columns and the run's payments change with it.
final class PayoutsConsoleTests: XCTestCase {
    func testPreviewCreateExportReconcileAndTheLedgerFollows() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        let w = ["--workspace", workspace.path]
        let details = workspace.appendingPathComponent("details.csv")
        try "handle,method\nyui.yamada63,paypal\nfelix_becker,venmo\nfelix.mueller,paypal\n".write(to: details, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ChorusProcess.run(["import", "payout-details", details.path] + w).status, 0)

        let console = try TmuxSession(columns: 250, rows: 45, arguments: ["open"] + w)
        try console.waitFor("sort: stage")
        try console.press("6")
        try console.waitFor("PAYABLE")
        try console.press("p")
        try console.waitFor("Next run   5 creators, 250.00 EUR if created today ($)")
        try console.press("$")
        try console.waitFor("Create payout run 1: pay 5 creators 250.00 EUR? y/n")
        try console.press("y")
        try console.waitFor("created payout run 1: 5 creators, 250.00 EUR")
        try console.waitFor("Run 1      not yet paid · ")

        let paypal = try ChorusProcess.run(["export", "payouts", "1", "--format", "paypal"] + w)
        XCTAssertEqual(paypal.status, 0, paypal.stderr)
        XCTAssertEqual(paypal.stdout.split(separator: "\n").count, 3)
        let report = workspace.appendingPathComponent("paypal-items.csv")
        try "Customer ID,Status\nR1-CR-00131,SUCCESS\nR1-CR-00189,UNCLAIMED\nR1-CR-00264,RETURNED\n"
            .write(to: report, atomically: true, encoding: .utf8)

        try console.press("Enter")
        try console.waitFor("@yui.yamada63 · 50.00 EUR · PayPal · R1-CR-00131 · in run")
        try console.press("R")
        try console.waitFor("Reconcile payout run 1 from PayPal's or Wise's report — file:")
        try console.type(report.path)
        try console.press("Enter")
        try console.waitFor("reconciled payout run 1: 1 paid, 1 waiting, 1 returned to payable")
        try console.waitFor("@yui.yamada63 · 50.00 EUR · PayPal · R1-CR-00131 · paid (SUCCESS)")
        try console.waitFor("@felix_becker · 50.00 EUR · Venmo · R1-CR-00189 · waiting (UNCLAIMED)")
        try console.waitFor("@felix.mueller · 50.00 EUR · PayPal · R1-CR-00264 · returned (RETURNED)")
        try console.press("Escape")
        try console.waitFor("Next run   1 creator, 50.00 EUR if created today ($)")
        try console.press("Escape")
        // The Ledger, filtered to the returned creator: their Summer fee is payable again, in no run, unpaid.
        try console.press("/")
        try console.type("felix.mueller")
        try console.press("Enter")
        let ledger = try console.waitFor("Ledger · every wave · 2 rows")
        let row = try XCTUnwrap(ledger.split(separator: "\n").first { $0.contains("@felix.mueller") && $0.contains(" W2 ") })
        // COST, then PAID, IN RUN, PAYABLE.
        XCTAssertTrue(row.contains(" 68.70       0.00       0.00      50.00 "), String(row))
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        let runs = try ChorusProcess.run(["payout", "list", "--format", "csv"] + w)
        XCTAssertTrue(runs.stdout.hasPrefix("run,created,paid,status,creators,amount,currency,left_out\n1,"), runs.stdout)
        XCTAssertTrue(runs.stdout.hasSuffix(",,reconciling,5,250.00,EUR,0\n"), "Venmo's payment is still unclaimed: \(runs.stdout)")
    }
}
