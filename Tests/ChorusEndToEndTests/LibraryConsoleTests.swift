import ChorusCore
import Foundation
import XCTest

/// The paid team and the social manager with the real binary: extend a lapsing licence in
/// the console, export what may run as paid social in Germany, and bring in post metrics.
final class LibraryConsoleTests: XCTestCase {
    func testExtendingAnExpiringLicenceBy90DaysIsSavedWhenTheConsoleQuits() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: 120, rows: 40, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("sort: stage")
        let expiring = try assets(in: workspace, extra: ["--expiring", "14d"])
        let id = try XCTUnwrap(expiring.keys.sorted().first, "the demo has rights expiring within 14 days")
        let end = try XCTUnwrap((expiring[id]?["rightsEnd"] as? String).flatMap { Day($0) })

        try console.press("4")
        try console.waitFor("Library ·")
        try console.press("f")
        try console.waitFor("\(expiring.count) assets · expiring rights")
        try console.press("/")
        try console.type(id)
        try console.press("Enter", "r")
        try console.waitFor("Usage rights of \(id)")
        try console.press("Tab", "Tab", "Tab", "C-u")   // Uses, Territory, Starts, then Ends
        try console.type("+90d")
        try console.press("C-s")
        try console.waitFor("set the rights of \(id) until \(end.adding(days: 90))")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        let after = try assets(in: workspace)
        XCTAssertEqual(after[id]?["rightsEnd"] as? String, end.adding(days: 90).description)
        XCTAssertEqual(after[id]?["status"] as? String, "active")
        XCTAssertEqual(try assets(in: workspace, extra: ["--expiring", "14d"]).count, expiring.count - 1)
    }

    func testThePaidTeamExportsOnlyWhatIsLicensedForPaidSocialInGermanyToday() throws {
        let workspace = try demoCopy()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let output = workspace.appendingPathComponent("paid-de.csv")
        let export = ["export", "assets", "--usable-for", "paid-social", "--territory", "DE", "--format", "csv",
                      "--output", output.path, "--workspace", workspace.path]
        let result = try ChorusProcess.run(export)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("exported 35 assets usable for paid social in DE on 2026-11-21; left out 50 assets: "
            + "41 with expired rights, 7 not licensed for paid social, 2 without usage rights"), result.stderr)
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 36, "the header and 35 assets")
        XCTAssertTrue(lines[0].hasPrefix("asset_id,handle,creator_id,wave,platform,kind,post_url"))

        let again = try ChorusProcess.run(export)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists; use --force"), again.stderr)

        let json = try ChorusProcess.run(["export", "assets", "--usable-for", "paid-social", "--territory", "DE", "--format", "json",
                                          "--workspace", workspace.path])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 35)
        XCTAssertTrue(rows.allSatisfy { ["active", "expiring"].contains($0["status"] as? String) })
        XCTAssertTrue(rows.allSatisfy { ($0["rightsUses"] as? [String])?.contains("paidSocial") == true })

        let unknown = try ChorusProcess.run(["export", "assets", "--usable-for", "billboards", "--workspace", workspace.path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("'billboards' is not a use; use one of organic-repost, paid-social"), unknown.stderr)
    }

    func testMetricsComeInAllOrNothingWithEveryBadCellNamed() throws {
        let workspace = try demoCopy()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let file = workspace.appendingPathComponent("metrics.csv")
        try """
            asset_id,post_url,date,views,likes,comments,shares,saves,clicks
            AS-0001,,2026-11-20,3000,80,2,1,4,20
            AS-9999,,2026-11-20,1,1,1,1,1,1
            AS-0002,,20.11.2026,1,1,1,1,1,lots

            """.write(to: file, atomically: true, encoding: .utf8)
        let strict = try ChorusProcess.run(["import", "metrics", file.path, "--workspace", workspace.path])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("metrics.csv, line 3, column 1 (asset_id): no asset 'AS-9999'"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("metrics.csv, line 4, column 3 (date): '20.11.2026' is not a date; write YYYY-MM-DD"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("metrics.csv, line 4, column 9 (clicks): 'lots' is not a count of clicks"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("2 invalid rows; nothing was applied"), strict.stderr)
        XCTAssertNotEqual(try assets(in: workspace)["AS-0001"]?["views"] as? Int, 3000)

        let lenient = try ChorusProcess.run(["import", "metrics", file.path, "--skip-invalid", "--workspace", workspace.path])
        XCTAssertEqual(lenient.status, 0, lenient.stderr)
        XCTAssertEqual(lenient.stdout, "updated the metrics of 1 asset; skipped 2 invalid rows (listed above)\n")
        XCTAssertEqual(try assets(in: workspace)["AS-0001"]?["views"] as? Int, 3000)
    }

    private func demoCopy() throws -> URL {
        let workspace = try ChorusProcess.temporaryFolder()
        let created = try ChorusProcess.run(["init", workspace.path, "--sample"])
        XCTAssertEqual(created.status, 0, created.stderr)
        return workspace
    }

    /// Assets by id, as `chorus list assets --format json` prints them.
    private func assets(in workspace: URL, extra: [String] = []) throws -> [String: [String: Any]] {
        let result = try ChorusProcess.run(["list", "assets", "--format", "json", "--workspace", workspace.path] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
    }
}
