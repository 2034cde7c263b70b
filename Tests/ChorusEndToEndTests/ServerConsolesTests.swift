import Foundation
import XCTest

/// Two people at separate machines with consoles open on one workspace on a PostgreSQL
/// server, and a cron job beside them: each console shows the others' work within about a
/// second, and when the server restarts the consoles say they are reconnecting, then catch up
/// with what was done meanwhile.
final class ServerConsolesTests: XCTestCase {
    private var server = ""
    private var address = ""
    private var workspaceName = ""

    override func setUpWithError() throws {
        guard let url = ProcessInfo.processInfo.environment["CHORUS_TEST_POSTGRES_URL"], !url.isEmpty else {
            XCTFail("CHORUS_TEST_POSTGRES_URL is not set: run the tests through .ci/postgres, which starts a throwaway server")
            throw CocoaError(.featureUnsupported)
        }
        server = url
        workspaceName = "e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        address = "\(url)?workspace=\(workspaceName)"
        let created = try ChorusProcess.run(["init", "--postgres", url, "--name", workspaceName, "--sample"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("chorus --workspace '\(address)'"), created.stdout)
    }

    override func tearDownWithError() throws {
        guard !workspaceName.isEmpty else { return }
        XCTAssertEqual(try ServerWorkspaceRemoval.remove(workspaceName, from: server), [], "the workspace's roles are gone with it")
    }

    /// Tmux is polled, so "within a second" is checked with a little room for the polling.
    private static let live: TimeInterval = 1.5

    private func console(_ person: String) throws -> TmuxSession {
        let console = try TmuxSession(columns: 200, rows: 40, arguments: ["--workspace", address], environment: ["CHORUS_USER": person])
        try console.waitFor("connected to \(server)")
        return console
    }

    private func stock(_ change: String, by person: String) throws {
        let result = try ChorusProcess.run(["stock", "KS-SER-030", change, "--reason", "count", "--workspace", address],
                                           environment: ["CHORUS_USER": person])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testTwoConsolesAndTheCronJobSeeEachOthersWorkThroughTheServer() throws {
        let maria = try console("maria"), sam = try console("sam")
        try maria.press(">")
        try sam.waitFor("maria moved 1 creator to invited", timeout: Self.live)
        try stock("+3", by: "cron")
        try maria.waitFor("cron added 3 of Kelp Barrier Serum 30 ml", timeout: Self.live)
        try sam.waitFor("cron added 3 of Kelp Barrier Serum 30 ml", timeout: Self.live)
        let history = try ChorusProcess.run(["history", "--workspace", address, "--format", "json"])
        XCTAssertEqual(history.stdout.components(separatedBy: "\"actor\"").count - 1, 2, "each change once: \(history.stdout)")
    }

    /// Runs `pg_ctl` on the test server: as its owner, the postgres user, when the tests run as
    /// root (initdb refuses root).
    private func serverControl(_ arguments: [String]) throws {
        let environment = ProcessInfo.processInfo.environment
        let bin = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_BIN"], "set by .ci/postgres")
        let data = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_DATA"], "set by .ci/postgres")
        let command = (getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + [bin + "/pg_ctl", "-D", data, "-w"] + arguments
        let result = try Spawn.run(command[0], Array(command.dropFirst()), environment: environment, timeout: 60)
        XCTAssertEqual(result.status, 0, String(decoding: result.stderr, as: UTF8.self))
    }

    func testARestartOfTheServerShowsReconnectingAndTheConsoleCatchesUp() throws {
        let maria = try console("maria")
        try serverControl(["-m", "fast", "restart"])
        // `pg_ctl -w` returns once the server is back, and by then the console may have said
        // `reconnecting…` and be back already: the bare `connected`, which only a reconnection
        // says (the first connection says `connected to` the server).
        try maria.waitUntil("the screen to show “reconnecting…”, or “connected” again after it", timeout: 5) { screen in
            screen.contains("reconnecting…") || screen.split(separator: "\n").contains { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("connected") && !line.contains("connected to")
            }
        }
        try stock("+2", by: "sam")  // made while maria's console is still reconnecting, or just after
        try maria.waitFor("sam added 2 of Kelp Barrier Serum 30 ml", timeout: 15)
        try maria.press("q")
        XCTAssertEqual(try maria.waitForExit(), 0)
    }

    func testWhileTheServerIsDownAKeyThatWritesIsKeptPendingAndSentOnceWhenItIsBack() throws {
        let maria = try console("maria")
        let data = try XCTUnwrap(ProcessInfo.processInfo.environment["CHORUS_TEST_POSTGRES_DATA"])
        // Started again later with the options it was started with (its port and socket folder).
        let options = try String(contentsOfFile: data + "/postmaster.opts", encoding: .utf8)
            .split(separator: " ").dropFirst(3).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        try serverControl(["-m", "fast", "stop"])
        var stopped = true
        defer { if stopped { try? serverControl(["-o", options, "-l", data + "/../server.log", "start"]) } }
        try maria.waitFor("reconnecting…", timeout: 5)
        let pressed = Date()
        try maria.press(">")
        try maria.waitFor("kept as pending until the server answers again; it is done then", timeout: 1.5)
        XCTAssertLessThan(Date().timeIntervalSince(pressed), 1.5, "the screen answered at once")
        try serverControl(["-o", options, "-l", data + "/../server.log", "start"])
        stopped = false
        try maria.waitFor("moved 1 creator to invited", timeout: 15)
        let history = try ChorusProcess.run(["history", "--workspace", address, "--format", "json"])
        XCTAssertEqual(history.stdout.components(separatedBy: "\"actor\"").count - 1, 1, "the key kept pending was sent once: \(history.stdout)")
    }
}
