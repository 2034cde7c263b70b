import Foundation
import XCTest

/// An admin adds a warehouse colleague to a workspace on the server with `chorus people add`:
/// the colleague gets a login with the workspace's seeding role and the server settings that
/// keep a dead client from holding the head lock, may then change stock as themselves, and after
/// `chorus people remove` may not — the database refuses, not only the program.
final class PeopleOnAServerTests: XCTestCase {
    func testAnAdminAddsAndRemovesAColleagueWhoseRolesTheServerEnforces() throws {
        let environment = ProcessInfo.processInfo.environment
        let server = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_URL"], "CHORUS_TEST_POSTGRES_URL is not set: run the tests through .ci/postgres")
        let bin = try XCTUnwrap(environment["CHORUS_TEST_POSTGRES_BIN"])
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let name = "p_\(suffix)", sam = "sam_\(suffix)"
        let address = "\(server)?workspace=\(name)"
        let asSam = address.replacingOccurrences(of: "//postgres@", with: "//\(sam)@")
        func psql(_ sql: String) throws -> String {
            String(decoding: try Spawn.run(bin + "/psql", [server, "-Atqc", sql], environment: environment, timeout: 30).stdout, as: UTF8.self)
        }
        defer {
            let roles = ["member", "reader", "seeding", "ops", "finance", "importer", "admin"].map { "chorus_\(name)_\($0)" }
            _ = try? psql("DROP SCHEMA chorus_\(name) CASCADE; DROP ROLE \(sam); " + roles.map { "DROP ROLE \($0);" }.joined(separator: " "))
        }
        func chorus(_ arguments: [String], as person: String = "postgres") throws -> ChorusProcess.Result {
            try ChorusProcess.run(arguments, environment: ["CHORUS_USER": person])
        }
        XCTAssertEqual(try chorus(["init", "--postgres", server, "--name", name, "--sample"]).status, 0)

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
        XCTAssertEqual(try psql("SELECT pg_has_role('\(sam)', 'chorus_\(name)_seeding', 'MEMBER')"), "f\n")
        let after = try chorus(["stock", "KS-SER-030", "+1", "--reason", "again", "--workspace", asSam], as: sam)
        XCTAssertEqual(after.status, 1, "removed: \(after.stdout)")
    }
}
