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
}
