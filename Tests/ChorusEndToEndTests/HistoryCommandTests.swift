import Foundation
import XCTest

/// `chorus history`: who did what when, across people and processes, kept through compactions.
final class HistoryCommandTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    private func run(_ arguments: [String], as person: String = "e2e") throws -> ChorusProcess.Result {
        let result = try ChorusProcess.run(arguments + ["--workspace", workspace.path], environment: ["CHORUS_USER": person])
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return result
    }

    private func records(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try run(["history", "--format", "json"] + arguments)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], result.stdout)
    }

    func testTheHistorySaysWhoDidWhatAndOutlivesACompaction() throws {
        let listed = try run(["list", "submissions", "--status", "pending", "--format", "csv"])
        let rows: [[Substring]] = listed.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let drafts: [String] = rows.filter { $0.count > 7 && $0[7] == "pass" }.map { String($0[0]) }
        XCTAssertGreaterThanOrEqual(drafts.count, 2)
        let approved = try run(["approve", drafts[0]], as: "maria")
        _ = try run(["reject", drafts[1], "--reason", "off brief"], as: "sam")
        _ = try run(["compact"], as: "sam")
        _ = try run(["approve", drafts[2]], as: "maria")

        let marias = try records(["--actor", "maria"])
        XCTAssertEqual(marias.map { $0["kind"] as? String }, ["approve", "approve"], "one from before the compaction, one after")
        XCTAssertEqual(marias.first?["summary"] as? String, approved.stdout.trimmingCharacters(in: CharacterSet.newlines),
                       "the summary the person was shown")
        XCTAssertEqual(try records(["--kind", "reject"]).map { $0["actor"] as? String }, ["sam"])
        XCTAssertEqual(try records(["--since", "2026-11-22"]).count, 0, "everything happened on the pinned day, 2026-11-21")
        XCTAssertEqual(try records(["--since", "2026-11-21"]).count, 3)

        let table = try run(["history"]).stdout
        XCTAssertTrue(table.contains("maria") && table.contains("sam") && table.hasSuffix("3 rows\n"), table)
        let wrong = try ChorusProcess.run(["history", "--since", "yesterday", "--workspace", workspace.path])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("--since \"yesterday\" is not a day (2026-11-21) or a time"), wrong.stderr)
    }
}
