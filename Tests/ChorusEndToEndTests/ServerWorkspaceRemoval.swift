import ChorusCore
import Foundation

/// What a test that made a workspace on the test server removes afterwards: its schema, and
/// the group roles `chorus init --postgres` made for it, one per role and the member role.
/// Roles belong to the whole server, not to the schema, so dropping the schema leaves them.
enum ServerWorkspaceRemoval {
    static func sql(_ name: some StringProtocol) -> String {
        let roles = Role.allCases.map { "chorus_\(name)_\($0.rawValue)" } + ["chorus_\(name)_member"]
        return "DROP SCHEMA IF EXISTS chorus_\(name) CASCADE; " + roles.map { "DROP ROLE IF EXISTS \($0);" }.joined(separator: " ")
    }

    /// Removes the workspace `name` from `server`; the names of the workspace's roles still
    /// there afterwards (none, when the removal worked).
    @discardableResult
    static func remove(_ name: some StringProtocol, from server: String) throws -> [String] {
        let environment = ProcessInfo.processInfo.environment
        guard let bin = environment["CHORUS_TEST_POSTGRES_BIN"] else { return [] }
        _ = try Spawn.run(bin + "/psql", [server, "-qc", sql(name)], environment: environment, timeout: 30)
        let left = try Spawn.run(bin + "/psql", [server, "-Atc", "SELECT rolname FROM pg_roles WHERE rolname LIKE 'chorus\\_\(name)\\_%' ORDER BY 1"],
                                 environment: environment, timeout: 30)
        return String(decoding: left.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
