import ChorusStore
import Foundation

/// Where a workspace lives on a PostgreSQL server: `postgres://HOST[:PORT]/DATABASE?workspace=NAME`
/// (any other libpq parameter, such as `sslmode=verify-full`, may follow).
///
/// A password in the address is refused: the address is typed on command lines, kept in shell
/// history and shown in the status bar, so passwords belong in `~/.pgpass` or a service file
/// (libpq reads both). Connections get a connect timeout, TCP keepalives and a TCP user
/// timeout, so a server that went away is noticed in seconds rather than at the next key.
public struct PostgresAddress: Hashable, Sendable, CustomStringConvertible {
    /// The libpq connection URI without the `workspace` parameter.
    public let uri: String
    /// The workspace's name on the server (its schema is `chorus_NAME`).
    public let workspace: String
    let host: String

    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `text`; `workspace` names the workspace when the address does not.
    public init(_ text: String, workspace named: String? = nil) throws {
        guard Self.isPostgres(text), var components = URLComponents(string: text) else {
            throw StoreError(.notAWorkspace, file: text, "is not a PostgreSQL address; write postgres://HOST/DATABASE?workspace=NAME")
        }
        guard components.password == nil else {
            throw StoreError(.notAWorkspace, file: "the PostgreSQL address",
                             "contains a password, which would be kept in shell history and shown on screen; "
                             + "put it in ~/.pgpass (or a service file) and leave it out of the address")
        }
        let items = components.queryItems ?? []
        guard let name = named ?? items.first(where: { $0.name == "workspace" })?.value, !name.isEmpty else {
            throw StoreError(.notAWorkspace, file: Self.display(components), "names no workspace; add ?workspace=NAME to the address")
        }
        try Self.checkName(name)
        let rest = items.filter { $0.name != "workspace" }
        components.queryItems = rest.isEmpty ? nil : rest
        uri = components.string ?? text
        workspace = name
        host = components.host ?? rest.first { $0.name == "host" }?.value ?? ""
    }

    /// Workspace names become schema and role names, so they are kept to plain identifiers.
    static func checkName(_ name: String) throws {
        let allowed = name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
        guard allowed, name.utf8.count <= 40, let first = name.utf8.first, (0x61...0x7A).contains(first) else {
            throw StoreError(.notAWorkspace, file: "workspace \"\(name)\"",
                             "is not a usable name: use lower-case letters, digits and _ (at most 40, starting with a letter)")
        }
    }

    /// The address to open the workspace with (`--workspace`, `$CHORUS_WORKSPACE`).
    public var url: String {
        var components = URLComponents(string: uri)
        let items = components?.queryItems ?? []
        components?.queryItems = items + [URLQueryItem(name: "workspace", value: workspace)]
        return components?.string ?? uri
    }

    /// The schema that holds the workspace's tables and functions.
    public var schema: String { "chorus_" + workspace }
    /// The NOTIFY channel on which appends are announced.
    var channel: String { schema }
    /// The role whose members may write the workspace.
    public var memberRole: String { schema + "_member" }

    /// The address as shown to people: no query string, and so no secrets.
    public var description: String {
        (URLComponents(string: uri).map(Self.display) ?? "the PostgreSQL server") + " (workspace \(workspace))"
    }

    private static func display(_ components: URLComponents) -> String {
        var shown = components
        shown.query = nil
        return shown.string ?? "the PostgreSQL server"
    }

    /// libpq keywords: safe defaults first, then the address, whose own settings win.
    var connectionParameters: [(key: String, value: String)] { parameters(listening: false) }

    /// For the listener, which sits idle between notifications: nothing it sends would find a
    /// link that went away silently (a cable pulled, a laptop moved to another network) before
    /// the next heartbeat, so its keepalives probe after 3 s of silence and give up after about
    /// 6 s, and the status bar says `reconnecting…` within seconds of a cut. A listener dropped
    /// by mistake costs one reconnect and a catch-up.
    var listenerParameters: [(key: String, value: String)] { parameters(listening: true) }

    private func parameters(listening: Bool) -> [(key: String, value: String)] {
        var parameters: [(String, String)] = [
            ("connect_timeout", "5"), ("keepalives", "1"), ("keepalives_idle", listening ? "3" : "10"),
            ("keepalives_interval", listening ? "1" : "5"), ("keepalives_count", "3"),
            ("tcp_user_timeout", listening ? "6000" : "15000"), ("application_name", "chorus"),
            // A transaction left open by a stuck client must not hold rows for long, and a
            // statement whose client died (waiting for the head lock, say) is ended within a
            // second instead of completing for nobody.
            ("options", "-c idle_in_transaction_session_timeout=60000 -c lock_timeout=5000 -c client_connection_check_interval=1000"),
        ]
        // Over a network the link is encrypted unless the address says otherwise; a unix
        // socket or the loopback interface never leaves the machine.
        let local = host.isEmpty || host.hasPrefix("/") || host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
        if !local { parameters.append(("sslmode", "require")) }
        parameters.append(("dbname", uri))
        return parameters
    }
}
