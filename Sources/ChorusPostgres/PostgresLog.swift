import ChorusCore
import ChorusStore
import Foundation

/// The `SharedLog` of a workspace on a PostgreSQL server, for a team at several machines.
///
/// One `commands` table per workspace, numbered gaplessly under the workspace's head-row lock
/// by the `append_command` function (see `WorkspaceSchema`), which also refuses a command id
/// it already holds: a client whose acknowledgement was lost finds its command by id on the
/// next catch-up. Snapshots and staged payloads are chunked `bytea`, each written in its own
/// transaction, so they never hold up an append. Following uses LISTEN on a connection of its
/// own (`PostgresFollower`); notifications are only hints.
public final class PostgresLog: SharedLog, KeepsEarlierHistory {
    public let address: PostgresAddress
    private let connection: PostgresConnection
    /// The journal format the workspace was created with (the version gate's input).
    public let domainFormat: Int
    private var ownAppends = 0
    private var lease: PostgresLease?
    private var startedFollower: PostgresFollower?
    /// Started on the first look for changes: the CLI, which never follows, opens no listener.
    private var follower: PostgresFollower {
        if let startedFollower { return startedFollower }
        let follower = PostgresFollower(address: address)
        startedFollower = follower
        return follower
    }
    /// Chunk size for snapshots and staged payloads: well under libpq's and the server's limits,
    /// and small enough that one chunk's round trip is short.
    static let chunkSize = 1 << 20

    /// Opens the workspace at `address`; throws if the server cannot be reached or holds no
    /// such workspace.
    public init(_ address: PostgresAddress) throws {
        self.address = address
        connection = try PostgresConnection(address)
        let rows: PostgresRows
        do {
            rows = try connection.query("SELECT domain_format FROM \(address.schema).workspace")
        } catch let error as PostgresError where error.sqlState == "42P01" || error.sqlState == "3F000" {
            throw StoreError(.notAWorkspace, file: address.description, "holds no such workspace; create it with chorus init --postgres")
        } catch let error as PostgresError where error.isPermissionDenied {
            throw StoreError(.readOnly, file: address.description, "is not open to you (\(error.message)); ask its admin to add you")
        }
        guard rows.count == 1, let format = rows.int(0, 0) else {
            throw StoreError(.corrupt, file: address.description, "has no workspace row; it was not created by chorus init")
        }
        domainFormat = format
    }

    /// Creates the workspace's schema, role and functions at `address`, holding `workspace`.
    /// A workspace moved from elsewhere goes on from position `through`, with the records of
    /// what was done before as its `earlierHistory`.
    @discardableResult
    public static func create(_ address: PostgresAddress, workspace: Workspace, through: Int = 0,
                              earlierHistory: [HistoryRecord] = []) throws -> PostgresLog {
        let connection = try PostgresConnection(address)
        let exists = try connection.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [.text(address.schema)])
        guard exists.count == 0 else {
            throw StoreError(.alreadyAWorkspace, file: address.description, "already exists; open it instead")
        }
        try connection.transaction {
            do {
                for statement in WorkspaceSchema.creation(address, domainFormat: JournalEntry.currentFormat,
                                                                       allowsActingAs: workspace.program.people?.allowsActingAs ?? false) { try connection.query(statement) }
                try connection.query("UPDATE \(address.schema).workspace SET head_seq = $1", [PostgresValue(through)])
                let records = String(decoding: try encoder.encode(earlierHistory), as: UTF8.self)
                try connection.query("INSERT INTO \(address.schema).earlier_history SELECT (r->>'seq')::bigint, r FROM jsonb_array_elements($1::jsonb) r",
                                     [.text(records)])
            } catch let error as PostgresError {
                throw error.storeError
            }
        }
        let log = try PostgresLog(address)
        try log.putSnapshot(LogSnapshot(workspace: workspace, through: through))
        return log
    }

    /// Removes the workspace at `address` with its whole history (its schema and role): for
    /// throwaway workspaces such as a benchmark's. Needs the rights of whoever created it.
    public static func remove(_ address: PostgresAddress) throws {
        let connection = try PostgresConnection(address)
        do {
            try connection.transaction {
                try connection.query("DROP SCHEMA \(address.schema) CASCADE")
                for role in WorkspaceRoles.all(address) { try connection.query("DROP ROLE IF EXISTS \(role)") }
            }
        } catch let error as PostgresError {
            throw error.storeError
        }
    }

    public func head() throws -> Int {
        let head = try reading { try connection.query("SELECT head_seq FROM \(address.schema).workspace").int(0, 0) ?? 0 }
        knownHead = max(knownHead, head)
        return head
    }

    /// What the follower has read already when it reaches that far back (no wait on the
    /// network: the console's catch-up), else what the server holds.
    public func entries(after position: Int) throws -> [JournalEntry] {
        if let held = startedFollower?.entries(after: position, known: knownHead) { return held }
        let rows = try reading {
            try connection.query("SELECT entry::text FROM \(address.schema).commands WHERE seq > $1 ORDER BY seq", [PostgresValue(position)])
        }
        let entries = try Self.decode(rows, after: position, from: address, staged: staged)
        knownHead = max(knownHead, entries.last?.seq ?? position)
        return entries
    }

    /// The newest position this client has seen the server hold (read, appended or reported
    /// by a conflict): entries held by the follower serve a catch-up only if they reach it.
    private var knownHead = 0

    /// `staged` reads a staged import's payload: from whichever connection read the rows (the
    /// store's, or the follower's on its own thread).
    static func decode(_ rows: PostgresRows, after position: Int, from address: PostgresAddress,
                       staged: (String) throws -> [UInt8]) throws -> [JournalEntry] {
        let decoder = JSONDecoder()
        return try (0..<rows.count).map { row in
            let bytes = Data(rows.bytes(row, 0) ?? [])
            do {
                guard let line = try? decoder.decode(StagedJournalLine.self, from: bytes) else { return try decoder.decode(JournalEntry.self, from: bytes) }
                return line.entry(command: try line.batch.command(from: try staged(line.batch.name)))
            } catch {
                throw StoreError(.corrupt, file: address.description, "entry \(position + row + 1) cannot be read: \(error)")
            }
        }
    }

    /// The row's entry: a staged import's names its batch instead of carrying the command, and
    /// keeps only the command's kind, which the append function judges permission by.
    private static func body(of entry: JournalEntry) throws -> String {
        var stored = entry
        stored.prev = nil
        stored.sum = nil
        guard let batch = entry.batch else { return String(decoding: try encoder.encode(stored), as: UTF8.self) }
        var line = (try JSONSerialization.jsonObject(with: encoder.encode(StagedJournalLine(stored, batch: batch))) as? [String: Any]) ?? [:]
        line["command"] = ["kind": entry.command.kind]
        return String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    public func append(_ entry: JournalEntry, expectedHead: Int) throws -> AppendOutcome {
        try requireLink()
        guard entry.seq == expectedHead + 1 else {
            throw StoreError(.corrupt, file: address.description, "entry \(entry.seq) cannot follow entry \(expectedHead); positions must be gapless")
        }
        let body = try Self.body(of: entry)
        let statement = "SELECT outcome, at_seq FROM \(address.schema).append_command($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)"
        let parameters: [PostgresValue] = [
            PostgresValue(expectedHead), PostgresValue(entry.commandID ?? UUID().uuidString.lowercased()), .text(entry.command.authorizingKind.rawValue),
            .text(entry.actor), .text(String(entry.at.secondsSinceEpoch)), PostgresValue(entry.basedOn),
            PostgresValue(entry.format ?? JournalEntry.currentFormat), entry.batch.map { .text($0.name) } ?? .null, .text(body)]
        let rows: PostgresRows
        do {
            rows = try connection.query(statement, parameters)
        } catch let error as PostgresError where error.isConnectionLost {
            // A connection that broke since the last statement (a server restart) is only found
            // out by using it. Sending again on a new one is safe: the command id makes a
            // second arrival a "duplicate", which the store then finds on the log.
            do { rows = try connection.query(statement, parameters) } catch let again as PostgresError { throw again.storeError }
        } catch let error as PostgresError {
            throw error.storeError
        }
        let position = rows.int(0, 1) ?? 0
        knownHead = max(knownHead, position)
        switch rows.text(0, 0) {
        case "appended":
            ownAppends += 1
            return .appended(position)
        case "conflict":
            return .conflict(head: position)
        default:
            throw StoreError(.corrupt, file: address.description,
                             "command \(entry.commandID ?? "") is already in the log at entry \(position); it was not appended again")
        }
    }

    public func earlierHistory() throws -> [HistoryRecord] {
        let rows = try reading { try connection.query("SELECT record::text FROM \(address.schema).earlier_history ORDER BY seq") }
        return try (0..<rows.count).map { try JSONDecoder().decode(HistoryRecord.self, from: Data(rows.bytes($0, 0) ?? [])) }
    }

    /// Moves on every own append, every notification, every reconnect and every heartbeat that
    /// found the head moved; never waits on the network.
    public func changeHint() -> Int { ownAppends &* 1_000_003 &+ follower.hint }

    /// Whether the follower's connection is up, for the status bar.
    public var link: PostgresFollower.Link { follower.link }

    public func currentSnapshot() throws -> LogSnapshot {
        try reading {
            try connection.transaction("REPEATABLE READ") {
                // The workspace's domain format stands for the snapshot's: a newer client's first
                // entry raises it, and from then on this build opens the workspace read-only.
                let head = try connection.query("SELECT s.generation, s.through_seq, w.domain_format FROM \(address.schema).snapshot_head s, \(address.schema).workspace w")
                guard let generation = head.int(0, 0), let through = head.int(0, 1), let format = head.int(0, 2) else {
                    throw StoreError(.corrupt, file: address.description, "has no snapshot; it was not created by chorus init")
                }
                let chunks = try connection.query("SELECT file, bytes FROM \(address.schema).snapshot_chunks WHERE generation = $1 ORDER BY file, part",
                                                  [PostgresValue(generation)], binaryResults: true)
                var files: [SnapshotFiles.File] = []
                for row in 0..<chunks.count {
                    let name = chunks.text(row, 0) ?? ""
                    if files.last?.name != name { files.append(SnapshotFiles.File(name: name, bytes: [])) }
                    files[files.count - 1].bytes += chunks.bytes(row, 1) ?? []
                }
                return LogSnapshot(workspace: try SnapshotFiles.decode(files), through: through, format: format)
            }
        }
    }

    public func putSnapshot(_ snapshot: LogSnapshot) throws {
        let files = try SnapshotFiles.encode(snapshot.workspace)
        do {
            try connection.transaction {
                let generation = try connection.query("SELECT \(address.schema).begin_snapshot($1)", [PostgresValue(snapshot.through)]).int(0, 0) ?? 0
                for file in files {
                    for (part, start) in stride(from: 0, to: max(file.bytes.count, 1), by: Self.chunkSize).enumerated() {
                        let chunk = Array(file.bytes[start..<min(start + Self.chunkSize, file.bytes.count)])
                        try connection.query("SELECT \(address.schema).put_snapshot_chunk($1, $2, $3, $4)",
                                             [PostgresValue(generation), .text(file.name), PostgresValue(part), .bytes(chunk)])
                    }
                }
                try connection.query("SELECT \(address.schema).publish_snapshot($1)", [PostgresValue(generation)])
            }
        } catch let error as PostgresError {
            throw error.storeError
        }
    }

    /// An advisory lock on the server, held by this connection: another machine's compaction
    /// gets nil until it is released (or this connection ends).
    public func leaseCompaction() -> CompactionLease? {
        guard lease == nil,
              let rows = try? connection.query("SELECT pg_try_advisory_lock(hashtext($1))", [.text(leaseKey)]),
              rows.text(0, 0) == "t" else { return nil }
        let taken = PostgresLease { [weak self] in
            guard let self else { return }
            _ = try? connection.query("SELECT pg_advisory_unlock(hashtext($1))", [.text(leaseKey)])
            lease = nil
        }
        lease = taken
        return taken
    }

    private var leaseKey: String { "chorus compaction " + address.schema }

    public func stage(_ payload: [UInt8]) throws -> String {
        let name = "batch-\(UUID().uuidString.lowercased())"
        do {
            try connection.transaction {
                for (part, start) in stride(from: 0, to: payload.count, by: Self.chunkSize).enumerated() {
                    try connection.query("SELECT \(address.schema).stage_chunk($1, $2, $3)",
                                         [.text(name), PostgresValue(part), .bytes(Array(payload[start..<min(start + Self.chunkSize, payload.count)]))])
                }
                try connection.query("SELECT \(address.schema).finish_batch($1, $2)", [.text(name), PostgresValue(payload.count)])
            }
        } catch let error as PostgresError {
            throw error.storeError
        }
        return name
    }

    public func staged(_ name: String) throws -> [UInt8] {
        try reading { try Self.staged(name, on: connection, from: address) }
    }

    static func staged(_ name: String, on connection: PostgresConnection, from address: PostgresAddress) throws -> [UInt8] {
        try connection.transaction("REPEATABLE READ") {
            let batch = try connection.query("SELECT byte_count FROM \(address.schema).batches WHERE id = $1", [.text(name)])
            guard batch.count == 1 else { throw StoreError(.corrupt, file: address.description, "the staged payload \(name) is missing") }
            let chunks = try connection.query("SELECT bytes FROM \(address.schema).batch_chunks WHERE batch_id = $1 ORDER BY part",
                                              [.text(name)], binaryResults: true)
            return (0..<chunks.count).flatMap { chunks.bytes($0, 0) ?? [] }
        }
    }

    /// Runs a read, once more on a fresh connection if the link broke (a server restart):
    /// reads are safe to repeat. Errors come out as `StoreError`s naming the server.
    private func reading<T>(_ body: () throws -> T) throws -> T {
        try requireLink()
        do {
            return try body()
        } catch let error as PostgresError where error.isConnectionLost {
            do { return try body() } catch let again as PostgresError { throw again.storeError }
        } catch let error as PostgresError {
            throw error.storeError
        }
    }

    /// While the follower knows the server is out of reach, a write or read fails at once
    /// instead of waiting out a connect timeout on the console's thread: the screen never
    /// freezes, and the person is told nothing was changed.
    private func requireLink() throws {
        // The reason is in the status bar already.
        guard case .reconnecting = startedFollower?.link else { return }
        throw StoreError(.io, "the server cannot be reached; nothing was changed — try again when the status bar says connected")
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    deinit { startedFollower?.stop() }
}

private final class PostgresLease: CompactionLease {
    private var onRelease: (() -> Void)?
    init(_ onRelease: @escaping () -> Void) { self.onRelease = onRelease }
    func release() {
        onRelease?()
        onRelease = nil
    }
}
