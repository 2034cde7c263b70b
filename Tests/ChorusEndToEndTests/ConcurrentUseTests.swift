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

    func testACLIImportWaitsForTheConsoleAndLandsOnce() throws {
        let console = try openConsole()
        try Self.bump(console)
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        let child = try Spawn(ChorusProcess.binary.path, ["import", "creators", creatorsFile.path, "--workspace", workspace.path],
                              environment: ChorusProcess.environment(["CHORUS_LOCK_WAIT": "20"]), stderr: ends[1])
        close(ends[1])
        defer { close(ends[0]) }
        // Once the import says it is waiting, the console makes one more change and closes.
        var stderr = ""
        var buffer = [UInt8](repeating: 0, count: 1024)
        while !stderr.contains("for it") {
            let count = read(ends[0], &buffer, buffer.count)
            guard count > 0 else { break }
            stderr += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        try Self.bump(console)
        console.close()
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            guard count > 0 else { break }
            stderr += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        XCTAssertEqual(try child.wait(), 0, stderr)
        XCTAssertTrue(stderr.contains("the workspace is in use by process \(getpid()) on "), stderr)
        XCTAssertTrue(stderr.contains("waiting up to 20 s for it"), stderr)

        let reopened = try WorkspaceStore.open(at: workspace, mode: .readOnly)
        XCTAssertEqual(reopened.workspace.sku(Self.sku)?.stockOnHand, 2, "both console commands, each once")
        XCTAssertEqual(reopened.workspace.creators.filter { $0.handle == "newbie" }.count, 1, "the import, once")
    }

    func testACLIImportGivesUpAfterItsWaitNamingTheHolder() throws {
        let console = try openConsole()
        defer { console.close() }
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
        defer { console.close() }
        let started = Date()
        let result = try ChorusProcess.run(["open", "--workspace", workspace.path], environment: ["CHORUS_LOCK_WAIT": "30"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("in use by process \(getpid()) on "), result.stderr)
        XCTAssertFalse(result.stderr.contains("waiting"), "a console does not wait: \(result.stderr)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 25, "refused without waiting out CHORUS_LOCK_WAIT")
    }
}
