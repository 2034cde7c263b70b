import ChorusConcurrency
import ChorusCore

/// Colleagues' work caught up with off the owner's thread: a colleague's import of a night's
/// orders (a staged batch of a hundred megabytes to read, decode and apply, and a million
/// orders to index) or a snapshot to reload after their compaction would otherwise hold a
/// console's keys for seconds.
///
/// The store's log is handed to the background thread for the time of the catch-up, and the
/// entries are applied to a copy of the workspace — a value, whose collections are shared
/// until the copy first changes them — so the store's own workspace stays as it was for the
/// screen to read meanwhile. Until `WorkspaceStore.finish(_:)` the owner must not perform,
/// compact or catch up (the log is not its own); `finish` then makes the result current by
/// assigning values, so no order is re-indexed on the owner's thread.
public final class CatchUpInProgress {
    /// Colleagues' staged imports about to be loaded, in words ("maria imported 1 000 000
    /// orders"), read from their small journal lines before the batches; empty when the log
    /// cannot tell cheaply.
    public let staged: [(actor: String, summary: String)]
    let work: BackgroundWork<Result<WorkspaceStore.CaughtUp, any Error>>

    init(staged: [(actor: String, summary: String)], work: BackgroundWork<Result<WorkspaceStore.CaughtUp, any Error>>) {
        self.staged = staged
        self.work = work
    }

    /// Whether the background work is done and `finish` will not wait.
    public var isFinished: Bool { work.result != nil }

    /// Waits until the work is done, without making it current.
    public func waitUntilFinished() { _ = work.wait() }

    /// Waits up to `budget` for the work: a small catch-up is done before a person could notice.
    public func isFinished(within budget: Duration) -> Bool { work.wait(upTo: budget) != nil }
}

extension WorkspaceStore {
    /// What catching up computed, to be made current on the owner's thread.
    struct CaughtUp: Sendable {
        var following: FollowingState
        var applied: [(entry: JournalEntry, applied: AppliedCommand)]
        /// The manifest of a snapshot reloaded on the way (a colleague's compaction), for a folder.
        var reloadedManifest: Manifest?
        var reloaded: Bool
        /// Who did what in the entries that arrived folded into a reloaded snapshot.
        var folded: [HistoryRecord] = []
    }

    /// The part of the store that catching up changes: values the background thread gets a
    /// copy of, and the log it alone uses meanwhile.
    struct FollowingState: Sendable {
        var workspace: Workspace
        var itemChanges: ItemChanges
        var performedCommands: [String: String]
        var lastSequence: Int
        var journalLength: Int
        var pendingOrderHistory: OrderHistoryLoader?
        var savedRows: SavedRows
    }

    /// The values and the log handed to a background catch-up. @unchecked: the owner's thread
    /// touches neither the log nor this box from `beginCatchUp` until `finish` (the store's
    /// contract), and `BackgroundWork`'s lock orders the hand-over and the hand-back.
    private final class HandedOver: @unchecked Sendable {
        let reader: Reader
        init(_ reader: Reader) { self.reader = reader }
    }

    /// What catching up works from: the log (reading it moves the log's own read position, so
    /// only one thread may use it at a time), where the workspace is, and the state to start from.
    struct Reader {
        let log: any SharedLog
        let folder: String
        let fileSystem: any FileSystem
        let isFolder: Bool
        let start: FollowingState
    }

    /// Starts catching up on another thread (see `CatchUpInProgress`).
    public func beginCatchUp() -> CatchUpInProgress {
        let handed = HandedOver(reader)
        let staged = folderLog?.stagedAhead() ?? []
        return CatchUpInProgress(staged: staged, work: BackgroundWork { Result { try Self.catchUp(handed.reader) } })
    }

    /// Makes a finished background catch-up current (waiting for it if it still runs), and
    /// returns who did what, oldest first: the entries it applied with what each did, and the
    /// history of those that arrived folded into a colleague's snapshot.
    @discardableResult
    public func finish(_ catchUp: CatchUpInProgress) throws -> (entries: [(entry: JournalEntry, applied: AppliedCommand)], folded: [HistoryRecord]) {
        let outcome = catchUp.work.wait()
        let entries = try adopt(outcome)
        return (entries, (try? outcome.get().folded) ?? [])
    }

    /// Applies what colleagues appended since this store last looked, on this thread, and
    /// returns those entries with what each did, oldest first. A store whose entries were
    /// folded into a snapshot meanwhile reloads that snapshot.
    @discardableResult
    public func catchUp() throws -> [(entry: JournalEntry, applied: AppliedCommand)] {
        try adopt(Result { try Self.catchUp(reader) })
    }

    private var reader: Reader {
        Reader(log: log, folder: folder, fileSystem: fileSystem, isFolder: folderLog != nil,
               start: FollowingState(workspace: workspace, itemChanges: itemChanges, performedCommands: performedCommands,
                                     lastSequence: lastSequence, journalLength: journalLength, pendingOrderHistory: pendingOrderHistory,
                                     savedRows: savedRows))
    }

    /// The assignments that make a catch-up current: O(1) each, the values having been built
    /// wherever the catch-up ran.
    private func adopt(_ outcome: Result<CaughtUp, any Error>) throws -> [(entry: JournalEntry, applied: AppliedCommand)] {
        let caughtUp: CaughtUp
        do {
            caughtUp = try outcome.get()
        } catch let newer as NewerEntry {
            unreadableLastLine = newer.line
            throw newer.line.refusal
        } catch let error as StoreError where error.kind == .newerSchema || (folderLog?.journal.unreadableLastLine != nil) {
            unreadableLastLine = folderLog?.journal.unreadableLastLine
            throw error
        }
        let following = caughtUp.following
        workspace = following.workspace
        itemChanges = following.itemChanges
        performedCommands = following.performedCommands
        lastSequence = following.lastSequence
        journalLength = following.journalLength
        pendingOrderHistory = following.pendingOrderHistory
        savedRows = following.savedRows
        if let newManifest = caughtUp.reloadedManifest { manifest = newManifest }
        if caughtUp.reloaded {
            knownAttribution = nil
            attributionInputsSequence = lastSequence
        }
        if let last = caughtUp.applied.last(where: { $0.entry.command.needsOrderHistory }) { lastEntryNeedingOrderHistory = last.entry.seq }
        if let last = caughtUp.applied.last(where: { $0.entry.command.mayChangeAttribution(replacing: $0.applied) }) {
            knownAttribution = nil
            attributionInputsSequence = last.entry.seq
        }
        return caughtUp.applied
    }

    /// Loads the newest snapshot and the entries after it, here and now (see `reloadingSnapshot`).
    func reloadFromSnapshot() throws {
        _ = try adopt(Result { try Self.reloadingSnapshot(reader) })
    }

    /// What a newer Chorus wrote, met while catching up: the store becomes read-only.
    private struct NewerEntry: Error {
        var line: UnreadableJournalLine
    }

    /// Catching up itself, on whichever thread: it reads the log and changes only its copies.
    private static func catchUp(_ reader: Reader) throws -> CaughtUp {
        var state = reader.start
        let entries: [JournalEntry]
        do {
            entries = try reader.log.entries(after: state.lastSequence)
        } catch is SharedLogGap {
            return try reloadingSnapshot(reader)
        }
        var applied: [(entry: JournalEntry, applied: AppliedCommand)] = []
        for entry in entries {
            // A folder's journal stops at such an entry itself; another log hands it over.
            if let newer = UnreadableJournalLine.newer(entry.format, file: reader.folder) { throw NewerEntry(line: newer) }
            if entry.command.needsOrderHistory, let loader = state.pendingOrderHistory {
                let history = try loader.load()
                state.workspace.attachOrderHistory(history)
                state.savedRows.note(history, readBy: loader)
                state.pendingOrderHistory = nil
            }
            let outcome = try Self.apply(entry, to: &state.workspace, changes: &state.itemChanges, performed: &state.performedCommands,
                                         place: Self.place(of: entry.seq, in: reader.log))
            state.lastSequence = entry.seq
            state.journalLength += 1
            applied.append((entry, outcome))
        }
        return CaughtUp(following: state, applied: applied, reloadedManifest: nil, reloaded: false)
    }

    /// Loads the newest snapshot and the entries after it, when entries this store had not
    /// applied yet were folded into a snapshot by a colleague's compaction or big import.
    private static func reloadingSnapshot(_ reader: Reader) throws -> CaughtUp {
        let (snapshot, newManifest) = try reloadedSnapshot(reader.log, folder: reader.isFolder ? reader.folder : nil, fileSystem: reader.fileSystem)
        if let newer = UnreadableJournalLine.newer(snapshot.format, file: reader.isFolder ? reader.folder + "/" + Manifest.fileName : reader.folder) {
            throw NewerEntry(line: newer)
        }
        var state = reader.start
        let folded = newManifest.map { manifest in
            ((try? Self.history(of: manifest, archive: HistoryArchive(folder: reader.folder, fileSystem: reader.fileSystem))) ?? [])
                .filter { $0.seq > reader.start.lastSequence && $0.seq <= snapshot.through }
        } ?? []
        state.workspace = snapshot.workspace
        // Noted before the entries after it are applied, which give what they change new versions.
        state.savedRows = SavedRows()
        if let newManifest, reader.isFolder { state.savedRows.note(snapshot.workspace, in: reader.folder, newManifest) }
        state.itemChanges = ItemChanges()
        state.lastSequence = snapshot.through
        var applied: [(entry: JournalEntry, applied: AppliedCommand)] = []
        for entry in try reader.log.entries(after: snapshot.through) {
            let outcome = try Self.apply(entry, to: &state.workspace, changes: &state.itemChanges, performed: &state.performedCommands,
                                         place: Self.place(of: entry.seq, in: reader.log))
            state.lastSequence = entry.seq
            applied.append((entry, outcome))
        }
        state.journalLength = state.lastSequence - snapshot.through
        state.pendingOrderHistory = nil
        return CaughtUp(following: state, applied: applied, reloadedManifest: newManifest, reloaded: true, folded: folded)
    }
}
