import Foundation
import XCTest

/// `chorus outbox build --write` records the drafts before it writes their files: a refused
/// build leaves no file the workspace does not know about, and a build whose writing fails
/// after recording says so, and running it again writes the very same files.
final class OutboxRecordThenWriteTests: XCTestCase {
    var workspace: URL!
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/outbox")
    let nudge = ["outbox", "build", "--kind", "nudge-1", "--wave", "W2", "--creator", "@yui_coast56", "--write"]
    var folder: URL { workspace.appendingPathComponent("outbox/2026-11-21-nudge-1") }

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", "--sample", workspace.path]).status, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: workspace) }

    private func chorus(_ arguments: [String], as person: String = "maria") throws -> ChorusProcess.Result {
        try ChorusProcess.run(arguments + ["--workspace", workspace.path], environment: ["CHORUS_USER": person])
    }

    func testABuildTheRolesRefuseWritesNoFiles() throws {
        XCTAssertEqual(try chorus(["people", "add", "sam", "--role", "seeding"], as: "lena").status, 0)
        let refused = try chorus(nudge, as: "sam")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "chorus: sam is seeding; drafting messages needs the ops role\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("outbox").path),
                       "no .eml file the workspace has no draft for")
    }

    func testAFailedWriteIsRecordedAndWrittenByRunningTheBuildAgain() throws {
        // Something already sits where the day's folder goes, so the files cannot be written.
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: folder)
        let failed = try chorus(nudge)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(failed.stderr, "chorus: drafted 1 nudge 1 message for Wave 2 — Summer SPF, but the files could not be written: "
                       + "\(folder.path): File exists; run the same command again to write them\n")
        XCTAssertTrue(try chorus(["history", "--kind", "draftMessages"]).stdout.contains("maria"), "the drafts are recorded")

        try FileManager.default.removeItem(at: folder)
        let again = try chorus(nudge)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("skipped: "), "the draft is not recorded twice: \(again.stdout)")
        XCTAssertTrue(again.stdout.hasSuffix("wrote the 1 .eml file recorded earlier today again; written to \(folder.path)\n"), again.stdout)
        for (written, expected) in [("yui_coast56.eml", "nudge-1.eml"), ("klaviyo.csv", "nudge-1.csv")] {
            XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(written), encoding: .utf8),
                           try String(contentsOf: golden.appendingPathComponent(expected), encoding: .utf8),
                           "the same file a build that could write at once writes")
        }
        XCTAssertTrue(try chorus(nudge).stdout.hasSuffix("nothing to write\n"), "once written, a third run has nothing to do")
    }
}
