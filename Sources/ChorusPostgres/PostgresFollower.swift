import ChorusStore
import Foundation
import Glibc

/// Follows a workspace on the server from a connection of its own, on a thread of its own, so
/// that a slow or dead network never stalls a key press: it LISTENs for appends, asks for the
/// head every `heartbeat` seconds (a listener can die silently — a laptop's sleep, a NAT that
/// forgot the connection), and on any error reconnects with a growing pause and LISTENs again.
///
/// Notifications are hints, never data: on each one, on every reconnect (what was appended
/// meanwhile was announced to nobody) and when a heartbeat finds the head moved, the follower
/// reads the new entries itself, on its own thread, keeps them (`Fetched`) and then moves
/// `hint`; the store's catch-up takes them from here. So the console's thread never waits on
/// the network to show colleagues' work, and a link that dies between a notification and the
/// catch-up cannot freeze the screen.
public final class PostgresFollower: @unchecked Sendable {
    // @unchecked: `state` and `fetched` are read and written under `lock`; the thread owns its connection.
    public enum Link: Hashable, Sendable {
        case connecting
        case connected
        /// The link broke; it is being made again. The reason is in words.
        case reconnecting(String)
    }

    private let address: PostgresAddress
    private let heartbeat: Double
    private let lock = NSLock()
    private var state = (hint: 0, link: Link.connecting, stopped: false)
    private var fetched: Fetched?

    /// Entries read from the server, in order: those after `start` through `through`.
    private struct Fetched {
        var start: Int
        var entries: [JournalEntry]
        var through: Int { start + entries.count }
    }

    init(address: PostgresAddress, heartbeat: Double = 20) {
        self.address = address
        self.heartbeat = heartbeat
        let thread = Thread { [self] in run() }
        thread.name = "chorus.postgres-follower"
        thread.start()
    }

    var hint: Int { lock.withLock { state.hint } }
    var link: Link { lock.withLock { state.link } }

    func stop() { lock.withLock { state.stopped = true } }

    private var stopped: Bool { lock.withLock { state.stopped } }

    /// Something may have been appended: the store should catch up.
    private func note(_ link: Link? = nil) {
        lock.withLock {
            state.hint &+= 1
            if let link { state.link = link }
        }
    }

    /// The entries after `position` that this follower has read, or nil when it holds none from
    /// that far back or knows of fewer than `known` entries (a conflict said the head moved on):
    /// then the caller reads the server. Entries up to `position` are let go: the store has them.
    func entries(after position: Int, known: Int) -> [JournalEntry]? {
        lock.withLock {
            guard var held = fetched, position >= held.start, max(held.through, position) >= known else { return nil }
            let through = held.through
            held.entries = Array(held.entries.drop { $0.seq <= position })
            held.start = through - held.entries.count
            fetched = held
            return held.entries
        }
    }

    /// The link is down: nothing to catch up with until it is back.
    private func lost(_ reason: String) { lock.withLock { state.link = .reconnecting(reason) } }

    private func run() {
        var pause = 0.25
        while !stopped {
            do {
                try follow(PostgresConnection(address, listening: true), onConnected: { pause = 0.25 })
            } catch {
                guard !stopped else { return }
                // The address is on screen already: the reason alone.
                lost((error as? StoreError)?.message ?? "\(error)")
                Thread.sleep(forTimeInterval: pause * Double.random(in: 0.8...1.2))
                pause = min(pause * 2, 8)
            }
        }
    }

    /// LISTENs, then waits on the socket in short slices (so `stop` is noticed), until the
    /// connection fails.
    private func follow(_ connection: PostgresConnection, onConnected: () -> Void) throws {
        let headQuery = "SELECT head_seq FROM \(address.schema).workspace"
        do {
            try connection.query("LISTEN \(address.channel)")
            var head = try connection.query(headQuery).int(0, 0)
            try fetch(connection, head: head)
            onConnected()
            note(.connected)  // and catch up with what was appended while nobody listened
            var lastBeat = Date()
            while !stopped {
                var descriptor = pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0)
                _ = poll(&descriptor, 1, 250)
                if try !connection.notifications().isEmpty {
                    try fetch(connection)
                    note()
                }
                if Date().timeIntervalSince(lastBeat) >= heartbeat {
                    let now = try connection.query(headQuery).int(0, 0)
                    if now != head {
                        try fetch(connection)
                        note()
                    }
                    head = now
                    lastBeat = Date()
                }
            }
        } catch let error as PostgresError {
            throw error.storeError
        }
    }

    /// Reads the entries after those held. On connecting with none held (the first time, or
    /// after entries it could not read), only notes where the server's head is: the store reads
    /// what came before from the server.
    private func fetch(_ connection: PostgresConnection, head: Int? = nil) throws {
        guard let through = lock.withLock({ fetched?.through }) else {
            if let head { lock.withLock { fetched = Fetched(start: head, entries: []) } }
            return
        }
        let rows = try connection.query("SELECT entry::text FROM \(address.schema).commands WHERE seq > $1 ORDER BY seq", [PostgresValue(through)])
        guard rows.count > 0 else { return }
        let address = self.address
        guard let entries = try? PostgresLog.decode(rows, after: through, from: address,
                                                     staged: { try PostgresLog.staged($0, on: connection, from: address) }) else {
            // The store's own read says what is wrong with them.
            lock.withLock { fetched = nil }
            return
        }
        lock.withLock {
            guard fetched?.through == through else { return }
            fetched?.entries += entries
        }
    }
}
