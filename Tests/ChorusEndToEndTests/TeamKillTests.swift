import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation
import XCTest

/// Three writers append to one workspace at once, and are killed with SIGKILL at random —
/// mid-append, mid-catch-up, holding the append lock — and restarted, 200 times, with
/// compactions (one of them killed too) in between. Every acknowledged command is there,
/// none twice, and the workspace checks clean.
final class TeamKillTests: XCTestCase {
    private static let slots = 3
    private static let kills = 200

    func testTwoHundredKillsOfThreeWritersLoseNothingAndApplyNothingTwice() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path]).status, 0)
        let outputs = (0..<Self.slots).map { workspace.path + "-writer-\($0).txt" }
        defer { outputs.forEach { try? FileManager.default.removeItem(atPath: $0) } }

        func start(_ slot: Int) throws -> Spawn {
            let output = open(outputs[slot], O_WRONLY | O_CREAT | O_APPEND, 0o600)
            defer { close(output) }
            return try Spawn(ChorusProcess.binary.path, ["stress-append", "--workspace", workspace.path, "--sku", "TEAM-\(slot)",
                                                         "--count", "1000000"],
                             environment: ChorusProcess.environment(), stdout: output)
        }
        var writers = try (0..<Self.slots).map(start)
        var killed = [Int](repeating: 0, count: Self.slots)
        var generator = SystemRandomNumberGenerator()
        var compactions: [Int32] = []
        for round in 1...Self.kills {
            Thread.sleep(forTimeInterval: Double.random(in: 0.005...0.04, using: &generator))
            let slot = Int.random(in: 0..<Self.slots, using: &generator)
            kill(writers[slot].pid, SIGKILL)
            try writers[slot].wait()
            killed[slot] += 1
            writers[slot] = try start(slot)
            if round % 50 == 0 {  // a compaction beside the writers; every other one killed partway
                let compaction = try Spawn(ChorusProcess.binary.path, ["compact", "--workspace", workspace.path],
                                           environment: ChorusProcess.environment())
                if round % 100 == 0 {
                    Thread.sleep(forTimeInterval: Double.random(in: 0...0.05, using: &generator))
                    kill(compaction.pid, SIGKILL)
                }
                compactions.append(try compaction.wait())
            }
        }
        for writer in writers { kill(writer.pid, SIGKILL); try writer.wait() }
        killed = killed.map { $0 + 1 }

        let store = try WorkspaceStore.open(at: workspace, mode: .readOnly)
        XCTAssertEqual(WorkspaceCheck.problems(in: store.workspace), [])
        var summary: [String] = []
        for slot in 0..<Self.slots {
            let text = try String(contentsOfFile: outputs[slot], encoding: .utf8)
            let acknowledged = text.split(separator: "\n").filter { $0.hasPrefix("ack ") }.count
            let stock = store.workspace.sku(SKUID("TEAM-\(slot)"))?.stockOnHand ?? 0
            XCTAssertGreaterThanOrEqual(stock, acknowledged, "writer \(slot): an acknowledged command was lost")
            XCTAssertLessThanOrEqual(stock, acknowledged + killed[slot],
                                     "writer \(slot): more landed than acknowledged plus one in flight per kill: something applied twice")
            summary.append("writer \(slot): \(acknowledged) acknowledged, \(stock) landed, \(killed[slot]) kills")
        }
        // Every journal segment still on disk (the compactions rolled the journal).
        let segments = try FileManager.default.contentsOfDirectory(atPath: workspace.path).filter { $0.hasPrefix("journal") && $0.hasSuffix(".jsonl") }
        let journal = try segments.map { try String(contentsOfFile: workspace.path + "/" + $0, encoding: .utf8) }.joined()
        let ids = journal.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["commandID"] as? String
        }
        XCTAssertEqual(Set(ids).count, ids.count, "no command id twice in the journal")
        XCTAssertEqual(try ChorusProcess.run(["check", "--workspace", workspace.path]).status, 0)
        XCTAssertTrue(compactions.contains(0), "a compaction ran to completion beside the writers: \(compactions)")
        print("team kills: \(Self.kills) kills, compactions exited \(compactions); " + summary.joined(separator: "; "))
    }
}
