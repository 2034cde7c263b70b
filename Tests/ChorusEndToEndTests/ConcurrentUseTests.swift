import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// Consoles and CLI commands share a workspace: this test process plays a console (a store
/// kept open) while real `chorus` children write beside it. A CLI import lands at once and
/// exactly once, the console's next command builds on it, and a second console opens. Only an
/// append in progress is waited for, up to `CHORUS_LOCK_WAIT`, naming the writer.
final class ConcurrentUseTests: XCTestCase {
    private var workspace: URL!
    private var creatorsFile: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path]).status, 0)
        creatorsFile = workspace.appendingPathExtension("creators.csv")
        try "handle,name\nnewbie,New Person\n".write(to: creatorsFile, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: creatorsFile)
    }

    private static let sku = SKUID("CONSOLE-1")
    private static let context = CommandContext(now: Timestamp(day: Day(year: 2026, month: 11, day: 21)!, hour: 10, minute: 0, second: 0),
                                                actor: "console")

    /// The store this test holds as a console would.
    private func openConsole() throws -> WorkspaceStore {
        let store = try WorkspaceStore.open(at: workspace)
        try store.perform(.addSKUs([SKU(id: Self.sku, name: "Console unit", unitCost: .zero(store.workspace.program.currency), stockOnHand: 0)]),
                          context: Self.context)
        return store
    }

    private static func bump(_ console: WorkspaceStore) throws {
        try console.perform(.adjustStock(sku: Self.sku, delta: 1, reason: "console"), context: Self.context)
    }

    func testACLIImportLandsBesideAnOpenConsoleAndTheConsoleBuildsOnIt() throws {
        let console = try openConsole()
        defer { console.close() }
        try Self.bump(console)
        let started = Date()
        let result = try ChorusProcess.run(["import", "creators", creatorsFile.path, "--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("waiting"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 8, "no waiting for the console to close")
        try Self.bump(console)
        XCTAssertEqual(console.workspace.creators.filter { $0.handle == "newbie" }.count, 1, "the console caught up before its command")

        let reopened = try WorkspaceStore.open(at: workspace, mode: .readOnly)
        XCTAssertEqual(reopened.workspace.sku(Self.sku)?.stockOnHand, 2, "both console commands, each once")
        XCTAssertEqual(reopened.workspace.creators.filter { $0.handle == "newbie" }.count, 1, "the import, once")
        XCTAssertEqual(reopened.workspace, console.workspace, "a fresh process sees what the console sees")
    }

    /// An append in progress (here: this process holding `append.lock`) is waited for, up to
    /// `CHORUS_LOCK_WAIT`, and then the write gives up naming the writer and changing nothing.
    func testACLIWriteWaitsForAnAppendInProgressThenGivesUpNamingTheWriter() throws {
        let fd = open(workspace.path + "/append.lock", O_RDWR | O_CREAT, 0o600)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        XCTAssertEqual(ftruncate(fd, 0), 0, "an earlier writer's longer pid must not trail this one")
        _ = "\(getpid())\n".withCString { write(fd, $0, strlen($0)) }
        defer { close(fd) }
        let before = try folderContents(workspace).filter { $0.key != "append.lock" }
        let result = try ChorusProcess.run(["import", "creators", creatorsFile.path, "--workspace", workspace.path],
                                           environment: ["CHORUS_LOCK_WAIT": "0.5"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("process \(getpid()) has been writing to the journal for over 0.5 s; nothing was changed"),
                      result.stderr)
        XCTAssertEqual(try folderContents(workspace).filter { $0.key != "append.lock" }, before, "nothing was written")
    }

    /// The same with a real console under tmux: an import while it is open lands at once, and
    /// a second console opens beside the first.
    func testAnImportAndASecondConsoleWorkWhileARealConsoleIsOpen() throws {
        let console = try TmuxSession(columns: 100, rows: 30, arguments: ["open", "--workspace", workspace.path])
        try console.waitFor("Pipeline")
        let landed = try ChorusProcess.run(["import", "creators", creatorsFile.path, "--workspace", workspace.path])
        XCTAssertEqual(landed.status, 0, landed.stderr)
        let second = try TmuxSession(columns: 100, rows: 30, arguments: ["open", "--workspace", workspace.path])
        try second.waitFor("Pipeline")
        try second.press("q")
        XCTAssertEqual(try second.waitForExit(), 0)
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
        XCTAssertEqual(try WorkspaceStore.open(at: workspace, mode: .readOnly).workspace.creators.filter { $0.handle == "newbie" }.count, 1)
    }

    /// `chorus approve` while a console has the sample open: it lands at once, and the
    /// console's next command catches up with it.
    func testChorusApproveWorksWhileAConsoleIsOpen() throws {
        let sample = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: sample) }
        XCTAssertEqual(try ChorusProcess.run(["init", sample.path, "--sample"]).status, 0)
        let listed = try ChorusProcess.run(["list", "submissions", "--status", "pending", "--format", "csv", "--workspace", sample.path])
        let rows = listed.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let draft = try XCTUnwrap(rows.first { $0.count > 7 && $0[7] == "pass" }.map { String($0[0]) })
        let console = try WorkspaceStore.open(at: sample)
        defer { console.close() }

        let approved = try ChorusProcess.run(["approve", draft, "--workspace", sample.path])
        XCTAssertEqual(approved.status, 0, approved.stderr)
        try console.catchUp()
        XCTAssertEqual(console.workspace.submission(SubmissionID(draft))?.status, .approved)
        XCTAssertEqual(try WorkspaceStore.open(at: sample, mode: .readOnly).workspace, console.workspace)
    }
}
