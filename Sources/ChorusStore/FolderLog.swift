import ChorusCore
import Foundation

/// The `SharedLog` of a workspace folder on one machine, shared by every process that opens it.
///
/// Appends take `append.lock` for the moment of one append: read what others appended since
/// (cutting a torn tail, which only the lock holder may judge), compare the head, write one
/// line, fdatasync, release. Everything else — parsing an import, applying a command, writing
/// a snapshot — happens outside it. Followers read by offset and stop at the last newline.
final class FolderLog: SharedLog {
    let folder: String
    let fileSystem: any FileSystem
    let journal: JournalFile
    /// How long an append waits for another process's append; `CHORUS_LOCK_WAIT` for the CLI.
    let lockWait: Double
    private let appendLock: AppendLock
    /// Where the records of entries folded into a snapshot are kept.
    let history: HistoryArchive
    /// Entries read from the file that the store has not asked for yet.
    private var readAhead: [JournalEntry] = []
    /// The newest position this log has seen: on disk in the journal, or in the snapshot.
    private var knownHead: Int
    /// The snapshot generation the journal was last read against.
    private var generationSeen: Int?

    init(folder: String, fileSystem: any FileSystem, snapshotThrough: Int, lockWait: Double) {
        self.folder = folder
        self.fileSystem = fileSystem
        self.lockWait = lockWait
        journal = JournalFile(folder: folder, fileSystem: fileSystem)
        appendLock = AppendLock(folder: folder)
        history = HistoryArchive(folder: folder, fileSystem: fileSystem)
        knownHead = snapshotThrough
    }

    /// The whole journal, read when the workspace opens. A writer reads it holding the append
    /// lock, so that an unterminated last line is known to be a crash's and not an append in
    /// progress; a reader takes no lock and leaves such a line alone.
    func openingEntries(holdingAppendLock: Bool) throws -> [JournalEntry] {
        let entries = holdingAppendLock ? try appendLock.holding(wait: lockWait) { try journal.readEntries() }
                                        : try journal.readEntries()
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

    /// Runs `body` holding the append lock, after catching up: how a compaction trims the
    /// journal without losing an entry appended while its snapshot was written.
    func holdingAppendLock<T>(_ body: () throws -> T) throws -> T {
        try appendLock.holding(wait: lockWait) {
            try readOn(holdingAppendLock: true)
            return try body()
        }
    }

    /// The journal's inode and size, and the manifest's: any append or compaction changes one.
    func changeHint() -> Int {
        var hasher = Hasher()
        hasher.combine(fileSystem.identity(at: journal.path))
        hasher.combine(fileSystem.identity(at: folder + "/" + Manifest.fileName))
        return hasher.finalize()
    }

    /// Drops the journal entries a durable snapshot includes (through `position`), under the
    /// append lock unless the caller holds it already.
    func discard(through position: Int, holdingAppendLock: Bool) throws {
        noteSnapshot(through: position)
        // The history keeps what the journal lets go of, first.
        func archiveAndDiscard() throws {
            try history.append(try journal.readEntries().filter { $0.seq <= position }.map(HistoryRecord.init))
            try journal.discard(through: position)
        }
        if holdingAppendLock { try archiveAndDiscard() } else { try self.holdingAppendLock(archiveAndDiscard) }
    }

    /// A snapshot this process made current holds entries through `position`, some perhaps
    /// never journaled (a big import): the head is at least there.
    func noteSnapshot(through position: Int) { knownHead = max(knownHead, position) }

    func currentSnapshot() throws -> LogSnapshot {
        let (workspace, manifest, _) = try Snapshot.read(from: folder, fileSystem: fileSystem, deferringOrderHistory: false)
        return LogSnapshot(workspace: workspace, through: manifest.journalSequence, format: manifest.domainFormat)
    }

    /// Writes `snapshot` as the next generation (numbered past every one on disk, so no other
    /// process's files are overwritten) and trims the journal entries it includes, under the
    /// append lock so that entries appended meanwhile stay. The caller holds the compaction lease.
    func putSnapshot(_ snapshot: LogSnapshot) throws {
        let current = try Snapshot.manifest(in: folder, fileSystem: fileSystem)
        guard snapshot.through > current.journalSequence else { return }
        _ = try Snapshot.write(snapshot.workspace, to: folder, generation: current.generation + 1,
                               journalSequence: snapshot.through, fileSystem: fileSystem)
        try discard(through: snapshot.through, holdingAppendLock: false)
    }

    func leaseCompaction() -> CompactionLease? { FolderCompactionLease.take(folder: folder) }

    func stage(_ payload: [UInt8]) throws -> String {
        let name = "batch-\(UUID().uuidString.lowercased()).json"
        try fileSystem.writeFile(at: folder + "/" + name, bytes: payload)
        try fileSystem.syncDirectory(at: folder)
        return name
    }

    func staged(_ name: String) throws -> [UInt8] {
        guard name.hasPrefix("batch-"), !name.contains("/") else {
            throw StoreError(.corrupt, file: folder, "\"\(name)\" is not the name of a staged batch")
        }
        return try fileSystem.readFile(at: folder + "/" + name)
    }

    /// Reads what was appended since the last read. A journal replaced by a compaction may
    /// have dropped entries the snapshot now holds, so the manifest says where the head is.
    ///
    /// A new snapshot generation means the journal is about to be (or was) replaced: it is then
    /// read anew rather than trusted by inode, which a file system may hand out again.
    private func readOn(holdingAppendLock: Bool) throws {
        let manifest = try? Snapshot.manifest(in: folder, fileSystem: fileSystem)
        let newGeneration = manifest != nil && manifest?.generation != generationSeen
        let (new, replaced) = try journal.readNew(holdingAppendLock: holdingAppendLock, anew: newGeneration && generationSeen != nil)
        if let unreadable = journal.unreadableLastLine { throw unreadable.refusal }
        if let manifest {
            generationSeen = manifest.generation
            if replaced || newGeneration { knownHead = max(knownHead, manifest.journalSequence) }
        }
        for entry in new where entry.seq > (readAhead.last?.seq ?? 0) {
            readAhead.append(entry)
            knownHead = max(knownHead, entry.seq)
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
