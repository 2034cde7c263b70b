import ChorusPostgres

/// The console's link to a server workspace, as the status bar tells it: `connected` once it
/// is up, `reconnecting…` with the reason while it is down (keys that write are then kept
/// pending, see `StoreSession.commandsWait`, and sent once it is back), and `connected` again
/// once it is back and caught up.
final class ServerLink {
    let log: PostgresLog
    private var said: PostgresFollower.Link = .connecting

    init(_ log: PostgresLog) { self.log = log }

    /// A sentence when the link changed since the last call.
    func news() -> String? {
        let now = log.link
        guard now != said else { return nil }
        // A reason that changes while still reconnecting is not news.
        if case .reconnecting = now, case .reconnecting = said { return nil }
        let first = said == .connecting
        said = now
        guard let sentence = ServerWorkspace.sentence(now) else { return nil }
        return first && now == .connected ? "connected to \(log.address)" : sentence
    }
}
