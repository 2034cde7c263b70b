import ChorusCore
import ChorusPostgres
import ChorusStore

/// `chorus people add|remove|list` on a workspace on a PostgreSQL server: the people are the
/// server's logins granted the workspace's roles, which the database enforces on every append.
/// Each change is journaled too, in the same step, so History says who changed whose roles
/// and every console judges keys by the same list.
enum PeopleOnAServer {
    static func add(_ name: String, roles: [Role], at address: PostgresAddress, workspace: WorkspaceOption) throws {
        let store = try WritableWorkspace.open(workspace.url)
        defer { store.close() }
        try requireAdmin(store)
        var summary = ""
        let created = try managingLogins { try ServerPeople(address).set(name, roles: Set(roles)) {
            summary = try store.perform(.setRoles(person: name, roles: roles.sorted()), context: Clock.context).summary
        } }
        try Output.print(summary)
        if created {
            try Output.print("\(name) is a new login on the server, without a password: set one in psql with \\password \(name), "
                             + "or let them sign in with a .pgpass file or a client certificate")
        }
    }

    static func remove(_ name: String, at address: PostgresAddress, workspace: WorkspaceOption) throws {
        let store = try WritableWorkspace.open(workspace.url)
        defer { store.close() }
        try requireAdmin(store)
        var summary = ""
        try managingLogins { try ServerPeople(address).remove(name) {
            summary = try store.perform(.removePerson(name), context: Clock.context).summary
        } }
        try Output.print(summary + "; their login stays on the server, holding no role in this workspace")
    }

    /// Refused before the server is touched, in the program's words.
    private static func requireAdmin(_ store: WorkspaceStore) throws {
        if let refusal = store.workspaceAsJudged.program.refusal(of: .removePerson(""), by: Clock.actor) { throw CLIFailure(message: refusal) }
    }

    /// The server refuses logins and grants to whoever may not manage them, in its own words.
    private static func managingLogins<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError where error.kind == .readOnly {
            throw CLIFailure(message: "\(error); adding people on a server needs the workspace's admin role and a login "
                             + "that may create roles (CREATEROLE, or the server's superuser)")
        }
    }

    static func list(at address: PostgresAddress, format: OutputFormat) throws {
        let people = try ServerPeople(address).list()
        try Output.print(Listing(rows: people.map(PersonRow.init)).rendered(as: format))
    }
}
