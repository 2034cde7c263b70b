import ChorusCore
import Dispatch

/// A workspace folder opened for use: the current `Workspace` in memory, and the disk kept in
/// step with it so that nothing a user did is lost if the process or the machine dies.
///
/// Opening loads the snapshot and replays the journal. Any number of stores — in one process or
/// many — share one log (`SharedLog`): each `perform` catches up with what colleagues appended,
/// applies the command against that newest state and appends it only if nobody appended in
/// between, retrying otherwise (see `WorkspaceStore+Perform`). A command that cannot be made
/// durable is rolled back in memory too. `compact` folds the journal into a new snapshot. A
/// read-write store on a folder holds the folder's lock *shared* until `close` (or deinit), so
/// maintenance can take it alone; a read-only one takes no lock and refuses writes.
///
/// Not thread-safe: one owner (the console's or CLI's main loop) drives it.
public final class WorkspaceStore {
    public enum Mode: Sendable {
        case readWrite, readOnly
    }

    /// How a performed command is made durable before `perform` returns.
    public enum Durability: Sendable {
        /// One synced journal line: fast, the default.
        case journal
        /// Staged out of line, one small journal line naming it, then a new snapshot: for very
        /// large commands (big imports).
        case snapshot
    }

    public let folder: String
    /// Read-only when asked, and also when the journal's last line cannot be read (see
    /// `unreadableLastLine`): a read-write open then gives the lock back and refuses writes.
    public let mode: Mode
    /// The current state. Read it freely, but do not hold a copy across `perform`: a command
    /// mutates collections in place only while nothing else shares them.
    public internal(set) var workspace: Workspace
    /// A journal line cut short by a crash, found and ignored on open; the CLI prints its
    /// `notice`. In read-write mode it is cut off the file before the next append.
    public let recoveredTornLine: TornJournalLine?
    /// A complete last journal line this build cannot read: it is left as it is and the store
    /// is read-only, saying why in `recoveryNotice` and in the error every write throws. Also
    /// set when such a line arrives while following colleagues' appends.
    public internal(set) var unreadableLastLine: UnreadableJournalLine?
    /// The notice to print about `recoveredTornLine` or `unreadableLastLine`, or nil when the
    /// journal was intact.
    public var recoveryNotice: String? { recoveredTornLine?.notice ?? unreadableLastLine?.notice }
    /// Journal entries not yet folded into the snapshot; callers compact when this grows long.
    public internal(set) var journalLength: Int
    /// The last journal entry that needs the order history to be replayed (`Command.needsOrderHistory`:
    /// an import of orders or answers, an answer resolved, the undo of one), 0 for none.
    var lastEntryNeedingOrderHistory: Int
    /// The people and roles someone else enforces (a database's logins), which commands are
    /// judged by instead of the program's list; nil for a folder.
    public var enforcedPeople: ProgramPeople?

    let fileSystem: any FileSystem
    let log: any SharedLog
    /// The log when it is this workspace folder's journal (it is nil for a log held elsewhere):
    /// snapshots, kept attribution and stray files live in the folder.
    let folderLog: FolderLog?
    var manifest: Manifest
    /// The snapshot files that hold collections as they are (see `SavedRows`).
    var savedRows = SavedRows()
    /// The position of the newest entry applied to `workspace`.
    public internal(set) var lastSequence: Int
    /// Who last changed each item (see `ItemChanges`).
    var itemChanges = ItemChanges()
    /// The summaries of commands applied since opening, by their command ids: a retry of one
    /// whose acknowledgement was lost is answered from here instead of applied twice.
    var performedCommands: [String: String] = [:]
    /// The undo of each recent command this store performed, with the position the command
    /// landed at: an undo sent back later is based on that position (see `basis(for:)`).
    var recentUndos: [(undo: Command, position: Int)] = []
    /// The position after this store's own last change (or its opening): colleagues' changes
    /// since then arrived while the person looked, and a refusal they cause names them.
    var lastOwnPosition = 0
    /// The generation the next compaction writes. It grows past every generation whose manifest
    /// may have been renamed into place, so a retry never overwrites files that could be current;
    /// an attempt that failed while writing its files (a full disk) gives its number back, so
    /// retrying does not climb through generations.
    var nextGeneration: Int
    /// Generations begun and not yet finished: their files are not strays while being written.
    var inFlightGenerations: Set<Int> = []
    private var lock: WorkspaceLock?
    /// Held from the start of a compaction to its end, so no other process compacts meanwhile.
    var compactionLease: CompactionLease?
    private(set) var isClosed = false
    /// Orders and survey responses not read yet (see `open(at:mode:deferringOrderHistory:)`).
    public internal(set) var pendingOrderHistory: OrderHistoryLoader?
    /// Attribution known to be current for `workspace`: read from the file kept for this state
    /// or handed over by whoever computed it; nil once a command may have changed it.
    public internal(set) var knownAttribution: AttributionResult?
    /// The last journal entry that could have changed attribution's inputs (see `StoredAttribution`).
    var attributionInputsSequence: Int
    /// `attributionInputsSequence` when the store opened: kept attribution read in the
    /// background is adopted only if it has not moved since.
    let attributionInputsSequenceAtOpen: Int
    /// Writes kept attribution files one at a time, off the owner's thread.
    let attributionWriter = DispatchQueue(label: "chorus.attribution-writer")
    /// What that writer learned of the snapshot's orders file (`KeptAmbiguousAnswers`).
    let snapshotFileChecksums = SnapshotFileChecksums()

    private init(folder: String, mode: Mode, fileSystem: any FileSystem, lock: WorkspaceLock?,
                 deferringOrderHistory: Bool = false, lockWait: Double = FolderLog.defaultLockWait, reusing preview: PreviewedFiles? = nil) throws {
        var (snapshot, manifest, pending) = try Snapshot.read(from: folder, fileSystem: fileSystem,
                                                              deferringOrderHistory: deferringOrderHistory, reusing: preview)
        let log = FolderLog(folder: folder, fileSystem: fileSystem, snapshotThrough: manifest.journalSequence, lockWait: lockWait)
        let journal = log.journal
        let entries = try log.openingEntries(of: manifest, holdingAppendLock: mode == .readWrite)
        // Replaying a command that touches orders needs them: then nothing is deferred.
        if let loader = pending, entries.contains(where: { $0.seq > manifest.journalSequence && $0.command.needsOrderHistory }) {
            snapshot.attachOrderHistory(try loader.load())
            pending = nil
        }
        var workspace = snapshot
        var saved = SavedRows()
        saved.note(snapshot, in: folder, manifest,
                   only: pending == nil ? nil : Set(Snapshot.fileKinds).subtracting([OrderRowCodec.collection, SurveyResponseRowCodec.collection]))
        var changes = ItemChanges()
        var performed: [String: String] = [:]
        let (replayed, lastChangingAttribution) = try Self.replay(entries, onto: &workspace, after: manifest.journalSequence, log: log,
                                                                  changes: &changes, performed: &performed)
        let inputsSequence = lastChangingAttribution ?? manifest.journalSequence
        lastEntryNeedingOrderHistory = Self.lastNeedingOrderHistory(entries, after: manifest.journalSequence)
        if pending != nil {
            let key = StoredAttribution.Key(generation: manifest.generation, inputsSequence: inputsSequence)
            pending?.storedAttribution = (StoredAttribution.Location(folder: folder, key: key, fileSystem: fileSystem),
                                          workspace.creators, workspace.waves.rows)
        }
        self.pendingOrderHistory = pending
        self.attributionInputsSequence = inputsSequence
        self.attributionInputsSequenceAtOpen = inputsSequence
        self.folder = folder
        let unreadable = journal.unreadableLastLine
            ?? UnreadableJournalLine.newer(manifest.journalFormat, file: folder + "/" + Manifest.fileName)
        self.mode = unreadable == nil ? mode : .readOnly
        self.fileSystem = fileSystem
        // A workspace this build cannot fully read is never written: the lock goes back at once.
        if unreadable != nil { lock?.release() }
        self.lock = unreadable == nil ? lock : nil
        self.log = log
        self.folderLog = log
        self.workspace = workspace
        self.manifest = manifest
        self.savedRows = saved
        self.recoveredTornLine = journal.tornLine
        self.unreadableLastLine = unreadable
        self.journalLength = replayed
        self.lastSequence = manifest.journalSequence + replayed
        self.nextGeneration = manifest.generation + 1
        self.itemChanges = changes
        self.performedCommands = performed
        lastOwnPosition = lastSequence
    }

    /// A store on a log that is not a folder (another server, or memory in tests): the
    /// workspace is the log's snapshot and the entries after it.
    private init(sharing log: any SharedLog, name: String) throws {
        let snapshot = try log.currentSnapshot()
        var entries = try log.entries(after: snapshot.through)
        // What this build can read is shown; from a newer Chorus's snapshot or first entry on, nothing is written.
        let newerEntry = entries.firstIndex { UnreadableJournalLine.newer($0.format, file: name) != nil }
        let unreadable = UnreadableJournalLine.newer(snapshot.format, file: name)
            ?? newerEntry.flatMap { UnreadableJournalLine.newer(entries[$0].format, file: name) }
        if let newerEntry { entries.removeSubrange(newerEntry...) }
        var workspace = snapshot.workspace
        var changes = ItemChanges()
        var performed: [String: String] = [:]
        let (replayed, _) = try Self.replay(entries, onto: &workspace, after: snapshot.through, log: log,
                                            changes: &changes, performed: &performed)
        lastEntryNeedingOrderHistory = Self.lastNeedingOrderHistory(entries, after: snapshot.through)
        folder = name
        mode = unreadable == nil ? .readWrite : .readOnly
        fileSystem = POSIXFileSystem()
        lock = nil
        self.log = log
        folderLog = nil
        self.workspace = workspace
        manifest = Manifest(format: Manifest.format, schemaVersion: Manifest.schemaVersion, generation: 0,
                            journalSequence: snapshot.through, savedAt: .now, program: "", collections: [])
        recoveredTornLine = nil
        unreadableLastLine = unreadable
        journalLength = replayed
        lastSequence = snapshot.through + replayed
        nextGeneration = 1
        attributionInputsSequence = lastSequence
        attributionInputsSequenceAtOpen = lastSequence
        itemChanges = changes
        performedCommands = performed
        lastOwnPosition = lastSequence
    }

    /// Opens the workspace held by `log`, read-write, beside any other store on the same log.
    public static func open(sharing log: any SharedLog, name: String = "the shared workspace") throws -> WorkspaceStore {
        try WorkspaceStore(sharing: log, name: name)
    }

    /// Opens an existing workspace folder. In `.readWrite` mode it takes the folder's lock,
    /// shared with every other process that has the workspace open; only maintenance takes it
    /// alone, and while it does this throws `StoreError.Kind.locked` naming its pid: at once,
    /// or after `waitingForLock` seconds of retrying, having told `whileWaiting` who holds it.
    /// Each append waits up to `waitingForLock` seconds (10 s when it is 0) for a colleague's
    /// append to finish.
    ///
    /// With `deferringOrderHistory`, orders and survey responses are not read: the workspace
    /// opens without them and `pendingOrderHistory` holds their loader, for the caller to run
    /// in the background and hand to `attach(_:)`. Commands and compaction that need them load
    /// them first, so deferring never changes a result, only when the work is done.
    ///
    /// `reusing`: what a preview of the workspace read (see `WorkspacePreview`), taken instead of
    /// reading it again while the snapshot is the same.
    public static func open(at folder: String, mode: Mode = .readWrite, deferringOrderHistory: Bool = false,
                            waitingForLock: Double = 0, whileWaiting: (String) -> Void = { _ in },
                            fileSystem: any FileSystem = POSIXFileSystem(), reusing preview: PreviewedFiles? = nil) throws -> WorkspaceStore {
        try SymbolicLinks.refuse(in: folder, fileSystem: fileSystem)
        guard fileSystem.fileExists(at: folder + "/" + Manifest.fileName) else {
            throw StoreError(.notAWorkspace, file: folder, "is not a Chorus workspace (it has no \(Manifest.fileName))")
        }
        guard mode == .readOnly else {
            try refuseNetworkFileSystem(folder, fileSystem: fileSystem)
            let lock = try WorkspaceLock.acquire(folder: folder, shared: true, waiting: waitingForLock, whileWaiting: whileWaiting)
            return try retryingVanishedFiles {
                try WorkspaceStore(folder: folder, mode: mode, fileSystem: fileSystem, lock: lock,
                                   deferringOrderHistory: deferringOrderHistory,
                                   lockWait: waitingForLock > 0 ? waitingForLock : FolderLog.defaultLockWait, reusing: preview)
            }
        }
        return try retryingVanishedFiles {
            try WorkspaceStore(folder: folder, mode: mode, fileSystem: fileSystem, lock: nil, deferringOrderHistory: deferringOrderHistory,
                               reusing: preview)
        }
    }

    /// A colleague's compaction may finish while we read, and remove the generation and the
    /// sealed segments we started on; a file that vanished is worth one more try from the new
    /// manifest.
    private static func retryingVanishedFiles(_ open: () throws -> WorkspaceStore) throws -> WorkspaceStore {
        var attempt = 0
        while true {
            do {
                return try open()
            } catch let error as StoreError where error.kind == .io && attempt < 2 {
                attempt += 1
            }
        }
    }

    /// Several processes append to a workspace under `flock`: on NFS, SMB/CIFS or a FUSE sync
    /// folder, appends race and locks are emulated or ignored, so such a folder is never written.
    private static func refuseNetworkFileSystem(_ folder: String, fileSystem: any FileSystem) throws {
        guard let kind = fileSystem.networkFileSystem(at: folder) else { return }
        throw StoreError(.networkFileSystem, file: folder, "is on a network or sync file system (\(kind)), where appends from several "
                         + "people race and locks are only emulated, so Chorus does not write it; keep the workspace on a disk of the "
                         + "machine the team logs in to (ssh), or use the shared database mode for several machines")
    }

    /// Makes `folder` (created if needed, mode 0700) a new workspace holding `workspace`, and
    /// opens it read-write. Refuses a folder that already holds a workspace. A workspace moved
    /// from a server goes on from position `through`, with the records of what was done there
    /// as its history (`chorus export workspace`).
    public static func create(at folder: String, workspace: Workspace, through: Int = 0, earlierHistory: [HistoryRecord] = [],
                              fileSystem: any FileSystem = POSIXFileSystem()) throws -> WorkspaceStore {
        guard !fileSystem.fileExists(at: folder + "/" + Manifest.fileName) else {
            throw StoreError(.alreadyAWorkspace, file: folder, "already holds a Chorus workspace; open it instead")
        }
        try fileSystem.createDirectory(at: folder)
        try SymbolicLinks.refuse(in: folder, fileSystem: fileSystem)
        try refuseNetworkFileSystem(folder, fileSystem: fileSystem)
        let lock = try WorkspaceLock.acquire(folder: folder, shared: true)
        try fileSystem.writeFile(at: folder + "/" + JournalFile.fileName, bytes: [])
        try HistoryArchive(folder: folder, fileSystem: fileSystem).append(earlierHistory)
        _ = try Snapshot.write(workspace, to: folder, generation: 1, journalSequence: through,
                               segments: [JournalSegment(file: JournalFile.fileName, first: through + 1)], fileSystem: fileSystem)
        return try WorkspaceStore(folder: folder, mode: .readWrite, fileSystem: fileSystem, lock: lock)
    }

    /// Attaches order history loaded in the background; ignored if it was loaded meanwhile.
    /// Kept attribution taken before the orders that proved not to be theirs is dropped, with
    /// its file (`keptAttributionFailedCheck` tells the console).
    public func attach(_ history: OrderHistory) {
        guard let loader = pendingOrderHistory else { return }
        workspace.attachOrderHistory(history)
        pendingOrderHistory = nil
        savedRows.note(history, readBy: loader)
        if history.adoptedFiguresDiffer {
            keptAttributionFailedCheck = true
            knownAttribution = nil
            let location = currentAttributionLocation
            attributionWriter.async {
                try? location.fileSystem.removeFile(at: location.path)
                try? location.fileSystem.removeFile(at: location.answersPath)
            }
        }
        if let kept = history.attribution, attributionInputsSequence == attributionInputsSequenceAtOpen {
            knownAttribution = kept
        }
    }

    /// Whether the attribution kept for the state at open, taken before the orders, proved not
    /// to be for them when they arrived.
    public private(set) var keptAttributionFailedCheck = false

    /// Loads deferred order history now, on this thread, if it is still pending.
    public func finishLoadingOrderHistory() throws {
        guard let loader = pendingOrderHistory else { return }
        attach(try loader.load())
    }

    /// Releases the lock. Further writes throw; reading `workspace` still works.
    public func close() {
        attributionWriter.sync {}  // a kept attribution file being written is finished first
        isClosed = true
        compactionLease?.release()
        compactionLease = nil
        lock?.release()
        lock = nil
    }

    func requireWritable() throws {
        if let unreadableLastLine { throw unreadableLastLine.refusal }
        guard mode == .readWrite else { throw StoreError(.readOnly, file: folder, "was opened read-only; nothing can be changed") }
        guard !isClosed else { throw StoreError(.readOnly, file: folder, "has been closed; open it again to make changes") }
    }

    /// Applies the entries after `sequence` in order, noting who changed what, and returns how
    /// many were applied and the last that may have changed what attribution credits (the
    /// state kept attribution is for: `Command.mayChangeAttribution(replacing:)`).
    private static func replay(_ entries: [JournalEntry], onto workspace: inout Workspace, after sequence: Int,
                               log: any SharedLog, changes: inout ItemChanges, performed: inout [String: String]) throws
        -> (applied: Int, lastChangingAttribution: Int?) {
        var previous = 0
        var expected = sequence + 1
        var lastChangingAttribution: Int?
        for entry in entries {
            let place = Self.place(of: entry.seq, in: log)
            guard entry.seq > previous else {
                throw StoreError(.corrupt, file: place.file, line: place.line, "entry \(entry.seq) comes after entry \(previous); the journal is out of order")
            }
            previous = entry.seq
            guard entry.seq > sequence else { continue }  // already in the snapshot
            guard entry.seq == expected else {
                throw StoreError(.corrupt, file: place.file, line: place.line,
                                 "expected entry \(expected) but found \(entry.seq); entries are missing from the journal")
            }
            let applied = try Self.apply(entry, to: &workspace, changes: &changes, performed: &performed, place: place)
            if entry.command.mayChangeAttribution(replacing: applied) { lastChangingAttribution = entry.seq }
            expected += 1
        }
        return (expected - sequence - 1, lastChangingAttribution)
    }

    /// Applies one entry someone appended (this store on an earlier day, or a colleague now).
    /// The command was checked when it was performed, so a refusal now means the history and
    /// the snapshot disagree.
    @discardableResult
    static func apply(_ entry: JournalEntry, to workspace: inout Workspace, changes: inout ItemChanges,
                      performed: inout [String: String], place: (file: String, line: Int?)) throws -> AppliedCommand {
        let applied: AppliedCommand
        do {
            applied = try workspace.apply(entry.command, context: CommandContext(now: entry.at, actor: entry.actor, isReplay: true))
        } catch {
            throw StoreError(.corrupt, file: place.file, line: place.line,
                             "entry \(entry.seq) (by \(entry.actor) at \(entry.at)) no longer applies to the snapshot: \(error)")
        }
        if case .restore(let point, _) = applied.undo { changes.record(entry, changed: point.changedItems) }
        if let id = entry.commandID { performed[id] = applied.summary }
        return applied
    }

    /// The newest snapshot, with the folder's manifest when the log is a folder. A file removed
    /// by a compaction between reading the manifest and the file is worth one more try.
    static func reloadedSnapshot(_ log: any SharedLog, folder: String?, fileSystem: any FileSystem) throws -> (LogSnapshot, Manifest?) {
        guard let folder else { return (try log.currentSnapshot(), nil) }
        var attempt = 0
        while true {
            do {
                let (workspace, manifest, _) = try Snapshot.read(from: folder, fileSystem: fileSystem, deferringOrderHistory: false)
                return (LogSnapshot(workspace: workspace, through: manifest.journalSequence, format: manifest.domainFormat), manifest)
            } catch let error as StoreError where error.kind == .io && attempt < 2 {
                attempt += 1
            }
        }
    }

    /// Where an entry lives, for error messages ("journal.jsonl, line 12").
    static func place(of seq: Int, in log: any SharedLog) -> (file: String, line: Int?) {
        guard let folderLog = log as? FolderLog else { return ("the shared log", nil) }
        return folderLog.location(of: seq)
    }
}
