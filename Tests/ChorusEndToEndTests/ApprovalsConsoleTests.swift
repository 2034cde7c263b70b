import Foundation
import XCTest

/// An ops coordinator in the real console and at the command line: triage the demo's inbox
/// with one key per draft, and script the same decisions, which meet the same checks.
final class ApprovalsConsoleTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    func testApproveRequestChangesAndARefusedApprovalInTheDemoInbox() throws {
        // The demo's inbox, read the way a script would, to know what the screen will show.
        let preview = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: preview) }
        XCTAssertEqual(try ChorusProcess.run(["init", preview.path, "--sample"]).status, 0)
        let pending = try submissions(in: preview, "--status", "pending")
        XCTAssertGreaterThanOrEqual(pending.count, 10, "the demo has an inbox worth triaging")
        XCTAssertTrue(pending.contains { $0["overdue"] as? Bool == true }, "some drafts are overdue")
        let first = try XCTUnwrap(pending.first?["id"] as? String), second = try XCTUnwrap(pending.dropFirst().first?["id"] as? String)
        XCTAssertEqual(pending.prefix(2).map { $0["compliance"] as? String }, ["pass", "pass"], "the two oldest drafts pass their checks")
        let failing = try XCTUnwrap(pending.first { ($0["failedChecks"] as? [String])?.contains { $0.hasPrefix("ad disclosure missing") } == true }?["id"] as? String)

        let console = try TmuxSession(columns: 120, rows: 40, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("sort: stage")
        try console.press("3")
        try console.waitFor("Approvals · \(pending.count) pending")
        try console.press("a")
        try console.waitFor("approved \(first)")
        try console.press("c")
        try console.waitFor("Request changes on \(second)")
        try console.type("Please open with the product in frame")
        try console.press("Enter")
        try console.waitFor("changes requested on \(second)")
        try console.press("/")
        try console.type(failing)
        try console.press("Enter", "a")
        try console.waitFor("not approved: \(failing) ad disclosure missing")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        let after = Dictionary(uniqueKeysWithValues: try submissions(in: workspace).map { ($0["id"] as! String, $0) })
        XCTAssertEqual(after[first]?["status"] as? String, "approved")
        XCTAssertEqual(after[second]?["status"] as? String, "changesRequested")
        XCTAssertEqual(after[second]?["lastNote"] as? String, "Please open with the product in frame")
        XCTAssertEqual(after[failing]?["status"] as? String, "pending", "the undisclosed draft was not let through")
    }

    func testScriptedDecisionsMeetTheSameChecksAndUnknownIdsFail() throws {
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        let pending = try submissions(in: workspace, "--status", "pending")
        let failing = try XCTUnwrap(pending.first { $0["compliance"] as? String == "fail" }?["id"] as? String)
        let passing = try XCTUnwrap(pending.first { $0["compliance"] as? String == "pass" }?["id"] as? String)

        let refused = try ChorusProcess.run(["approve", passing, failing, "-w", workspace.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("submission \(failing) by @"), refused.stderr)
        XCTAssertEqual(try submissions(in: workspace, "--status", "pending").count, pending.count, "a refused batch approves nothing")

        let unknown = try ChorusProcess.run(["reject", "SU-9999", "--reason", "spam", "-w", workspace.path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "chorus: submission SU-9999 does not exist\n")

        XCTAssertEqual(try ChorusProcess.run(["approve", passing, "-w", workspace.path]).stdout, "approved 1 submission\n")
        let override = try ChorusProcess.run(["approve", failing, "--override", "disclosed by the platform label", "-w", workspace.path])
        XCTAssertEqual(override.stdout, "approved \(failing) with override\n", override.stderr)
        let decided = try submissions(in: workspace, "--status", "approved")
        let record = try XCTUnwrap(decided.first { $0["id"] as? String == failing }?["lastDecision"] as? [String: Any])
        XCTAssertEqual(record["action"] as? String, "approvedWithOverride")
        XCTAssertEqual(record["by"] as? String, "e2e")
        XCTAssertEqual(record["at"] as? String, ChorusProcess.pinnedNow)
        XCTAssertEqual(record["note"] as? String, "disclosed by the platform label")
        // The waiver stays visible: in the list of drafts and on the asset the approval made.
        XCTAssertEqual(decided.first { $0["id"] as? String == failing }?["waived"] as? Bool, true)
        XCTAssertEqual(decided.first { $0["id"] as? String == passing }?["waived"] as? Bool, false)
        let table = try ChorusProcess.run(["list", "submissions", "--status", "approved", "-w", workspace.path]).stdout
        XCTAssertTrue(table.split(separator: "\n").contains { $0.hasPrefix(failing) && $0.contains("WAIVED: ") }, table)
        let assets = try ChorusProcess.run(["list", "assets", "--format", "json", "-w", workspace.path])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(assets.stdout.utf8)) as? [[String: Any]])
        let waivedAssets = rows.filter { ($0["overrideReason"] as? String) == "disclosed by the platform label" }
        XCTAssertEqual(waivedAssets.count, 1)
        XCTAssertEqual(waivedAssets.first?["waivedChecks"] as? [String], record["overriddenChecks"] as? [String])

        let posted = try ChorusProcess.run(["record-post", passing, "--url", "https://instagram.com/p/abc", "-w", workspace.path])
        XCTAssertEqual(posted.stdout, "recorded the post for \(passing)\n", posted.stderr)
        let creator = try XCTUnwrap(pending.first { $0["id"] as? String == passing }?["creatorId"] as? String)
        let wave = try XCTUnwrap(pending.first { $0["id"] as? String == passing }?["wave"] as? String)
        let listed = try ChorusProcess.run(["list", "creators", "--wave", wave, "--format", "json", "-w", workspace.path])
        let creators = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(creators.first { $0["id"] as? String == creator }?["stage"] as? String, "posted", "the pipeline follows the post")

        let overdue = try submissions(in: workspace, "--status", "pending", "--overdue")
        XCTAssertFalse(overdue.isEmpty)
        XCTAssertTrue(overdue.allSatisfy { $0["overdue"] as? Bool == true && ($0["ageBusinessDays"] as? Int ?? 0) > 3 })
    }

    func testAResubmissionComesBackAsTheNextRoundWithItsDiff() throws {
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        let id = try XCTUnwrap(try submissions(in: workspace, "--status", "pending").first?["id"] as? String)
        XCTAssertEqual(try ChorusProcess.run(["request-changes", id, "--note", "open with #ad", "-w", workspace.path]).status, 0)
        let recorded = try ChorusProcess.run(["resubmit", id, "--caption", "#ad Round two @kelpieskin", "-w", workspace.path])
        XCTAssertEqual(recorded.stdout, "recorded round 2 of \(id)\n", recorded.stderr)
        let row = try XCTUnwrap(try submissions(in: workspace, "--status", "pending").first { $0["id"] as? String == id })
        XCTAssertEqual(row["round"] as? Int, 2)
        XCTAssertTrue((row["captionDiff"] as? String)?.hasPrefix("{+#ad+} {+Round+} {+two+}") == true, "\(row["captionDiff"] ?? "")")
    }

    func testImportedDraftsJoinTheInboxAndABadRowNamesFileLineAndColumnAndAppliesNothing() throws {
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        let before = try submissions(in: workspace).count
        let handle = try XCTUnwrap(try submissions(in: workspace, "--status", "pending").first?["handle"] as? String)
        let file = try ChorusProcess.temporaryFolder().appendingPathExtension("csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let header = "handle,wave,platform,format,caption,asset_urls,submitted_at\n"
        let good = "@\(handle),W2,instagram,carousel,#ad Three looks @kelpieskin,drafts/a.jpg;drafts/b.jpg,2026-11-20T14:30:00Z\n"
        try (header + good + "\(handle),W2,instagram,reel,#ad hi,,20/11/2026\n" + "nobody.here,W2,instagram,reel,#ad,,2026-11-20\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let strict = try ChorusProcess.run(["import", "submissions", file.path, "-w", workspace.path])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("\(file.lastPathComponent), line 3, column 7 (submitted_at): '20/11/2026' is not a time like"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("\(file.lastPathComponent), line 4, column 1 (handle): no creator @nobody.here"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("nothing was applied"), strict.stderr)
        XCTAssertEqual(try submissions(in: workspace).count, before)

        try (header + good).write(to: file, atomically: true, encoding: .utf8)
        let imported = try ChorusProcess.run(["import", "submissions", file.path, "-w", workspace.path])
        XCTAssertEqual(imported.stdout, "added 1 submission\n", imported.stderr)
        let row = try XCTUnwrap(try submissions(in: workspace, "--status", "pending").first { $0["caption"] as? String == "#ad Three looks @kelpieskin" })
        XCTAssertEqual(row["handle"] as? String, handle)
        XCTAssertEqual(row["submittedAt"] as? String, "2026-11-20T14:30:00Z")
    }

    /// Submissions as `chorus list submissions --format json` prints them, in its order.
    private func submissions(in workspace: URL, _ options: String...) throws -> [[String: Any]] {
        let result = try ChorusProcess.run(["list", "submissions", "--format", "json", "--workspace", workspace.path] + options)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }
}
