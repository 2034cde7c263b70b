import ChorusCore
import ChorusStore

/// The people of a workspace on a server as the database knows them: login roles granted the
/// workspace's roles (`WorkspaceRoles`). The database is what enforces them; the program's
/// people list in the log is kept beside it so the history says who changed whose roles and
/// every console greys the same keys.
///
/// Passwords are never set here: a command line ends up in shell history. A new login gets
/// one with `\password NAME` in psql, or signs in with a client certificate or a `.pgpass`.
public struct ServerPeople {
    let address: PostgresAddress
    private let connection: PostgresConnection

    public init(_ address: PostgresAddress) throws {
        self.address = address
        do { connection = try PostgresConnection(address) } catch let error as PostgresError { throw error.storeError }
    }

    /// The settings that keep a client that went away from holding the workspace's head lock,
    /// set on each login people add makes (every Chorus connection sets them too; these cover
    /// psql and scripts signed in as the same person).
    static let loginSettings = [("lock_timeout", "5s"), ("idle_in_transaction_session_timeout", "60s"),
                                ("client_connection_check_interval", "1s")]

    /// Every login holding one of the workspace's roles, by name.
    public func list() throws -> [Person] {
        let rows = try run {
            try connection.query("""
                SELECT m.rolname, g.rolname FROM pg_auth_members a
                JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
                WHERE g.rolname = ANY($1::text[]) AND m.rolcanlogin ORDER BY m.rolname
                """, [.text("{" + Role.allCases.map(address.role).joined(separator: ",") + "}")])
        }
        var people: [Person] = []
        for row in 0..<rows.count {
            guard let name = rows.text(row, 0), let group = rows.text(row, 1),
                  let role = Role(rawValue: String(group.dropFirst(address.schema.count + 1))) else { continue }
            if people.last?.name == name { people[people.count - 1].roles.insert(role) } else { people.append(Person(name: name, roles: [role])) }
        }
        return people
    }

    /// The roles the signed-in login holds in the workspace (a superuser holds every one).
    public func ownRoles() throws -> (login: String, roles: Set<Role>) {
        let rows = try run {
            try connection.query("SELECT session_user, " + Role.allCases.map { "pg_has_role(session_user, '\(address.role($0))', 'MEMBER')" }
                .joined(separator: ", "))
        }
        let roles = Role.allCases.enumerated().filter { rows.text(0, $0.offset + 1) == "t" }.map(\.element)
        return (rows.text(0, 0) ?? "", Set(roles))
    }

    /// The people commands are judged by: the server's list, with the signed-in login under
    /// the name it acts as when that is its own or it is a superuser (who holds every role),
    /// and the program's acting-as setting as the server keeps it.
    public func enforced(actingAs actor: String) throws -> ProgramPeople {
        let allows = try run { try connection.query("SELECT allows_acting_as FROM \(address.schema).workspace").text(0, 0) == "t" }
        var people = ProgramPeople(people: try list(), allowsActingAs: allows)
        let own = try ownRoles()
        let name = own.login == actor || own.roles.count == Role.allCases.count ? actor : own.login
        if people.person(named: name) == nil { people.people.append(Person(name: name, roles: own.roles)) }
        return people
    }

    /// Makes `name` a login holding exactly `roles` in the workspace, creating the login if
    /// the server has none, and runs `alongside` (journaling the change) before committing:
    /// if either fails, neither happens. Returns whether the login was created.
    @discardableResult
    public func set(_ name: String, roles: Set<Role>, alongside: () throws -> Void) throws -> Bool {
        let login = Self.quoted(name)
        return try run {
            try connection.transaction {
                let exists = try connection.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(name)]).count == 1
                if !exists { try connection.query("CREATE ROLE \(login) LOGIN") }
                for (setting, value) in Self.loginSettings { try connection.query("ALTER ROLE \(login) SET \(setting) = '\(value)'") }
                for role in Role.allCases {
                    try connection.query((roles.contains(role) ? "GRANT \(address.role(role)) TO " : "REVOKE \(address.role(role)) FROM ") + login)
                }
                try alongside()
                return !exists
            }
        }
    }

    /// Takes every role in the workspace from `name`, running `alongside` before committing.
    /// The login stays: it may belong to other workspaces on the server.
    public func remove(_ name: String, alongside: () throws -> Void) throws {
        try run {
            try connection.transaction {
                for role in Role.allCases { try connection.query("REVOKE \(address.role(role)) FROM \(Self.quoted(name))") }
                try alongside()
            }
        }
    }

    /// A name as an SQL identifier, whatever it holds.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    private func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PostgresError { throw error.storeError }
    }
}
