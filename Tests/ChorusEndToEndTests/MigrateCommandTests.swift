import Foundation
import XCTest

/// A team that outgrew one machine moves its folder workspace onto the server: the server then
/// shows the same state and the same history (compacted entries included), positions go on
/// from the folder's, compaction and `chorus check` work there, and a second move into the same
/// name is refused.
final class MigrateCommandTests: XCTestCase {
    func testAFolderMovesOntoTheServerWithItsStateAndWholeHistory() throws {
        let environment = ProcessInfo.processInfo.environment
        let server = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_URL"], "CHORUS_TEST_POSTGRES_URL is not set: run the tests through .ci/postgres")
        let name = "m_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let address = "\(server)?workspace=\(name)"
        let folder = try ChorusProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            _ = try? ServerWorkspaceRemoval.remove(name, from: server)
        }
        func chorus(_ arguments: [String], as person: String = "e2e") throws -> ChorusProcess.Result {
            let result = try ChorusProcess.run(arguments, environment: ["CHORUS_USER": person])
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            return result
        }
        _ = try chorus(["init", folder.path, "--sample"])
        _ = try chorus(["stock", "KS-SER-030", "+3", "--reason", "found", "--workspace", folder.path], as: "maria")
        _ = try chorus(["compact", "--workspace", folder.path])
        _ = try chorus(["stock", "KS-SER-030", "-1", "--reason", "broken", "--workspace", folder.path], as: "sam")

        let moved = try chorus(["migrate", folder.path, "--to", server, "--name", String(name)])
        XCTAssertTrue(moved.stdout.contains("the state after entry 2 and 2 history records"), moved.stdout)
        for listing in [["history", "--format", "json"], ["list", "products", "--format", "json"], ["list", "creators", "--format", "json"]] {
            XCTAssertEqual(try chorus(listing + ["--workspace", address]).stdout, try chorus(listing + ["--workspace", folder.path]).stdout,
                           "\(listing): the server shows what the folder did")
        }
        _ = try chorus(["stock", "KS-SER-030", "+1", "--reason", "count", "--workspace", address], as: "lee")
        let history = try chorus(["history", "--format", "csv", "--workspace", address]).stdout
        XCTAssertTrue(history.split(separator: "\n").contains { $0.hasPrefix("3,") && $0.contains(",lee,") },
                      "positions go on from the folder's: \(history)")

        // Maintenance works on the server as on a folder.
        XCTAssertTrue(try chorus(["compact", "--workspace", address]).stdout.contains("1 journal entry folded into the snapshot"))
        XCTAssertTrue(try chorus(["check", "--workspace", address]).stdout.hasPrefix("ok: "))
        XCTAssertTrue(try chorus(["history", "--format", "csv", "--workspace", address]).stdout.contains(",lee,"), "compaction keeps the history")

        let again = try ChorusProcess.run(["migrate", folder.path, "--to", server, "--name", String(name)])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists; open it instead"), again.stderr)
    }

    /// The way back: a team that shrank to one machine moves its server workspace into a folder.
    /// Folder → server → folder keeps the state and the whole history, and the new folder goes on
    /// numbering from the server's last entry.
    func testAServerWorkspaceMovesBackIntoAFolderWithItsStateAndWholeHistory() throws {
        let environment = ProcessInfo.processInfo.environment
        let server = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_URL"], "CHORUS_TEST_POSTGRES_URL is not set: run the tests through .ci/postgres")
        let name = "b_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let address = "\(server)?workspace=\(name)"
        let folder = try ChorusProcess.temporaryFolder(), back = try ChorusProcess.temporaryFolder()
        defer {
            [folder, back].forEach { try? FileManager.default.removeItem(at: $0) }
            if let bin = environment["CHORUS_TEST_POSTGRES_BIN"] {
                _ = try? Spawn.run(bin + "/psql", [server, "-qc", "DROP SCHEMA chorus_\(name) CASCADE; DROP ROLE chorus_\(name)_member"],
                                   environment: environment, timeout: 30)
            }
        }
        func chorus(_ arguments: [String], as person: String = "e2e") throws -> ChorusProcess.Result {
            let result = try ChorusProcess.run(arguments, environment: ["CHORUS_USER": person])
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            return result
        }
        _ = try chorus(["init", folder.path, "--sample"])
        _ = try chorus(["stock", "KS-SER-030", "+3", "--reason", "found", "--workspace", folder.path], as: "maria")
        _ = try chorus(["compact", "--workspace", folder.path])
        _ = try chorus(["stock", "KS-SER-030", "-1", "--reason", "broken", "--workspace", folder.path], as: "sam")
        _ = try chorus(["migrate", folder.path, "--to", server, "--name", String(name)])
        _ = try chorus(["stock", "KS-SER-030", "+5", "--reason", "delivery", "--workspace", address], as: "lee")
        _ = try chorus(["compact", "--workspace", address])
        _ = try chorus(["stock", "KS-SER-030", "-2", "--reason", "samples", "--workspace", address], as: "maria")

        let moved = try chorus(["export", "workspace", back.path, "--workspace", address])
        XCTAssertTrue(moved.stdout.contains("the state after entry 4 and 4 history records"), moved.stdout)
        for listing in [["history", "--format", "json"], ["list", "products", "--format", "json"], ["list", "creators", "--format", "json"],
                        ["list", "shipments", "--format", "json"], ["list", "submissions", "--format", "json"], ["export", "ledger", "--format", "json"]] {
            XCTAssertEqual(try chorus(listing + ["--workspace", back.path]).stdout, try chorus(listing + ["--workspace", address]).stdout,
                           "\(listing): the folder shows what the server did")
        }
        let history = try chorus(["history", "--format", "csv", "--workspace", back.path]).stdout
        for (position, person) in [(1, "maria"), (2, "sam"), (3, "lee"), (4, "maria")] {
            XCTAssertTrue(history.split(separator: "\n").contains { $0.hasPrefix("\(position),") && $0.contains(",\(person),") },
                          "entry \(position) by \(person), from the first folder and the server alike: \(history)")
        }
        _ = try chorus(["stock", "KS-SER-030", "+1", "--reason", "count", "--workspace", back.path], as: "lee")
        XCTAssertTrue(try chorus(["history", "--format", "csv", "--workspace", back.path]).stdout.split(separator: "\n")
                        .contains { $0.hasPrefix("5,") && $0.contains(",lee,") }, "positions go on from the server's")
        XCTAssertTrue(try chorus(["check", "--workspace", back.path]).stdout.hasPrefix("ok: "))

        let again = try ChorusProcess.run(["export", "workspace", back.path, "--workspace", address])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("is not empty; name a new folder"), again.stderr)
        let fromAFolder = try ChorusProcess.run(["export", "workspace", back.path + "-2", "--workspace", folder.path])
        XCTAssertEqual(fromAFolder.status, 1)
        XCTAssertTrue(fromAFolder.stderr.contains("is a folder already"), fromAFolder.stderr)
    }
}
