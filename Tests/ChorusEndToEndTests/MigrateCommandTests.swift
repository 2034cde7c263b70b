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
}
