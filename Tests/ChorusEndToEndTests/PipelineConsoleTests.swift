import Foundation
import XCTest

/// A coordinator in the real console: open the demo, move a creator a stage with keys, quit,
/// and find the change saved, as a script reading `chorus list` would.
final class PipelineConsoleTests: XCTestCase {
    func testMovingAProspectToInvitedIsSavedWhenTheConsoleQuits() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: 120, rows: 40, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("sort: stage")
        let prospectsBefore = try handles(in: workspace, stage: "prospect")
        XCTAssertFalse(prospectsBefore.isEmpty)

        // The first row is the first prospect; the detail panel names whoever is under the cursor.
        try console.press(">")
        try console.waitFor("moved 1 creator to invited")
        try console.resize(columns: 80, rows: 24)
        try console.waitFor("Pipeline")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        let prospectsAfter = try handles(in: workspace, stage: "prospect")
        let moved = prospectsBefore.subtracting(prospectsAfter)
        XCTAssertEqual(moved.count, 1, "exactly one prospect moved")
        XCTAssertTrue(try handles(in: workspace, stage: "invited").isSuperset(of: moved), "and it is now invited")
    }

    func testATooSmallTerminalSaysSoAndStillQuits() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: 50, rows: 12, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("50×12")
        try console.resize(columns: 100, rows: 30)
        try console.waitFor("sort: stage")
        try console.resize(columns: 40, rows: 10)
        try console.waitFor("40×10")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }

    private func handles(in workspace: URL, stage: String) throws -> Set<String> {
        let result = try ChorusProcess.run(["list", "creators", "--wave", "W2", "--status", stage, "--format", "json", "--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return Set(rows.compactMap { $0["handle"] as? String })
    }
}
