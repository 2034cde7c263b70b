import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation
import XCTest

/// A coordinator's terminal can die at any moment. These tests kill a real `chorus` process
/// with SIGKILL while it applies a stream of commands, and check that the reopened workspace
/// holds every command it acknowledged: the journal is fsynced before the acknowledgement.
final class CrashRecoveryTests: XCTestCase {
    /// At least 100 kills per run (`CHORUS_KILLS` to change), each round cheap: every round
    /// reopens and validates in-process, and the `chorus check` binary runs every tenth round. The child compacts
    /// every 10 commands, so kills also land mid-compaction. A wall-time ceiling ends the loop
    /// early on a very slow machine rather than holding CI hostage; the count is printed.
    func testKilledMidStreamLosesNoAcknowledgedCommand() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path]).status, 0)

        var generator = SystemRandomNumberGenerator()
        var acknowledgedSoFar = 0
        var lost = 0, doubled = 0, kills = 0
        let rounds = Int(ProcessInfo.processInfo.environment["CHORUS_KILLS"] ?? "") ?? 100
        let ceiling = Date().addingTimeInterval(180)
        for round in 1...rounds where Date() < ceiling {
            let acknowledged = try runAndKill(workspace: workspace, afterAcks: Int.random(in: 0...25, using: &generator),
                                              extraDelay: Double.random(in: 0...0.004, using: &generator))
            kills += 1
            acknowledgedSoFar += acknowledged
            let stock = try stockAfterReopening(workspace)
            if stock < acknowledgedSoFar { lost += acknowledgedSoFar - stock }
            if stock > acknowledgedSoFar + 1 { doubled += stock - acknowledgedSoFar - 1 }
            XCTAssertGreaterThanOrEqual(stock, acknowledgedSoFar, "round \(round): an acknowledged command was lost")
            XCTAssertLessThanOrEqual(stock, acknowledgedSoFar + 1, "round \(round): a command was applied twice")
            // The one unacknowledged command in flight may or may not have landed; count what did.
            acknowledgedSoFar = stock
            if round % 10 == 0 {
                let check = try ChorusProcess.run(["check", "--workspace", workspace.path])
                XCTAssertEqual(check.status, 0, "round \(round): \(check.stderr)")
            }
        }
        let check = try ChorusProcess.run(["check", "--workspace", workspace.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        print("crash recovery: \(kills) SIGKILLs survived, \(acknowledgedSoFar) commands in the workspace, "
              + "\(lost) acknowledged commands lost, \(doubled) applied twice")
    }

    /// An import is one command: killed at any moment, it has landed whole or not at all.
    func testAKilledImportLandsWholeOrNotAtAll() throws {
        let orders = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data/imports/shopify-orders.csv")
        var generator = SystemRandomNumberGenerator()
        var outcomes: [Int: Int] = [:]
        // How long a whole import takes here, so the kills spread over parsing, applying and the append.
        let timed = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: timed) }
        XCTAssertEqual(try ChorusProcess.run(["init", timed.path]).status, 0)
        let started = Date()
        XCTAssertEqual(try ChorusProcess.run(["import", "orders", orders.path, "--workspace", timed.path]).status, 0)
        let duration = Date().timeIntervalSince(started)
        for round in 1...10 {
            let workspace = try ChorusProcess.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: workspace) }
            XCTAssertEqual(try ChorusProcess.run(["init", workspace.path]).status, 0)
            let child = try Spawn(ChorusProcess.binary.path, ["import", "orders", orders.path, "--workspace", workspace.path],
                                  environment: ChorusProcess.environment())
            Thread.sleep(forTimeInterval: Double.random(in: 0.5...1.1, using: &generator) * duration)
            kill(child.pid, SIGKILL)
            _ = try child.wait()
            let store = try WorkspaceStore.open(at: workspace, mode: .readOnly)
            let count = store.workspace.orders.count
            store.close()
            XCTAssertTrue(count == 0 || count == 4_000, "round \(round): \(count) of 4000 orders")
            outcomes[count, default: 0] += 1
            let check = try ChorusProcess.run(["check", "--workspace", workspace.path])
            XCTAssertEqual(check.status, 0, "round \(round): \(check.stderr)")
        }
        print("crash recovery: 10 killed imports of 4000 orders: \(outcomes[4_000] ?? 0) landed whole, \(outcomes[0] ?? 0) not at all")
    }

    /// Approvals whose stdout is a full disk, some killed at a random moment as well: each ends
    /// in exit status 74 (the approval saved, the confirmation not written) or a kill; the
    /// approval is then in the workspace, or (killed early) not at all, and never crashes.
    func testApprovalsWithAFullStdoutAreSavedOrNotButNeverCrash() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        let listed = try ChorusProcess.run(["list", "submissions", "--status", "pending", "--format", "csv", "--workspace", workspace.path])
        // Drafts that pass every check, so nothing but the output (or the kill) can fail them.
        let rows: [[Substring]] = listed.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let pending: [String] = rows.filter { $0.count > 7 && $0[7] == "pass" }.map { String($0[0]) }
        XCTAssertGreaterThanOrEqual(pending.count, 10)
        let full = open("/dev/full", O_WRONLY)
        defer { close(full) }
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for (round, submission) in pending.prefix(10).enumerated() {
            let child = try Spawn(ChorusProcess.binary.path, ["approve", submission, "--workspace", workspace.path],
                                  environment: ChorusProcess.environment(), stdout: full)
            if round % 2 == 1 {
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.3, using: &generator))
                kill(child.pid, SIGKILL)
            }
            let status = try child.wait()
            XCTAssertTrue(status == 74 || status == 128 + SIGKILL, "round \(round): exit status \(status)")
            let store = try WorkspaceStore.open(at: workspace, mode: .readOnly)
            let approved = store.workspace.submissions.first { $0.id.rawValue == submission }?.status == .approved
            store.close()
            if status == 74 { XCTAssertTrue(approved, "round \(round): exit 74 means the approval was saved") }
            outcomes["\(status == 74 ? "exit 74" : "killed") and \(approved ? "approved" : "not approved")", default: 0] += 1
        }
        XCTAssertEqual(try ChorusProcess.run(["check", "--workspace", workspace.path]).status, 0)
        print("crash recovery: 10 approvals with a full stdout: " + outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
    }

    /// Starts `chorus stress-append`, waits for `afterAcks` acknowledgements, kills it, and
    /// returns how many acknowledgements it printed before it died.
    private func runAndKill(workspace: URL, afterAcks: Int, extraDelay: Double) throws -> Int {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw Spawn.Failure(description: "pipe failed") }
        let child: Spawn
        do {
            child = try Spawn(ChorusProcess.binary.path, ["stress-append", "--workspace", workspace.path, "--count", "100000", "--compact-every", "10"],
                              environment: ChorusProcess.environment(), stdout: ends[1])
        } catch {
            close(ends[0]); close(ends[1])
            throw error
        }
        close(ends[1])
        defer { close(ends[0]) }
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        func readSome() -> Bool {
            let count = read(ends[0], &buffer, buffer.count)
            guard count > 0 else { return false }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
            return true
        }
        while acks(in: text) < afterAcks || !text.contains("ready") {
            if !readSome() { break }
        }
        if extraDelay > 0 { Thread.sleep(forTimeInterval: extraDelay) }
        kill(child.pid, SIGKILL)
        while readSome() {}
        try child.wait()
        return acks(in: text)
    }

    private func acks(in text: String) -> Int {
        text.split(separator: "\n").filter { $0.hasPrefix("ack ") && $0.count > 4 }.count
    }

    /// Reopens the workspace (replay validates every journaled command), runs the same
    /// checks as `chorus check` on it, and returns the stress counter.
    private func stockAfterReopening(_ workspace: URL) throws -> Int {
        let store = try WorkspaceStore.open(at: workspace, mode: .readOnly)
        defer { store.close() }
        XCTAssertEqual(WorkspaceCheck.problems(in: store.workspace), [])
        return store.workspace.sku(SKUID("STRESS-1"))?.stockOnHand ?? 0
    }
}
