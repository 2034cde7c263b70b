import ChorusCore
import Foundation

/// Performing a command on a workspace that colleagues change at the same time.
///
/// Optimistic, as a database's compare-and-set: catch up with the log, apply the command to
/// that newest state, and append it only if nobody appended in between. If somebody did, the
/// command is taken back, the store catches up and applies it again — where the domain's own
/// rules decide whether it still holds ("no longer pending") — a few times, with a random
/// pause so two writers do not collide in step again.
extension WorkspaceStore {
    /// How many times a command is applied again after colleagues appended first. On a server
    /// the catching up happens outside the head lock, so three writers appending flat out can
    /// each lose several rounds in a row; 32 rounds, with pauses growing to 64 ms, keep a key
    /// press from failing while never holding it more than about a second.
    static let attempts = 32

    /// Applies `command` and makes it durable before returning. A command the domain refuses
    /// throws its `DomainError` — saying who changed the item since, when a colleague's change
    /// is why — and is not journaled; one that cannot be written is undone in memory and
    /// throws the `StoreError`, so memory never runs ahead of the log.
    ///
    /// `commandID` identifies the command across retries: performing the same id again (after
    /// an error that left unclear whether it was kept) never applies it twice. `basedOn` is the
    /// position the person saw, for commands that replace a whole value and for undo: if a
    /// colleague changed one of the items since, the command is refused naming who. Left out,
    /// it is what this store showed: the position of the command an undo takes back (when this
    /// store performed it), else the newest entry applied before this call.
    ///
    /// A command that changed nothing (re-importing the same file) is not journaled. With
    /// `durability: .snapshot` (big imports) the command is staged out of line first and the
    /// entry appended only names it, so the append lock is held for milliseconds; a snapshot is
    /// taken right after, so that opening the workspace does not decode a huge command.
    /// With `undoable: false` a bulk import keeps no undo (see `Workspace.apply`), for callers
    /// that have none to offer: the command line.
    @discardableResult
    public func perform(_ command: Command, context: CommandContext, basedOn: Int? = nil,
                        commandID: String = UUID().uuidString.lowercased(),
                        durability: Durability = .journal, undoable: Bool = true) throws -> AppliedCommand {
        try requireWritable()
        if command.needsOrderHistory || durability == .snapshot { try finishLoadingOrderHistory() }
        let staging = durability == .snapshot ? try beginStaging(command) : nil
        var staged = StagedOutcome.unknown
        defer { settle(staging?.finished, staged) }
        let basedOn = basedOn ?? basis(for: command)
        var attempt = 0
        var touched: Set<ChangedItem> = []
        var appliedAt = lastSequence
        while true {
            try catchUp()
            if let done = performedCommands[commandID] {
                staged = .unneeded
                return Self.alreadyDone(done)
            }
            try requirePermission(for: command, by: context)
            if let basedOn { try refuseIfChanged(Self.replacedItems(of: command), since: basedOn, by: context) }
            let applied: AppliedCommand
            do {
                applied = try workspace.apply(command, context: context, keepingUndo: undoable)
            } catch let refusal as DomainError {
                // Refused now, though it held against the state the person last acted on (or
                // an earlier attempt's): say whose change it met.
                let acted = touched.union(command.itemsActedOn)
                if let (item, change) = itemChanges.newest(of: acted, after: min(appliedAt, lastOwnPosition), notBy: context.actor) {
                    throw DomainError(ItemChanges.sentence(item, change, today: context.now.day) + " (\(refusal.message))")
                }
                throw refusal
            }
            guard applied.changedAnything, case .restore(let point, _) = applied.undo else {
                staged = .unneeded
                return applied
            }
            touched = point.changedItems
            appliedAt = lastSequence
            var entry = JournalEntry(seq: lastSequence + 1, at: context.now, actor: context.actor, command: command,
                                     commandID: commandID, basedOn: basedOn, summary: applied.summary)
            do {
                entry.batch = try staging?.batch()
            } catch {
                takeBack(applied, context: context)
                throw error
            }
            let outcome: AppendOutcome
            do {
                outcome = try log.append(entry, expectedHead: lastSequence)
            } catch {
                takeBack(applied, context: context)
                // A log on a server may have kept an entry whose acknowledgement was lost: look
                // before saying the command failed, so that the person does not do it twice. (A
                // folder's failed append has cut its line back, or says that it may be kept.)
                if folderLog == nil, (try? catchUp()) != nil, let done = performedCommands[commandID] { return Self.alreadyDone(done) }
                throw error
            }
            switch outcome {
            case .appended:
                staged = .appended
                lastSequence = entry.seq
                journalLength += 1
                itemChanges.record(entry, changed: touched)
                performedCommands[commandID] = applied.summary
                if applied.isUndoable { rememberUndo(applied.undo, at: entry.seq) }
                lastOwnPosition = entry.seq
                if command.needsOrderHistory { lastEntryNeedingOrderHistory = entry.seq }
                noteAttributionInputs(changedBy: command, applied: applied)
                if let batch = entry.batch, let folderLog, let rows = batch.rows, rows.holdsTheOrders(of: workspace, staged: command) {
                    savedRows.note(OrderRowCodec.collection, workspace.orders.rowsVersion, in: folderLog.folder + "/" + batch.name,
                                   currency: Currency(rows.currency))
                }
                return applied
            case .conflict:
                takeBack(applied, context: context)
                try requireWritable()  // a take-back that failed closed the store: no more tries
                attempt += 1
                guard attempt < Self.attempts else {
                    throw StoreError(.locked, file: folder, "colleagues kept changing the workspace while this was saved "
                                     + "(\(attempt) tries); nothing was changed — try again")
                }
                usleep(UInt32.random(in: 0...UInt32(1_000 << min(attempt, 6))))
            }
        }
    }

    /// A cheap value that changes whenever colleagues may have appended: a follower compares
    /// it between key presses and calls `catchUp()` only when it moved.
    public var changeHint: Int { log.changeHint() }

    /// Whether a follower should compare `changeHint` now: at once after inotify reported a
    /// change in the folder, else every quarter second (always, for a log that is not a folder).
    public func shouldLookForColleaguesWork() -> Bool { folderLog?.shouldLook() ?? true }

    /// Refuses a replacement or undo based on position `basedOn` if someone else changed one
    /// of its items since: otherwise it would silently put back what they did.
    private func refuseIfChanged(_ items: Set<ChangedItem>, since basedOn: Int, by context: CommandContext) throws {
        guard let (item, change) = itemChanges.newest(of: items, after: basedOn, notBy: context.actor) else { return }
        throw DomainError(ItemChanges.sentence(item, change, today: context.now.day)
                          + "; nothing was changed — the screen shows their version now: make your change again on it")
    }

    /// The items a replacement or an undo would overwrite.
    static func replacedItems(of command: Command) -> Set<ChangedItem> {
        switch command {
        case .updateProgram: [ChangedItem(.program, "")]
        case .updateWave(let wave): [ChangedItem(.wave, wave.id.rawValue)]
        case .updateCreator(let creator): [ChangedItem(.creator, creator.id.rawValue)]
        case .setUsageRights(let asset, _): [ChangedItem(.asset, asset.rawValue)]
        case .editShipment(let id, _, _): [ChangedItem(.shipment, id.rawValue)]
        case .restore(let point, _): point.changedItems
        default: []
        }
    }

    /// How many undos are remembered with their positions: more than anyone undoes in a row.
    static let rememberedUndos = 500

    /// The position a replacement or an undo is based on when the caller did not say: nil for
    /// intent commands, which their own rules protect ("no longer pending").
    private func basis(for command: Command) -> Int? {
        guard !Self.replacedItems(of: command).isEmpty else { return nil }
        // Compared newest first; an undo handed back unchanged shares its storage, so the
        // comparison is quick even for an import's.
        if case .restore = command, let remembered = recentUndos.last(where: { $0.undo == command }) { return remembered.position }
        return lastSequence
    }

    private func rememberUndo(_ undo: Command, at position: Int) {
        recentUndos.append((undo, position))
        if recentUndos.count > Self.rememberedUndos { recentUndos.removeFirst(recentUndos.count - Self.rememberedUndos) }
    }

    private static func alreadyDone(_ summary: String) -> AppliedCommand {
        AppliedCommand(summary: summary, undo: .restore(point: RestorePoint(), label: summary))
    }

    /// Starts staging a big import's command out of line (outside the append lock: writing a
    /// hundred megabytes takes a while), so that the entry appended is small. The batch goes to
    /// the log as it is encoded, so it is never held whole beside the orders. In a folder it is
    /// written on another thread while the command is applied (see `BatchStaging`); else it is
    /// written first, and a batch that cannot be written throws before anything is applied.
    private func beginStaging(_ command: Command) throws -> BatchStaging {
        let currency = workspace.program.currency
        guard let folderLog, folderLog.fileSystem.readsFilesConcurrently else {
            return BatchStaging(staged: try StagedBatch.staging(command, currency: currency) { try log.stage(writing: $0) })
        }
        let (folder, fileSystem) = (folderLog.folder, folderLog.fileSystem)
        return BatchStaging {
            try StagedBatch.staging(command, currency: currency) { try FolderLog.stage(in: folder, fileSystem: fileSystem, writing: $0) }
        }
    }

    /// How a staged import's perform ended, for `settle`.
    private enum StagedOutcome { case appended, unneeded, unknown }

    /// After a staged import: a snapshot is taken once its entry is appended, so that opening
    /// the workspace does not read the batch; its batch is dropped when the command turned out
    /// to need no entry (done already, or changing nothing). After an error the batch stays: an
    /// append that failed may still be on disk, naming it (`chorus check --repair` removes a
    /// batch nothing names). A compaction that cannot run now (a colleague's is running) is
    /// not the import's failure: the journal and the batch hold it.
    private func settle(_ batch: StagedBatch?, _ outcome: StagedOutcome) {
        guard let batch, let folderLog else { return }
        switch outcome {
        case .appended: _ = try? compact()
        case .unneeded: try? fileSystem.removeFile(at: folderLog.folder + "/" + batch.name)
        case .unknown: break
        }
    }

    /// Takes back a command applied in memory but not kept in the log: by its undo, or, for one
    /// applied without undo, by reading the workspace again as the log has it.
    /// If it can be neither undone nor read again, the store is closed: its memory holds a
    /// command the log does not, and nothing (a compaction, kept attribution) may be written
    /// from it.
    private func takeBack(_ applied: AppliedCommand, context: CommandContext) {
        do {
            if applied.isUndoable { _ = try workspace.apply(applied.undo, context: context) } else { try reloadFromSnapshot() }
        } catch {
            close()
        }
    }
}
