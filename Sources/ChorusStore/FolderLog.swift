import ChorusCore
import Foundation

/// The `SharedLog` of a workspace folder on one machine, shared by every process that opens it.
///
/// Appends take `append.lock` for the moment of one append: re-read the manifest if it
/// changed, read what others appended since (cutting a torn tail, which only the lock holder
/// may judge), compare the head, write one line, fdatasync, release. Everything else — parsing
/// an import, applying a command, writing a snapshot — happens outside it. Followers read each
/// segment by offset and stop at the last newline.
final class FolderLog: SharedLog {
    let folder: String
    let fileSystem: any FileSystem
    /// How long an append waits for another process's append; `CHORUS_LOCK_WAIT` for the CLI.
    let lockWait: Double
    private let appendLock: AppendLock
    /// Where the records of entries folded into a snapshot are kept.
    let history: HistoryArchive
    /// The journal's segments as the manifest last read lists them, oldest first.
    private(set) var segments: [JournalFile] = []
    /// The manifest the segments were taken from.
    private(set) var manifestSeen: Manifest?
    /// Entries read from the files that the store has not asked for yet.
    private var readAhead: [JournalEntry] = []
    /// The newest position this log has seen: on disk in the journal, or in the snapshot.
    private var knownHead: Int

    init(folder: String, fileSystem: any FileSystem, snapshotThrough: Int, lockWait: Double) {
        self.folder = folder
        self.fileSystem = fileSystem
        self.lockWait = lockWait
        appendLock = AppendLock(folder: folder)
        history = HistoryArchive(folder: folder, fileSystem: fileSystem)
        knownHead = snapshotThrough
        if let manifest = try? Snapshot.manifest(in: folder, fileSystem: fileSystem) { adopt(manifest) }
        if segments.isEmpty { segments = [JournalFile(folder: folder, fileSystem: fileSystem)] }
    }

    /// The segment appended to.
    var journal: JournalFile { segments[segments.count - 1] }

    /// The whole journal the snapshot of `manifest` is followed by, read when the workspace
    /// opens. A writer reads it holding the append lock, so that an unterminated last line is
    /// known to be a crash's and not an append in progress; a reader takes no lock and leaves
    /// such a line alone. Throws an `.io` error when a sealed segment was removed meanwhile (a
    /// colleague's compaction finished): opening again reads the new snapshot.
    func openingEntries(of manifest: Manifest, holdingAppendLock: Bool) throws -> [JournalEntry] {
        func read() throws -> [JournalEntry] {
            adopt(manifest)
            var entries: [JournalEntry] = []
            var previous: JournalFile?
            for segment in segments {
                segment.chainStart = previous?.lastSum
                if !segment.isActive, !fileSystem.fileExists(at: segment.path) {
                    throw StoreError(.io, file: segment.path, "was removed while the workspace was being opened (a compaction finished); open it again")
                }
                entries += try segment.readEntries()
                if !segment.isActive {
                    // A sealed segment was settled before the next began: it ends whole.
                    if let unreadable = segment.unreadableLastLine { throw unreadable.refusal }
                    if let torn = segment.tornLine {
                        throw StoreError(.corrupt, file: segment.path, line: torn.line, "this entry is cut short, but a later journal "
                                         + "segment follows it, so it was not a crash's: the file was changed outside Chorus")
                    }
                }
                previous = segment
            }
            try SegmentPositions.check(manifest, entries: entries, folder: folder, location: location(of:))
            return entries
        }
        let entries = holdingAppendLock ? try appendLock.holding(wait: lockWait, read) : try read()
        knownHead = max(knownHead, entries.last?.seq ?? 0)
        return entries
    }

    func head() throws -> Int {
        try readOn(holdingAppendLock: false)
        return knownHead
    }

    func entries(after position: Int) throws -> [JournalEntry] {
        try readOn(holdingAppendLock: false)
        return try handOut(after: position)
    }

    func append(_ entry: JournalEntry, expectedHead: Int) throws -> AppendOutcome {
        try appendLock.holding(wait: lockWait) {
            try readOn(holdingAppendLock: true)
            guard knownHead == expectedHead else { return .conflict(head: knownHead) }
            guard entry.seq == expectedHead + 1 else {
                throw StoreError(.corrupt, file: journal.path, "entry \(entry.seq) cannot follow entry \(expectedHead); positions must be gapless")
            }
            try journal.append(entry)
            knownHead = entry.seq
            readAhead.append(entry)
            return .appended(entry.seq)
        }
    }

    /// Runs `body` holding the append lock, after catching up. Never nest it.
    func holdingAppendLock<T>(_ body: () throws -> T) throws -> T {
        try appendLock.holding(wait: lockWait) {
            try readOn(holdingAppendLock: true)
            return try body()
        }
    }

    /// Created on the first `shouldLook`: only a follower needs it.
    private lazy var watch = FolderWatch(folder: folder)

    /// Whether a follower should look for colleagues' work now (see `FolderWatch`).
    func shouldLook() -> Bool { watch.shouldLook() }

    /// Whether the folder is watched by inotify rather than polled alone.
    var isWatched: Bool { watch.isWatching }

    /// The active segment's inode and size, and the manifest's: any append or compaction changes one.
    func changeHint() -> Int {
        var hasher = Hasher()
        hasher.combine(fileSystem.identity(at: journal.path))
        hasher.combine(fileSystem.identity(at: folder + "/" + Manifest.fileName))
        return hasher.finalize()
    }

    /// Who staged which import in the lines appended since the last read (see `JournalFile.stagedLinesAhead`).
    func stagedAhead() -> [(actor: String, summary: String)] {
        segments.flatMap { $0.stagedLinesAhead() }.map { ($0.actor, $0.summary ?? $0.kind) }
    }

    /// Where entry `seq` is, for messages: its segment and line.
    func location(of seq: Int) -> (file: String, line: Int?) {
        for segment in segments.reversed() {
            let place = segment.location(of: seq)
            if place.line != nil { return place }
        }
        return (journal.path, nil)
    }

    /// What a compaction began with: the manifest listing the new segment, and the snapshot
    /// generation it writes.
    struct Roll {
        var manifest: Manifest
        var generation: Int
    }

    /// Seals the segment being appended to and lists a new one that begins after `head`, in a
    /// manifest renamed into place; allocates the next snapshot generation, past every one on
    /// disk. Call it holding the append lock, caught up to `head`.
    func roll(at head: Int) throws -> Roll {
        guard let current = manifestSeen, knownHead == head else {
            throw StoreError(.io, file: folder, "the journal moved on while a compaction began; nothing was changed — try again")
        }
        try journal.settle()
        var listed = current.journalSegments
        if !(listed[listed.count - 1].first == head + 1 && journal.isEmpty) {
            let next = JournalSegment.named(first: head + 1)
            try fileSystem.writeFile(at: folder + "/" + next.file, bytes: [])
            listed.append(next)
        }
        var rolled = current
        rolled.schemaVersion = Manifest.schemaVersion
        rolled.segments = listed
        if rolled != current { try Snapshot.put(rolled, in: folder, fileSystem: fileSystem) }
        adopt(rolled)
        let onDisk = ((try? fileSystem.fileNames(in: folder)) ?? []).compactMap(WorkspaceStore.generation(of:)).max() ?? 0
        return Roll(manifest: rolled, generation: max(onDisk, rolled.generation) + 1)
    }

    /// Makes a written snapshot through `through` current, if the manifest is still the one
    /// `roll` put in place (compared under the append lock); the segments it covers are then
    /// sealed files no manifest lists, removed later (`retire`). Nil when the manifest moved.
    func switchSnapshot(to files: Snapshot.Files, generation: Int, through: Int, rolled: Manifest) throws -> Manifest? {
        try holdingAppendLock {
            guard manifestSeen == rolled else { return nil }
            let kept = rolled.journalSegments.filter { $0.first > through }
            let manifest = try Snapshot.commit(files, in: folder, generation: generation, journalSequence: through,
                                               segments: kept.isEmpty ? [rolled.journalSegments[rolled.journalSegments.count - 1]] : kept,
                                               fileSystem: fileSystem)
            adopt(manifest)
            return manifest
        }
    }

    /// Removes a sealed segment no manifest lists, its records kept in the history first.
    func retire(segment name: String) {
        let sealed = JournalFile(folder: folder, file: name, fileSystem: fileSystem)
        sealed.isActive = false
        guard let (records, batches) = try? sealed.sealedRecords() else { return }  // left for `chorus check` to name
        do { try history.append(records) } catch { return }
        try? fileSystem.removeFile(at: sealed.path)
        for batch in batches { try? fileSystem.removeFile(at: folder + "/" + batch) }
    }

    /// A snapshot this process made current holds entries through `position`: the head is at least there.
    func noteSnapshot(through position: Int) { knownHead = max(knownHead, position) }

    func currentSnapshot() throws -> LogSnapshot {
        let (workspace, manifest, _) = try Snapshot.read(from: folder, fileSystem: fileSystem, deferringOrderHistory: false)
        return LogSnapshot(workspace: workspace, through: manifest.journalSequence, format: manifest.domainFormat)
    }

    /// Writes `snapshot` as the next generation the way a compaction does: roll, write outside
    /// the lock, switch. A folder's segments begin where snapshots end, so a snapshot behind
    /// the head is not taken (the next compaction takes the head). The caller holds the lease.
    func putSnapshot(_ snapshot: LogSnapshot) throws {
        guard let roll = try holdingAppendLock({ knownHead == snapshot.through ? try roll(at: snapshot.through) : nil }),
              snapshot.through > roll.manifest.journalSequence else { return }
        let files = try Snapshot.writeFiles(snapshot.workspace, to: folder, generation: roll.generation, fileSystem: fileSystem)
        guard let manifest = try switchSnapshot(to: files, generation: roll.generation, through: snapshot.through, rolled: roll.manifest) else {
            Compaction.removeFiles(of: roll.generation, in: folder, fileSystem: fileSystem)
            return
        }
        for name in roll.manifest.journalSegments.map(\.file) where !manifest.journalSegments.map(\.file).contains(name) {
            retire(segment: name)
        }
    }

    func leaseCompaction() -> CompactionLease? { FolderCompactionLease.take(folder: folder) }

    func stage(_ payload: [UInt8]) throws -> String {
        try stage { write in try write(payload) }
    }

    /// Writes the batch to its file as it is encoded.
    func stage(writing payload: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws -> String {
        try Self.stage(in: folder, fileSystem: fileSystem, writing: payload)
    }

    /// `stage(writing:)` without the log, which only one thread may use at a time: the folder
    /// and the file system are all a batch needs, so it can be written beside the log's use
    /// (see `BatchStaging`).
    static func stage(in folder: String, fileSystem: any FileSystem,
                      writing payload: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws -> String {
        let name = "batch-\(UUID().uuidString.lowercased()).json"
        try fileSystem.writeFile(at: folder + "/" + name, pieces: payload)
        try fileSystem.syncDirectory(at: folder)
        return name
    }

    func staged(_ name: String) throws -> [UInt8] {
        guard name.hasPrefix("batch-"), !name.contains("/") else {
            throw StoreError(.corrupt, file: folder, "\"\(name)\" is not the name of a staged batch")
        }
        return try fileSystem.readFile(at: folder + "/" + name)
    }

    /// Takes the segments a manifest lists, keeping the ones already being followed (and
    /// where they were read to).
    private func adopt(_ manifest: Manifest) {
        let listed = manifest.journalSegments
        let known = Dictionary(segments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        segments = listed.map { known[$0.file] ?? JournalFile(folder: folder, file: $0.file, fileSystem: fileSystem) }
        for (index, segment) in segments.enumerated() { segment.isActive = index == segments.count - 1 }
        manifestSeen = manifest
        knownHead = max(knownHead, manifest.journalSequence)
    }

    /// Reads what was appended since the last read, segment by segment from where each was
    /// read to, after taking the segments a changed manifest lists. A sealed segment removed
    /// before it was read to its end leaves a gap, which `handOut` reports: the reader then
    /// loads the snapshot that holds those entries.
    private func readOn(holdingAppendLock: Bool) throws {
        if let manifest = try? Snapshot.manifest(in: folder, fileSystem: fileSystem), manifest != manifestSeen { adopt(manifest) }
        var previous: JournalFile?
        for segment in segments {
            segment.chainStart = previous?.lastSum
            previous = segment
            let (new, _) = try segment.readNew(holdingAppendLock: holdingAppendLock && segment.isActive)
            if let unreadable = segment.unreadableLastLine { throw unreadable.refusal }
            for entry in new where entry.seq > (readAhead.last?.seq ?? 0) {
                readAhead.append(entry)
                knownHead = max(knownHead, entry.seq)
            }
        }
    }

    private func handOut(after position: Int) throws -> [JournalEntry] {
        readAhead.removeAll { $0.seq <= position }
        if let first = readAhead.first, first.seq != position + 1 {
            throw SharedLogGap(after: position, oldestKept: first.seq)
        }
        if readAhead.isEmpty, knownHead > position { throw SharedLogGap(after: position, oldestKept: knownHead + 1) }
        return readAhead
    }
}

extension FolderLog {
    /// How long an append waits for a colleague's append unless told otherwise.
    static let defaultLockWait = 10.0
}
