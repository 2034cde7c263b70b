import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// A console keeps its workspace locked while open. This test process plays the console (it
/// holds the lock through the store) while real `chorus` children try to write: a CLI import
/// waits for the lock with a message and then lands exactly once, or gives up after its wait
/// naming the holder's pid; a second console is refused at once.
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

    /// The console's store, handed to the thread that closes it.
    private final class Console: @unchecked Sendable {
        let store: WorkspaceStore
        init(_ store: WorkspaceStore) { self.store = store }
    }

    private static let sku = SKUID("CONSOLE-1")
    private static let context = CommandContext(now: Timestamp(day: Day(year: 2026, month: 11, day: 21)!, hour: 10, minute: 0, second: 0),
                                                actor: "console")

    private func openConsole() throws -> Console {
        let store = try WorkspaceStore.open(at: workspace)
        try store.perform(.addSKUs([SKU(id: Self.sku, name: "Console unit", unitCost: .zero(store.workspace.program.currency), stockOnHand: 0)]),
                          context: Self.context)
        return Console(store)
    }

    private static func bump(_ console: Console) throws {
        try console.store.perform(.adjustStock(sku: Self.sku, delta: 1, reason: "console"), context: Self.context)
    }

    func testACLIImportWaitsForTheConsoleAndLandsOnce() throws {
        let console = try openConsole()
        try Self.bump(console)
        let finished = expectation(description: "the console closes")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.8) {
            try? Self.bump(console)
            console.store.close()
            finished.fulfill()
        }
        let result = try ChorusProcess.run(["import", "creators", creatorsFile.path, "--workspace", workspace.path],
                                           environment: ["CHORUS_LOCK_WAIT": "20"])
        wait(for: [finished], timeout: 10)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("the workspace is in use by process \(getpid()) on "), result.stderr)
        XCTAssertTrue(result.stderr.contains("waiting up to 20 s for it"), result.stderr)

        let reopened = try WorkspaceStore.open(at: workspace, mode: .readOnly)
        XCTAssertEqual(reopened.workspace.sku(Self.sku)?.stockOnHand, 2, "both console commands, each once")
        XCTAssertEqual(reopened.workspace.creators.filter { $0.handle == "newbie" }.count, 1, "the import, once")
    }

    func testACLIImportGivesUpAfterItsWaitNamingTheHolder() throws {
        let console = try openConsole()
        defer { console.store.close() }
        let before = try folderContents(workspace)
        let result = try ChorusProcess.run(["import", "creators", creatorsFile.path, "--workspace", workspace.path],
                                           environment: ["CHORUS_LOCK_WAIT": "0.5"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("in use by process \(getpid()) on "), result.stderr)
        XCTAssertTrue(result.stderr.contains("(waited 0.5 s); close that console or let its command finish, then try again"), result.stderr)
        XCTAssertEqual(try folderContents(workspace), before, "nothing was written beside the holder")
    }

    /// The same with a real console under tmux: an import while it is open is refused after
    /// its wait, naming the console's pid; after `q` the same import lands.
    func testAnImportWhileARealConsoleIsOpenLandsOnceTheConsoleQuits() throws {
        let console = try TmuxSession(columns: 100, rows: 30, arguments: ["open", "--workspace", workspace.path])
        try console.waitFor("Pipeline")
        let refused = try ChorusProcess.run(["import", "creators", creatorsFile.path, "--workspace", workspace.path],
                                            environment: ["CHORUS_LOCK_WAIT": "0.5"])
        XCTAssertEqual(refused.status, 1)
        let holder = try XCTUnwrap(refused.stderr.range(of: #"in use by process [0-9]+ on "#, options: .regularExpression), refused.stderr)
        XCTAssertFalse(refused.stderr[holder].contains("process \(getpid()) "), "the console holds it, not this test")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        let landed = try ChorusProcess.run(["import", "creators", creatorsFile.path, "--workspace", workspace.path])
        XCTAssertEqual(landed.status, 0, landed.stderr)
        XCTAssertEqual(try WorkspaceStore.open(at: workspace, mode: .readOnly).workspace.creators.filter { $0.handle == "newbie" }.count, 1)
    }

    func testASecondConsoleIsRefusedAtOnceWithTheHoldersPid() throws {
        let console = try openConsole()
        defer { console.store.close() }
        let started = Date()
        let result = try ChorusProcess.run(["open", "--workspace", workspace.path], environment: ["CHORUS_LOCK_WAIT": "30"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("in use by process \(getpid()) on "), result.stderr)
        XCTAssertFalse(result.stderr.contains("waiting"), "a console does not wait: \(result.stderr)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 25, "refused without waiting out CHORUS_LOCK_WAIT")
    }
}
