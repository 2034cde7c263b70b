import ChorusStore
import Foundation
import XCTest

/// A colleague's newer Chorus wrote to the team's workspace on the server (the server records
/// the raised format): this older build refuses every change, saying to upgrade, and nothing
/// reaches the server; listing and reporting go on.
final class NewerChorusOnAServerTests: XCTestCase {
    private var server = "", workspaceName = "", address = "", bin = ""
    private let newer = JournalEntry.currentFormat + 1
    private var upgrade: String { "written by a newer Chorus (format \(newer)); upgrade to write" }

    override func setUpWithError() throws {
        let environment = ProcessInfo.processInfo.environment
        server = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_URL"], "CHORUS_TEST_POSTGRES_URL is not set: run the tests through .ci/postgres")
        bin = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_BIN"])
        workspaceName = "n_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        address = "\(server)?workspace=\(workspaceName)"
        XCTAssertEqual(try ChorusProcess.run(["init", "--postgres", server, "--name", workspaceName, "--sample"]).status, 0)
        XCTAssertEqual(try ChorusProcess.run(["approve", "SU-0119", "--workspace", address]).status, 0)
    }

    override func tearDownWithError() throws {
        let roles = ["member", "reader", "seeding", "ops", "finance", "importer", "admin"].map { "DROP ROLE chorus_\(workspaceName)_\($0);" }
        _ = try? psql("DROP SCHEMA chorus_\(workspaceName) CASCADE; " + roles.joined(separator: " "))
    }

    private func psql(_ sql: String) throws -> String {
        String(decoding: try Spawn.run(bin + "/psql", [server, "-Atqc", sql], environment: ProcessInfo.processInfo.environment, timeout: 30).stdout,
               as: UTF8.self)
    }

    func testAWorkspaceANewerChorusWroteToRefusesEveryChangeAndReadsGoOn() throws {
        _ = try psql("UPDATE chorus_\(workspaceName).workspace SET domain_format = \(newer)")
        let head = try psql("SELECT head_seq FROM chorus_\(workspaceName).workspace")

        let refused = try ChorusProcess.run(["approve", "SU-0128", "--workspace", address])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains(upgrade), refused.stderr)
        XCTAssertEqual(try psql("SELECT head_seq FROM chorus_\(workspaceName).workspace"), head, "nothing was written")

        let listed = try ChorusProcess.run(["list", "submissions", "--format", "csv", "--workspace", address])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("SU-0119,") && $0.contains(",approved,") }, listed.stdout)
        XCTAssertTrue(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("SU-0128,") && $0.contains(",pending,") }, listed.stdout)
        let report = try ChorusProcess.run(["report", "attribution", "--workspace", address])
        XCTAssertEqual(report.status, 0, report.stderr)
    }

    func testTheConsoleSaysToUpgradeInItsStatusLine() throws {
        _ = try psql("UPDATE chorus_\(workspaceName).workspace SET domain_format = \(newer)")
        let console = try TmuxSession(columns: 200, rows: 30, arguments: ["--workspace", address])
        try console.waitFor("read-only: " + upgrade)
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }
}
