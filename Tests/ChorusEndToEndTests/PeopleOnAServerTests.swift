import Foundation
import XCTest

/// An admin adds a warehouse colleague to a workspace on the server with `chorus people add`:
/// the colleague gets a login with the workspace's seeding role and the server settings that
/// keep a dead client from holding the head lock, may then change stock as themselves, and after
/// `chorus people remove` may not — the database refuses, not only the program. The console
/// greys keys by the roles the server holds, even ones granted outside Chorus.
final class PeopleOnAServerTests: XCTestCase {
    private var server = "", workspaceName = "", sam = "", address = "", asSam = "", bin = ""

    override func setUpWithError() throws {
        let environment = ProcessInfo.processInfo.environment
        server = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_URL"], "CHORUS_TEST_POSTGRES_URL is not set: run the tests through .ci/postgres")
        bin = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_BIN"])
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        workspaceName = "p_\(suffix)"
        sam = "sam_\(suffix)"
        address = "\(server)?workspace=\(workspaceName)"
        asSam = address.replacingOccurrences(of: "//postgres@", with: "//\(sam)@")
        XCTAssertEqual(try chorus(["init", "--postgres", server, "--name", workspaceName, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        let roles = ["member", "reader", "seeding", "ops", "finance", "importer", "admin"].map { "chorus_\(workspaceName)_\($0)" }
        _ = try? psql("DROP SCHEMA chorus_\(workspaceName) CASCADE; DROP ROLE IF EXISTS \(sam); DROP ROLE IF EXISTS o\(sam); " + roles.map { "DROP ROLE \($0);" }.joined(separator: " "))
    }

    private func psql(_ sql: String) throws -> String {
        String(decoding: try Spawn.run(bin + "/psql", [server, "-Atqc", sql], environment: ProcessInfo.processInfo.environment, timeout: 30).stdout,
               as: UTF8.self)
    }

    private func chorus(_ arguments: [String], as person: String = "postgres") throws -> ChorusProcess.Result {
        try ChorusProcess.run(arguments, environment: ["CHORUS_USER": person])
    }

    func testAnAdminAddsAndRemovesAColleagueWhoseRolesTheServerEnforces() throws {
        let added = try chorus(["people", "add", sam, "--role", "seeding", "--workspace", address])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stdout.contains("added \(sam) as seeding"), added.stdout)
        XCTAssertTrue(added.stdout.contains("without a password: set one in psql with \\password \(sam)"), added.stdout)
        let settings = try psql("SELECT array_to_string(rolconfig, ' ') FROM pg_roles WHERE rolname = '\(sam)'")
        for setting in ["lock_timeout=5s", "idle_in_transaction_session_timeout=60s", "client_connection_check_interval=1s"] {
            XCTAssertTrue(settings.contains(setting), "\(setting) in \(settings)")
        }
        let listed = try chorus(["people", "list", "--format", "csv", "--workspace", address]).stdout
        XCTAssertTrue(listed.contains("\(sam),seeding"), "the server's logins and roles: \(listed)")
        XCTAssertTrue(listed.contains("postgres,admin"), "whoever created the workspace is its admin: \(listed)")

        let stock = try chorus(["stock", "KS-SER-030", "+3", "--reason", "found a box", "--workspace", asSam], as: sam)
        XCTAssertEqual(stock.status, 0, stock.stderr)
        let forged = try chorus(["stock", "KS-SER-030", "+3", "--reason", "not me", "--workspace", asSam], as: "postgres")
        XCTAssertEqual(forged.status, 1, "sam signed in but naming someone else")
        XCTAssertTrue(forged.stderr.contains("may not record a change as postgres"), forged.stderr)

        let removed = try chorus(["people", "remove", sam, "--workspace", address])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertTrue(removed.stdout.contains("their login stays on the server"), removed.stdout)
        XCTAssertFalse(try chorus(["people", "list", "--format", "csv", "--workspace", address]).stdout.contains(sam))
        XCTAssertEqual(try psql("SELECT pg_has_role('\(sam)', 'chorus_\(workspaceName)_seeding', 'MEMBER')"), "f\n")
        let after = try chorus(["stock", "KS-SER-030", "+1", "--reason", "again", "--workspace", asSam], as: sam)
        XCTAssertEqual(after.status, 1, "removed: \(after.stdout)")
    }

    /// Granted by the database's own tools, not by `chorus people`: the program's list knows
    /// nothing of sam, and the console still says what the server will refuse.
    func testTheConsoleGreysKeysByTheRolesTheServerHolds() throws {
        _ = try psql("CREATE ROLE \(sam) LOGIN; GRANT chorus_\(workspaceName)_seeding TO \(sam)")
        let console = try TmuxSession(columns: 140, rows: 40, arguments: ["--workspace", asSam], environment: ["CHORUS_USER": sam])
        try console.waitFor("sort: stage")
        try console.press("3")
        try console.waitFor("pending")
        try console.press("a")
        try console.waitFor("\(sam) is seeding; approving drafts needs the ops role")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }

    /// The program's list names only olga; sam holds seeding on the server, granted with SQL,
    /// and the command line lets sam change stock and not approve, as the server would.
    func testTheCommandLineJudgesByTheRolesTheServerHolds() throws {
        XCTAssertEqual(try chorus(["people", "add", "o\(sam)", "--role", "ops", "--workspace", address]).status, 0)
        _ = try psql("CREATE ROLE \(sam) LOGIN; GRANT chorus_\(workspaceName)_seeding TO \(sam)")
        let stock = try chorus(["stock", "KS-SER-030", "+1", "--reason", "count", "--workspace", asSam], as: sam)
        XCTAssertEqual(stock.status, 0, stock.stderr)
        let refused = try chorus(["people", "add", sam, "--role", "admin", "--workspace", asSam], as: sam)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(sam) is seeding; people and their roles need the admin role"), refused.stderr)
    }
}
