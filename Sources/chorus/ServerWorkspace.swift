import ChorusCore
import ChorusPostgres
import ChorusStore
import Foundation

/// A workspace on a PostgreSQL server, named by `--workspace postgres://HOST/DB?workspace=NAME`
/// or `$CHORUS_WORKSPACE`: every command that opens a folder opens it the same way.
enum ServerWorkspace {
    /// The server address `url` names, or nil for a folder.
    static func address(_ url: URL) throws -> PostgresAddress? {
        guard url.scheme == "postgres" || url.scheme == "postgresql" else { return nil }
        return try PostgresAddress(url.absoluteString)
    }

    /// Opens the workspace at `address`, for reading and writing alike: each append is checked
    /// by the server against the head and the person's rights, and the store judges commands
    /// (and the console keys) by the roles the server holds, read once here.
    static func open(_ address: PostgresAddress) throws -> (WorkspaceStore, PostgresLog) {
        let log = try PostgresLog(address)
        let store = try WorkspaceStore.open(sharing: log, name: address.description)
        store.enforcedPeople = try ServerPeople(address).enforced(actingAs: Clock.actor)
        return (store, log)
    }

    /// Where this machine keeps a person's console settings for a server workspace (a theme is
    /// one person's choice on one machine, not the team's).
    static func settingsFolder(_ address: PostgresAddress) -> URL {
        let environment = ProcessInfo.processInfo.environment
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return URL(fileURLWithPath: dataHome).appendingPathComponent("chorus/servers/\(address.workspace)")
    }

    /// What the status bar says when the console's link to the server changes.
    static func sentence(_ link: PostgresFollower.Link) -> String? {
        switch link {
        case .connecting: nil
        case .connected: "connected"
        case .reconnecting(let reason): "reconnecting… (\(reason)); your work is kept until the server answers"
        }
    }
}
