import ChorusCore
@testable import ChorusPostgres
@testable import ChorusStore
import Foundation
import XCTest

/// Where the people of a test share one workspace: every `client()` is one more person's
/// connection to it. In memory they share one `MemoryLog`; on the test server each gets a
/// connection of its own to a workspace made for the test alone.
protocol TeamLogs: AnyObject {
    var name: String { get }
    func client() throws -> SharedLog
    /// Every entry on the log, oldest first.
    func allEntries() throws -> [JournalEntry]
    /// Removes what the test made on a server.
    func tearDown()
}

final class MemoryTeam: TeamLogs {
    let shared = MemoryLog(workspace: TeamFixture.workspace)
    var name: String { "memory" }
    func client() -> SharedLog { shared }
    func allEntries() -> [JournalEntry] { shared.allEntries }
    func tearDown() {}
}

/// A workspace of its own on the server that `.ci/postgres` starts (`CHORUS_TEST_POSTGRES_URL`).
final class PostgresTeam: TeamLogs {
    let address: PostgresAddress
    private var clients: [PostgresLog] = []

    init(workspace: Workspace = TeamFixture.workspace) throws {
        address = try PostgresTestServer.newWorkspaceAddress()
        try PostgresLog.create(address, workspace: workspace)
    }

    var name: String { "postgres" }

    func client() throws -> SharedLog {
        let log = try PostgresLog(address)
        clients.append(log)
        return log
    }

    func allEntries() throws -> [JournalEntry] { try PostgresLog(address).entries(after: 0) }

    func tearDown() {
        clients.removeAll()
        PostgresTestServer.drop(address)
    }
}

/// The throwaway server the tests run against. Its absence is a failure, never a skip: a CI
/// run that silently left out the database would claim what it did not check.
enum PostgresTestServer {
    static let variable = "CHORUS_TEST_POSTGRES_URL"

    static var url: String {
        get throws {
            guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
                XCTFail("\(variable) is not set: run the tests through .ci/postgres (e.g. .ci/postgres swift test), which starts a throwaway server")
                throw StoreError(.notAWorkspace, "no PostgreSQL server for the tests")
            }
            return url
        }
    }

    /// An address naming a workspace nobody else uses, on a server that answers.
    static func newWorkspaceAddress() throws -> PostgresAddress {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let address = try PostgresAddress(try url, workspace: String(name))
        do { _ = try PostgresConnection(address) } catch {
            XCTFail("the test server at \(address) does not answer: \(error)")
            throw error
        }
        return address
    }

    /// A connection as the server's superuser, for setting up what a test needs.
    static func admin(_ address: PostgresAddress) throws -> PostgresConnection { try PostgresConnection(address) }

    /// A login role on the test server for `person` (named after the workspace, so tests never
    /// share one), granted `roles` in the workspace, and the workspace's address as that login.
    static func login(_ person: String, roles: [Role], at address: PostgresAddress) throws -> (name: String, address: PostgresAddress) {
        let name = address.workspace + "_" + person
        let admin = try admin(address)
        try admin.query("CREATE ROLE \(name) LOGIN")
        for role in roles { try admin.query("GRANT \(address.role(role)) TO \(name)") }
        var components = try XCTUnwrap(URLComponents(string: address.uri))
        components.user = name
        return (name, try PostgresAddress(try XCTUnwrap(components.string), workspace: address.workspace))
    }

    static func drop(_ address: PostgresAddress) {
        guard let admin = try? admin(address) else { return }
        _ = try? admin.query("DROP SCHEMA IF EXISTS \(address.schema) CASCADE")
        for role in WorkspaceRoles.all(address) { _ = try? admin.query("DROP ROLE IF EXISTS \(role)") }
    }
}
