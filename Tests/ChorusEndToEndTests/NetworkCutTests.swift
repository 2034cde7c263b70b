import Foundation
import XCTest

/// A colleague's machine loses its network for 12 seconds, and for 3 minutes, while its console
/// is open and a job on it appends to the workspace on the server; on the server's machine
/// another writer goes on. The machine is a network namespace joined to this one by a veth pair
/// (see `NetworkNamespace`), and the cut makes packets vanish, as a pulled cable or a dead Wi-Fi
/// does, rather than be refused.
///
/// Each cut proves: no acknowledged command is lost and none applied twice; the console keeps
/// answering keys and says `reconnecting…`; the other writer is never held up (a client cut off
/// mid-append never holds the workspace's head); and afterwards the console and the job
/// reconnect and catch up with what was done meanwhile.
final class NetworkCutTests: XCTestCase {
    func testATwelveSecondCutLosesNothingAndTheConsoleKeepsAnsweringAndCatchesUp() throws {
        try cutTheCable(for: 12)
    }

    func testAThreeMinuteCutLosesNothingAndTheConsoleKeepsAnsweringAndCatchesUp() throws {
        try cutTheCable(for: 180)
    }

    private func cutTheCable(for seconds: TimeInterval) throws {
        let environment = ProcessInfo.processInfo.environment
        let server = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_URL"], "CHORUS_TEST_POSTGRES_URL is not set: run the tests through .ci/postgres")
        let port = try XCTUnwrap(URLComponents(string: server)?.port)
        let machine = try NetworkNamespace()
        defer { machine.remove() }
        let testServer = try TestServer()
        try testServer.listen(alsoOn: machine.hostAddress)
        defer { try? testServer.listenAsStarted() }

        let name = "n_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        XCTAssertEqual(try ChorusProcess.run(["init", "--postgres", server, "--name", String(name), "--sample"]).status, 0)
        defer { _ = try? testServer.psql("DROP SCHEMA chorus_\(name) CASCADE; DROP ROLE chorus_\(name)_member") }
        let here = "\(server)?workspace=\(name)"
        // Over the cable, in plain text: the throwaway server has no certificate.
        let there = "postgresql://postgres@\(machine.hostAddress):\(port)/postgres?sslmode=disable&workspace=\(name)"

        let console = try TmuxSession(columns: 200, rows: 40, arguments: ["--workspace", there],
                                      environment: ["CHORUS_USER": "maria"], launcher: machine.launcher)
        try console.waitFor("connected to")
        let traffic = try Traffic(hostWriter: here, guestWriter: there, guest: machine)
        defer { traffic.stop() }
        try traffic.wait("both writers to append", timeout: 30) { traffic.acknowledged(.host) >= 20 && traffic.acknowledged(.guest) >= 20 }

        try machine.cut()
        let cutAt = Date()
        let cutEnds = cutAt.addingTimeInterval(seconds)
        var slowestKey = 0.0
        var keys = 0
        func pressKeys() throws {
            // Help opens and closes: the screen answers without the server.
            for (key, open) in [("?", true), ("Escape", false)] {
                let pressed = Date()
                try console.press(key)
                try traffic.wait("the help to \(open ? "open" : "close") on the cut-off console", timeout: 5) {
                    (try? console.screen()).map { $0.contains("Keys: Pipeline") == open } ?? false
                }
                slowestKey = max(slowestKey, Date().timeIntervalSince(pressed))
                keys += 1
            }
        }
        try pressKeys()
        try traffic.wait("the console to say reconnecting…", timeout: min(seconds - 1, 11)) {
            (try? console.screen())?.contains("reconnecting…") ?? false
        }
        let noticedAfter = Date().timeIntervalSince(cutAt)
        try pressKeys()
        try console.press(">")
        try traffic.wait("a key that writes to be kept as pending at once", timeout: 1.5) {
            (try? console.screen())?.contains("kept as pending until the server answers again") ?? false
        }
        // Done on the server's side while the console is cut off.
        let stock = try ChorusProcess.run(["stock", "KS-SER-030", "+2", "--reason", "count", "--workspace", here], environment: ["CHORUS_USER": "sam"])
        XCTAssertEqual(stock.status, 0, stock.stderr)
        while Date() < cutEnds {
            let next = min(cutEnds, Date().addingTimeInterval(5))
            try traffic.wait("the cut to go on", timeout: 10) { Date() >= next }
            if Date() < cutEnds { try pressKeys() }
        }
        try machine.mend()
        let mendedAt = Date()
        let guestBefore = traffic.acknowledged(.guest)
        try traffic.wait("the console to show what sam did during the cut", timeout: 30) {
            (try? console.screen())?.contains("sam added 2 of Kelp Barrier Serum 30 ml") ?? false
        }
        let caughtUpAfter = Date().timeIntervalSince(mendedAt)
        try traffic.wait("the job on the cut-off machine to append again", timeout: 40) { traffic.acknowledged(.guest) >= guestBefore + 20 }
        let hostStall = traffic.longestHostStall
        traffic.stop()

        let list = try ChorusProcess.run(["list", "products", "--format", "json", "--workspace", here])
        let products = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]], list.stderr)
        for writer in [Traffic.Writer.host, .guest] {
            let landed = products.first { $0["sku"] as? String == writer.sku }?["stock"] as? Int ?? 0
            let acknowledged = traffic.acknowledged(writer), ended = traffic.ended(writer)
            XCTAssertGreaterThanOrEqual(landed, acknowledged, "\(writer): an acknowledged command was lost")
            XCTAssertLessThanOrEqual(landed, acknowledged + ended, "\(writer): more landed than acknowledged plus one in flight per run that ended")
        }
        XCTAssertEqual(try testServer.psql("SELECT count(*) = max(seq) AND count(DISTINCT command_id) = count(*) FROM chorus_\(name).commands"), "t",
                       "gapless positions, no command id twice")
        XCTAssertEqual(try testServer.psql("SELECT count(*) FROM chorus_\(name).commands WHERE actor = 'sam'"), "1", "sam's change once")
        XCTAssertEqual(try testServer.psql("SELECT count(*) FROM chorus_\(name).commands WHERE actor = 'maria'"), "1",
                       "the change maria typed during the cut was sent once the link was back, and only once")
        XCTAssertLessThan(slowestKey, 1, "every key answered within a second during the cut")
        XCTAssertLessThan(hostStall, 2, "the writer on the server's side was never held up by the cut-off one")
        print(String(format: "network cut of %.0f s: the console said reconnecting… after %.1f s; %d keys, the slowest answered in %.2f s; "
                     + "caught up %.1f s after the link came back; the other writer's longest pause %.2f s; "
                     + "cut-off job: %d acknowledged over %d runs; server-side writer: %d acknowledged",
                     seconds, noticedAfter, keys, slowestKey, caughtUpAfter, hostStall,
                     traffic.acknowledged(.guest), traffic.ended(.guest), traffic.acknowledged(.host)))
    }
}

/// Two `stress-append` jobs, one on the server's machine and one on the cut-off machine, each
/// printing `ack N` once command N is durable. The cut-off one ends when its link fails and is
/// started again, as cron would; `wait` keeps both going while the test waits for something.
private final class Traffic {
    enum Writer: CustomStringConvertible {
        case host, guest
        var sku: String { self == .host ? "NET-HOST" : "NET-GUEST" }
        var description: String { self == .host ? "the writer on the server's side" : "the job on the cut-off machine" }
    }

    private let hostAddress: String, guestAddress: String
    private let guest: NetworkNamespace
    private let outputs: [Writer: String]
    private var running: [Writer: Spawn] = [:]
    private var ends: [Writer: Int] = [.host: 0, .guest: 0]
    private var lastHostCount = 0, lastHostMove = Date()
    private(set) var longestHostStall = 0.0

    init(hostWriter: String, guestWriter: String, guest: NetworkNamespace) throws {
        hostAddress = hostWriter
        guestAddress = guestWriter
        self.guest = guest
        let base = FileManager.default.temporaryDirectory.path + "/" + guest.name
        outputs = [.host: base + "-host.txt", .guest: base + "-guest.txt"]
        try start(.host)
        try start(.guest)
    }

    private func start(_ writer: Writer) throws {
        let output = open(outputs[writer]!, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        defer { close(output) }
        let arguments = ["stress-append", "--workspace", writer == .host ? hostAddress : guestAddress, "--sku", writer.sku,
                         "--count", "1000000", "--pause", "20"]
        let environment = ChorusProcess.environment(["CHORUS_USER": writer == .host ? "cron" : "warehouse"])
        running[writer] = writer == .host
            ? try Spawn(ChorusProcess.binary.path, arguments, environment: environment, stdout: output)
            : try Spawn(guest.launcher[0], Array(guest.launcher.dropFirst()) + [ChorusProcess.binary.path] + arguments,
                        environment: environment, stdout: output)
    }

    func acknowledged(_ writer: Writer) -> Int {
        ((try? String(contentsOfFile: outputs[writer]!, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.hasPrefix("ack ") }.count
    }

    /// How many runs of `writer` ended (each may have left one command landed but unacknowledged).
    func ended(_ writer: Writer) -> Int { ends[writer]! }

    /// Starts the cut-off job again when it ended, and times the other writer's pauses.
    private func tick() throws {
        if let job = running[.guest] {
            var status: Int32 = 0
            if waitpid(job.pid, &status, WNOHANG) == job.pid {
                ends[.guest]! += 1
                Thread.sleep(forTimeInterval: 0.5)
                try start(.guest)
            }
        }
        let count = acknowledged(.host)
        if count != lastHostCount { lastHostCount = count; lastHostMove = Date() }
        longestHostStall = max(longestHostStall, Date().timeIntervalSince(lastHostMove))
    }

    /// The condition is looked at once more after the deadline: a test process that was not
    /// scheduled for a while (a busy CI machine) must not fail a wait whose condition holds.
    func wait(_ what: String, timeout: TimeInterval, file: StaticString = #filePath, line: UInt = #line, until condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            try tick()
            if condition() { return }
            guard Date() < deadline else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out after \(Int(timeout)) s waiting for \(what)", file: file, line: line)
        throw TmuxSession.TimeoutError()
    }

    func stop() {
        for (writer, job) in running {
            kill(job.pid, SIGKILL)
            _ = try? job.wait()
            ends[writer]! += 1
        }
        running = [:]
    }

    deinit { outputs.values.forEach { try? FileManager.default.removeItem(atPath: $0) } }
}

/// The throwaway server that `.ci/postgres` started, restarted to listen on another address too.
private struct TestServer {
    let url: String, bin: String, data: String
    private let options: String

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        url = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_URL"], "set by .ci/postgres")
        bin = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_BIN"], "set by .ci/postgres")
        data = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_DATA"], "set by .ci/postgres")
        // Everything after the program, "-D" DATA included, so that postmaster.opts reads as it
        // did after each restart (ServerConsolesTests starts the server again from it).
        options = try String(contentsOfFile: data + "/postmaster.opts", encoding: .utf8)
            .split(separator: " ").dropFirst(1).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func listen(alsoOn address: String) throws {
        XCTAssertTrue(options.contains("\"-h\" \"127.0.0.1\""), options)
        try restart(options.replacingOccurrences(of: "\"-h\" \"127.0.0.1\"", with: "\"-h\" \"127.0.0.1,\(address)\""))
    }

    func listenAsStarted() throws { try restart(options) }

    private func restart(_ options: String) throws {
        let environment = ProcessInfo.processInfo.environment
        let command = (getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : [])
            + [bin + "/pg_ctl", "-D", data, "-w", "-m", "fast", "-o", options, "-l", data + "/../server.log", "restart"]
        let result = try Spawn.run(command[0], Array(command.dropFirst()), environment: environment, timeout: 60)
        XCTAssertEqual(result.status, 0, String(decoding: result.stderr, as: UTF8.self))
    }

    @discardableResult
    func psql(_ sql: String) throws -> String {
        let result = try Spawn.run(bin + "/psql", [url, "-tAc", sql], environment: ProcessInfo.processInfo.environment, timeout: 30)
        XCTAssertEqual(result.status, 0, String(decoding: result.stderr, as: UTF8.self))
        return String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
