import ChorusConcurrency
import ChorusCore

/// Compaction on a shared workspace: one process at a time (the compaction lease). Under the
/// append lock the journal rolls to a new segment and the generation is numbered past every
/// one on disk; the snapshot is written outside any lock (off the owner's thread if asked);
/// under the lock again the manifest is switched if it is still the rolled one; the sealed
/// segments and old files are removed after. Nobody's append waits for a snapshot.
extension WorkspaceStore {
    /// Writes the current state as a new snapshot and empties the journal. If anything fails
    /// before the new manifest is in place, the previous snapshot and journal stay current and
    /// untouched; the journal is trimmed only after the new manifest is durable. Throws
    /// `StoreError.Kind.locked` while another process is compacting.
    public func compact() throws {
        try requireWritable()
        try finishLoadingOrderHistory()
        try catchUp()
        guard folderLog != nil else {
            guard let lease = log.leaseCompaction() else { throw Self.compactingElsewhere(folder) }
            defer { lease.release() }
            try log.putSnapshot(LogSnapshot(workspace: workspace, through: lastSequence))
            journalLength = 0
            return
        }
        guard let compaction = try beginCompaction() else { throw Self.compactingElsewhere(folder) }
        compaction.writeFiles()
        try finish(compaction)
    }

    /// Whether the next open of this folder must read every order before its first frame, to
    /// replay an entry since the snapshot that needs them, and they are more than it reads in a
    /// few tens of milliseconds (16 s at ten million orders): callers compact now rather than
    /// when the journal grows long. A colleague's snapshot that holds the entry counts, as the
    /// manifest on disk says: this store's log may not have read it yet, and every console open
    /// beside the one that compacted would write its own. (Read only while such an entry waits,
    /// a kilobyte. A workspace on a server is read whole on opening anyway.)
    public var nextOpenReadsEveryOrderFirst: Bool {
        guard folderLog != nil, lastEntryNeedingOrderHistory > manifest.journalSequence,
              workspace.orders.count > Self.ordersReplayedCheaply else { return false }
        return lastEntryNeedingOrderHistory > (try? Snapshot.manifest(in: folder, fileSystem: fileSystem))?.journalSequence ?? 0
    }
    /// Orders an open reads before its first frame in a few tens of milliseconds.
    public static let ordersReplayedCheaply = 20_000

    /// The last of `entries` after `sequence` that needs the order history to be replayed; 0 for none.
    static func lastNeedingOrderHistory(_ entries: [JournalEntry], after sequence: Int) -> Int {
        entries.last { $0.seq > sequence && $0.command.needsOrderHistory }?.seq ?? 0
    }

    /// What a command-line write does before it closes, so that the next console and report
    /// find the workspace ready: folds an entry that needs every order read to be replayed (an
    /// import of orders or survey answers, an answer resolved) into a snapshot, when the orders
    /// are many (`nextOpenReadsEveryOrderFirst`: 16 s before the first frame at ten million
    /// orders, on every open until the console's own compaction); then keeps attribution if the
    /// write changed it (`keepAttributionCurrent`). A compaction refused (another process is
    /// compacting) or failed is left to the next one; the write itself is durable either way.
    public func leaveReadyForTheNextOpen() {
        guard nextOpenReadsEveryOrderFirst else { return keepAttributionCurrent() }
        // Decided on the other threads while the snapshot is written: it is of the same state,
        // unless the compaction caught up with a colleague's entry that changes what is credited.
        let inputs = attributionInputsSequence, workspace = self.workspace
        let deciding = attributionLeftStale ? BackgroundWork { Attribution.compute(workspace) } : nil
        try? compact()
        if let deciding, attributionInputsSequence == inputs, attributionLeftStale { remember(deciding.wait()) }
        keepAttributionCurrent()
    }

    private static func compactingElsewhere(_ folder: String) -> StoreError {
        StoreError(.locked, file: folder, "another process is compacting this workspace; nothing was changed — try again in a moment")
    }

    /// Starts a compaction of the state as it is now, for `Compaction.writeFiles()` to write on
    /// another thread while this store goes on performing commands; `finish(_:)` then makes it
    /// current. Nil while order history is still loading, since a snapshot must include it, and
    /// while another process is compacting.
    public func beginBackgroundCompaction() throws -> Compaction? {
        try requireWritable()
        guard pendingOrderHistory == nil, folderLog != nil else { return nil }
        return try beginCompaction()
    }

    /// Takes the compaction lease (nil if another process has it), then under the append lock
    /// catches up and rolls the journal to a new segment, numbering the generation past every
    /// one on disk, so no process's files are ever overwritten.
    private func beginCompaction() throws -> Compaction? {
        guard let folderLog, compactionLease != nil || takeCompactionLease() else { return nil }
        let roll: FolderLog.Roll
        do {
            roll = try folderLog.holdingAppendLock { () -> FolderLog.Roll in
                try catchUp()
                return try folderLog.roll(at: lastSequence)
            }
        } catch {
            releaseCompactionLeaseIfIdle()
            throw error
        }
        manifest = roll.manifest
        nextGeneration = max(nextGeneration, roll.generation)
        defer { nextGeneration += 1 }
        inFlightGenerations.insert(nextGeneration)
        return Compaction(workspace: workspace, folder: folder, generation: nextGeneration, journalSequence: lastSequence,
                          rolled: roll.manifest, reusing: savedRows.reusable(in: workspace), fileSystem: fileSystem)
    }

    private func takeCompactionLease() -> Bool {
        compactionLease = log.leaseCompaction()
        return compactionLease != nil
    }

    /// Gives the lease back once no compaction of this store is in flight.
    private func releaseCompactionLeaseIfIdle() {
        guard inFlightGenerations.isEmpty else { return }
        compactionLease?.release()
        compactionLease = nil
    }

    /// Makes a written compaction the current snapshot and trims the journal entries it
    /// includes; entries performed since it began stay in the journal. Throws the error that
    /// stopped the files being written, leaving the previous snapshot and journal current. A
    /// compaction overtaken by a newer snapshot is discarded.
    ///
    /// Once the new manifest is in place the compaction has succeeded: trimming the journal
    /// and removing old files are tidying, and their failure is not reported as its failure.
    public func finish(_ compaction: Compaction) throws {
        try requireWritable()
        defer {
            inFlightGenerations.remove(compaction.generation)
            releaseCompactionLeaseIfIdle()
        }
        guard compaction.generation > manifest.generation, try commit(compaction) else {
            compaction.removeFiles()
            return
        }
        savedRows.noteCompaction(of: compaction.workspace, as: manifest, in: folder)
        keepAttributionForNewGeneration()
        trimJournal()
    }

    /// Makes a written generation current, if the manifest is still the one its roll put in
    /// place; false (nothing changed) otherwise. If the new manifest was renamed into place but a
    /// later step failed (the folder sync), the new generation is current on disk all the same,
    /// so it is adopted before the error is rethrown: memory and disk must never disagree on
    /// which snapshot holds the workspace, or commands journaled next would replay onto a
    /// state they were never applied to.
    private func commit(_ compaction: Compaction) throws -> Bool {
        let files: Snapshot.Files
        do { files = try compaction.writtenFiles() } catch {
            // Nothing refers to the partial files: free their space now, and let the retry
            // write the same generation unless another one has begun since.
            compaction.removeFiles()
            if nextGeneration == compaction.generation + 1 { nextGeneration = compaction.generation }
            throw error
        }
        defer { folderLog?.noteSnapshot(through: manifest.journalSequence) }
        do {
            guard let switched = try folderLog?.switchSnapshot(to: files, generation: compaction.generation,
                                                               through: compaction.journalSequence, rolled: compaction.rolled)
            else { return false }
            manifest = switched
            return true
        } catch {
            if let current = try? Snapshot.manifest(in: folder, fileSystem: fileSystem), current.generation == compaction.generation {
                manifest = current
            }
            throw error
        }
    }

    /// Removes the segments the current snapshot covers (their records kept in the history)
    /// and every other file the manifest does not name (see `removeStrayFiles`). Tidying: a
    /// sealed segment that could not be removed is a stray the next compaction removes.
    func trimJournal() {
        journalLength = lastSequence - manifest.journalSequence
        removeStrayFiles()
    }
}
