import Foundation
import XCTest

/// Three writers on a workspace on the PostgreSQL server, killed with SIGKILL at random —
/// mid-append among other moments — and restarted: every acknowledged command is on the server,
/// none twice, the positions are gapless, and after each kill another writer goes on appending
/// within 1.5 s (a dead client never holds the workspace's head).
final class ServerKillTests: XCTestCase {
    private static let slots = 3
    private static let kills = 40

    private func psql(_ url: String, _ sql: String) throws -> String {
        let bin = try XCTUnwrap(ProcessInfo.processInfo.environment["CHORUS_TEST_POSTGRES_BIN"], "set by .ci/postgres")
        let result = try Spawn.run(bin + "/psql", [url, "-tAc", sql], environment: ProcessInfo.processInfo.environment, timeout: 30)
        XCTAssertEqual(result.status, 0, String(decoding: result.stderr, as: UTF8.self))
        return String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testKilledWritersLoseNothingApplyNothingTwiceAndNeverHoldTheOthersUp() throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CHORUS_TEST_POSTGRES_URL"],
                                   "CHORUS_TEST_POSTGRES_URL is not set: run the tests through .ci/postgres")
        let name = "k_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let address = "\(server)?workspace=\(name)"
        XCTAssertEqual(try ChorusProcess.run(["init", "--postgres", server, "--name", String(name)]).status, 0)
        defer { _ = try? ServerWorkspaceRemoval.remove(name, from: server) }
        let outputs = (0..<Self.slots).map { FileManager.default.temporaryDirectory.path + "/\(name)-writer-\($0).txt" }
        defer { outputs.forEach { try? FileManager.default.removeItem(atPath: $0) } }

        func start(_ slot: Int) throws -> Spawn {
            let output = open(outputs[slot], O_WRONLY | O_CREAT | O_APPEND, 0o600)
            defer { close(output) }
            return try Spawn(ChorusProcess.binary.path, ["stress-append", "--workspace", address, "--sku", "TEAM-\(slot)", "--count", "1000000"],
                             environment: ChorusProcess.environment(), stdout: output)
        }
        func acknowledged(_ slot: Int) -> Int {
            ((try? String(contentsOfFile: outputs[slot], encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.hasPrefix("ack ") }.count
        }
        var writers = try (0..<Self.slots).map(start)
        var killed = [Int](repeating: 0, count: Self.slots)
        var waits: [Double] = []
        for _ in 1...Self.kills {
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.3))
            let slot = Int.random(in: 0..<Self.slots)
            kill(writers[slot].pid, SIGKILL)
            _ = try writers[slot].wait()
            killed[slot] += 1
            // Another writer appends again soon: the dead one holds nothing on the server.
            let others = (0..<Self.slots).filter { $0 != slot }
            let before = others.map(acknowledged)
            let killedAt = Date()
            while others.map(acknowledged) == before, Date().timeIntervalSince(killedAt) < 5 { Thread.sleep(forTimeInterval: 0.01) }
            waits.append(Date().timeIntervalSince(killedAt))
            writers[slot] = try start(slot)
        }
        for writer in writers { kill(writer.pid, SIGKILL); _ = try writer.wait() }
        killed = killed.map { $0 + 1 }

        let list = try ChorusProcess.run(["list", "products", "--format", "json", "--workspace", address])
        let products = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]], list.stderr)
        var summary: [String] = []
        for slot in 0..<Self.slots {
            let stock = products.first { $0["sku"] as? String == "TEAM-\(slot)" }?["stock"] as? Int ?? 0
            let acked = acknowledged(slot)
            XCTAssertGreaterThanOrEqual(stock, acked, "writer \(slot): an acknowledged command was lost")
            XCTAssertLessThanOrEqual(stock, acked + killed[slot], "writer \(slot): more landed than acknowledged plus one in flight per kill")
            summary.append("writer \(slot): \(acked) acknowledged, \(stock) landed, \(killed[slot]) kills")
        }
        XCTAssertEqual(try psql(server, "SELECT count(*) = max(seq) AND count(DISTINCT command_id) = count(*) FROM chorus_\(name).commands"), "t",
                       "gapless positions, no command id twice")
        XCTAssertLessThan(waits.max() ?? 0, 1.5, "after a kill, another writer appended within 1.5 s: \(waits)")
        print("server kills: \(Self.kills) kills; " + summary.joined(separator: "; ")
              + String(format: "; longest wait after a kill %.2f s", waits.max() ?? 0))
    }

    /// A writer killed while it waits for the head lock that another session holds: the server
    /// notices within a second that nobody is there, and its command never lands for nobody.
    func testAWriterKilledWhileWaitingForTheHeadLockIsDroppedByTheServer() throws {
        let server = try XCTUnwrap(ProcessInfo.processInfo.environment["CHORUS_TEST_POSTGRES_URL"],
                                   "CHORUS_TEST_POSTGRES_URL is not set: run the tests through .ci/postgres")
        let bin = try XCTUnwrap(ProcessInfo.processInfo.environment["CHORUS_TEST_POSTGRES_BIN"])
        let name = "w_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let address = "\(server)?workspace=\(name)"
        XCTAssertEqual(try ChorusProcess.run(["init", "--postgres", server, "--name", String(name), "--sample"]).status, 0)
        defer { _ = try? ServerWorkspaceRemoval.remove(name, from: server) }

        // Someone holds the head row for 4 s (a session outside Chorus, as an admin might).
        let holder = try Spawn(bin + "/psql", [server, "-qc", "BEGIN; SELECT 1 FROM chorus_\(name).workspace FOR UPDATE; SELECT pg_sleep(4); ROLLBACK;"],
                               environment: ProcessInfo.processInfo.environment)
        Thread.sleep(forTimeInterval: 0.5)
        let writer = try Spawn(ChorusProcess.binary.path, ["stock", "KS-SER-030", "+5", "--reason", "killed", "--workspace", address],
                               environment: ChorusProcess.environment())
        let waiting = Date().addingTimeInterval(10)
        while try psql(server, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%append_command%'") != "1",
              Date() < waiting { Thread.sleep(forTimeInterval: 0.05) }
        kill(writer.pid, SIGKILL)
        _ = try writer.wait()
        let killedAt = Date()
        while try psql(server, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%append_command%' AND pid <> pg_backend_pid()") != "0",
              Date().timeIntervalSince(killedAt) < 5 { Thread.sleep(forTimeInterval: 0.05) }
        let dropped = Date().timeIntervalSince(killedAt)
        XCTAssertLessThan(dropped, 2, "the server ended the dead writer's statement while it waited")
        XCTAssertEqual(try holder.wait(), 0)
        XCTAssertEqual(try psql(server, "SELECT count(*) FROM chorus_\(name).commands"), "0", "the dead writer's command did not land after the lock was free")
        print(String(format: "a writer killed while waiting for the head lock: dropped by the server after %.2f s", dropped))
    }
}
