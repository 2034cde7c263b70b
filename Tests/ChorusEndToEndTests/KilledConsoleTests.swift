import ChorusStore
import Foundation
import XCTest

/// A coordinator's terminal dies mid-triage: the window is closed (SIGHUP) or the console is
/// killed outright (SIGKILL). What they did before is in the workspace, the lock is free for
/// the next console or import, and `chorus check` passes.
final class KilledConsoleTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    private func invited() throws -> Int {
        let result = try ChorusProcess.run(["list", "creators", "--wave", "W2", "--status", "invited", "--format", "json", "--workspace", workspace.path])
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]).count
    }

    /// Opens the console, moves the first prospect to invited, and returns the console's pid
    /// as `append.lock` names it (the last process to append writes its pid there).
    private func consoleAfterOneChange() throws -> (TmuxSession, pid_t) {
        let console = try TmuxSession(columns: 120, rows: 40, arguments: ["open", "--workspace", workspace.path])
        try console.waitFor("sort: stage")
        try console.press(">")
        try console.waitFor("prospect 3  invited 8")  // the stage counts after the move
        let lock = try String(contentsOf: workspace.appendingPathComponent("append.lock"), encoding: .utf8)
        let pid = try XCTUnwrap(Int(lock.trimmingCharacters(in: .whitespacesAndNewlines)), lock)
        return (console, pid_t(pid))
    }

    private func assertNothingLost(invitedBefore: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try invited(), invitedBefore + 1, "the change made before the kill is there", file: file, line: line)
        let check = try ChorusProcess.run(["check", "--workspace", workspace.path])
        XCTAssertEqual(check.status, 0, check.stderr, file: file, line: line)
        // The dead console's share of the lock is gone at once: maintenance can take it alone.
        try WorkspaceStore.lockForMaintenance(at: workspace.path).release()
    }

    private func waitUntilGone(_ pid: pid_t) {
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    func testAConsoleKilledWithSIGKILLLosesNothing() throws {
        let before = try invited()
        let (console, pid) = try consoleAfterOneChange()
        try withExtendedLifetime(console) {  // the tmux session must not hang up on it first
            kill(pid, SIGKILL)
            waitUntilGone(pid)
            XCTAssertNotEqual(kill(pid, 0), 0, "the console is gone")
            try assertNothingLost(invitedBefore: before)
        }
    }

    func testAConsoleWhoseTerminalIsClosedLosesNothing() throws {
        let before = try invited()
        let (console, pid) = try consoleAfterOneChange()
        try withExtendedLifetime(console) {
            kill(pid, SIGHUP)  // what closing the terminal window sends
            waitUntilGone(pid)
            XCTAssertNotEqual(kill(pid, 0), 0, "the console exits on hang-up")
            try assertNothingLost(invitedBefore: before)
        }
    }
}
