import Foundation

/// `chorus check --repair`: the tidying that is safe only with the workspace alone, under the
/// maintenance lock, so no console is appending or following meanwhile.
///
/// It never guesses: a torn last line (a crash mid-append; never acknowledged) is cut, and
/// files nothing refers to — sealed journal segments a snapshot holds, earlier snapshot
/// generations, staged imports no entry names — are removed, a sealed segment's records kept
/// in the history first. Anything else that is wrong (a changed line, a missing batch, a
/// raised sequence) stops the repair with the same message opening gives, and nothing is done.
extension WorkspaceStore {
    /// Repairs the workspace in `folder` and says what it did, one sentence per kind of change
    /// ("nothing needed repair" when nothing did). Throws `StoreError.Kind.locked` naming the
    /// processes that have it open.
    public static func repair(at folder: String, fileSystem: any FileSystem = POSIXFileSystem()) throws -> [String] {
        try SymbolicLinks.refuse(in: folder, fileSystem: fileSystem)
        guard fileSystem.fileExists(at: folder + "/" + Manifest.fileName) else {
            throw StoreError(.notAWorkspace, file: folder, "is not a Chorus workspace (it has no \(Manifest.fileName))")
        }
        let maintenance = try lockForMaintenance(at: folder)
        defer { maintenance.release() }
        let manifest = try Snapshot.manifest(in: folder, fileSystem: fileSystem)
        let log = FolderLog(folder: folder, fileSystem: fileSystem, snapshotThrough: manifest.journalSequence, lockWait: 1)
        _ = try log.openingEntries(of: manifest, holdingAppendLock: true)
        var done: [String] = []

        if let torn = log.journal.tornLine {
            try log.holdingAppendLock { try log.journal.settle() }
            done.append("cut an incomplete last entry off \(log.journal.name), line \(torn.line) (\(torn.byteCount) bytes; "
                        + "it was never acknowledged, most likely cut short by a crash)")
        }

        let strays = strays(in: folder, manifest: manifest, keeping: [], fileSystem: fileSystem)
        let sealed = strays.filter { JournalSegment.isSegmentName($0.name) }
        for segment in sealed { log.retire(segment: segment.name) }
        if let sentence = removal(of: sealed.filter { !fileSystem.fileExists(at: folder + "/" + $0.name) },
                                  "sealed journal segment", "the snapshot holds their entries and the history their records") {
            done.append(sentence)
        }
        for segment in sealed where fileSystem.fileExists(at: folder + "/" + segment.name) {
            done.append("left \(segment.name) as it is: no snapshot needs it, but it cannot be read as a journal segment, so its records "
                        + "could not be kept in the history — look at it, then remove it by hand")
        }
        let others = strays.filter { !JournalSegment.isSegmentName($0.name) }
        for file in others { try? fileSystem.removeFile(at: folder + "/" + file.name) }
        if let sentence = removal(of: others.filter { !fileSystem.fileExists(at: folder + "/" + $0.name) },
                                  "file of an earlier snapshot or an interrupted compaction", nil) {
            done.append(sentence)
        }

        var named = Set<String>()
        for segment in manifest.journalSegments {
            named.formUnion(try JournalFile(folder: folder, file: segment.file, fileSystem: fileSystem).sealedRecords().batches)
        }
        let unnamed = ((try? fileSystem.fileNames(in: folder)) ?? []).filter { StagedBatch.isBatchName($0) && !named.contains($0) }.sorted()
            .map { StrayFile(name: $0, byteCount: fileSystem.byteCount(at: folder + "/" + $0) ?? 0) }
        for batch in unnamed { try? fileSystem.removeFile(at: folder + "/" + batch.name) }
        if let sentence = removal(of: unnamed.filter { !fileSystem.fileExists(at: folder + "/" + $0.name) },
                                  "staged import no journal entry names", "left by an import that was stopped before it was saved") {
            done.append(sentence)
        }
        return done.isEmpty ? ["nothing needed repair"] : done
    }

    private static func removal(of files: [StrayFile], _ what: String, _ why: String?) -> String? {
        guard !files.isEmpty else { return nil }
        let bytes = files.reduce(0) { $0 + $1.byteCount }
        let names = files.prefix(5).map(\.name).joined(separator: ", ") + (files.count > 5 ? " and \(files.count - 5) more" : "")
        let size = bytes < 1_000_000 ? "\((bytes + 999) / 1_000) kB" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
        return "removed \(files.count) \(what)\(files.count == 1 ? "" : "s") (\(names); \(size))" + (why.map { ": \($0)" } ?? "")
    }
}
