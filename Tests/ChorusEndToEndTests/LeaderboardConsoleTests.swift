import ChorusCore
import Foundation
import XCTest

/// A manager with the real binary: rank Wave 2 by contribution margin, promote the top three
/// into the planning wave with five more points of commission, and find them there from the CLI.
final class LeaderboardConsoleTests: XCTestCase {
    func testPromotingTheTopThreeByMarginPutsThemInThePlanningWaveWithTheNewPlan() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: 120, rows: 40, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("sort: stage")
        let before = try plans(inWave3Of: workspace)
        try console.press("5")
        try console.waitFor("Leaderboard · Wave 2 — Summer SPF")
        try console.press("s")
        try console.waitFor("ranked by contribution margin")
        try console.press("Space", "Space", "Space")
        try console.waitFor("3 marked")
        try console.press("P")
        try console.waitFor("Promote 3 creators into Wave 3 — Autumn repair with: +5")
        try console.press("Enter")
        try console.waitFor("promoted 3 creators to Wave 3 — Autumn repair with commission +5 points")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        // The three best contribution margins of Wave 2, as finance's export has them.
        let export = try ChorusProcess.run(["export", "ledger", "--wave", "W2", "--format", "json", "--workspace", workspace.path])
        XCTAssertEqual(export.status, 0, export.stderr)
        let ledger = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(ledger["rows"] as? [[String: Any]]).filter { $0["wave"] as? String == "W2" }
        let margin = { (row: [String: Any]) in Money.parse(Substring(row["contribution_margin"] as? String ?? ""), currency: .eur)! }
        let top = rows.sorted { margin($0) > margin($1) }.prefix(3).map { $0["creator_id"] as! String }

        let after = try plans(inWave3Of: workspace)
        for id in top {
            // Wave 3 offers a 150.00 fee and 12 %; creators already scaled into it have their own plan.
            let old = before[id] ?? "fee 150.00 EUR, commission 12%"
            let commission = try XCTUnwrap(Int(old.split(separator: " ").last { $0.hasSuffix("%") }?.dropLast() ?? ""))
            let expected = old.replacingOccurrences(of: "commission \(commission)%", with: "commission \(commission + 5)%")
            XCTAssertEqual(after[id], "own plan: " + expected.replacingOccurrences(of: "own plan: ", with: ""), id)
        }
        XCTAssertEqual(after.count, before.count + top.filter { before[$0] == nil }.count)
        XCTAssertEqual(after.filter { before[$0.key] != $0.value }.count, 3, "only the promoted three changed")
    }

    /// Each Wave 3 creator's plan as `chorus list creators --wave W3` shows it.
    private func plans(inWave3Of workspace: URL) throws -> [String: String] {
        let listed = try ChorusProcess.run(["list", "creators", "--wave", "W3", "--format", "json", "--workspace", workspace.path])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let creators = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: creators.map { ($0["id"] as! String, $0["plan"] as! String) })
    }
}
