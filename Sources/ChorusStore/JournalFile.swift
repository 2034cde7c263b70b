import ChorusCore
import Foundation

/// A journal line that a crash cut short, found and set aside when the journal was read.
public struct TornJournalLine: Hashable, Sendable {
    public var file: String
    /// 1-based line number of the torn entry.
    public var line: Int
    public var byteCount: Int
    /// Why it was judged torn: no newline at its end, or not a readable entry.
    public var reason: String

    /// A notice for the user, e.g. for the CLI to print after opening.
    public var notice: String {
        "\(file), line \(line): ignored an incomplete last entry (\(byteCount) bytes, \(reason)); "
            + "it was never acknowledged, most likely cut short by a crash"
    }
}

/// One segment of the journal of `FolderLog` (see `JournalSegment`): one JSON object per line,
/// each appended and synced (fdatasync) before the command counts as done.
///
/// Only the last line may be cut short, because only the last append can have been interrupted:
/// a last line without its newline is ignored on read and cut off before the next append, so the
/// file stays valid JSON lines. A last line that is complete but cannot be read is not crash
/// damage (see `UnreadableJournalLine`) and is never cut. Damage anywhere else means the file
/// was changed by something other than Chorus, and reading stops with the line number rather
/// than guessing.
final class JournalFile {
    static let fileName = "journal.jsonl"

    let path: String
    /// The file's name in the workspace folder (`journal-12.jsonl`).
    let name: String
    /// Whether this is the segment appended to: only its end can be torn, and only it is cut
    /// back to `journal.trim`. A sealed segment is complete.
    var isActive = true
    /// The checksum of the last entry of the segment before this one, which this segment's
    /// first entry names as `prev`; nil for the first segment kept.
    var chainStart: String?
    private let fileSystem: any FileSystem
    /// Set by `readEntries` when the last line was torn; cleared once it has been cut off.
    private(set) var tornLine: TornJournalLine?
    /// Set by `readEntries` when the last line is complete but unreadable: the store must not write.
    private(set) var unreadableLastLine: UnreadableJournalLine?
    private let trimMark: JournalTrimMark
    /// Bytes of intact entries: where the next append goes.
    private var intactLength = 0
    /// Set when a failed append could not cut its partial line off again (or `journal.trim`
    /// says one could not): the next write must, or that fragment would end up in the middle
    /// of the journal, or a change reported as failed would be replayed.
    private var needsTrim = false
    private var lineOfSequence: [Int: Int] = [:]
    private var lineCount = 0
    /// The file as it was when last read: a different inode means a compaction replaced it.
    private var identity: FileIdentity?
    /// The checksum of the last line read or written: the next line names it as `prev`.
    private(set) var lastSum: String?

    init(folder: String, file: String = JournalFile.fileName, fileSystem: any FileSystem) {
        name = file
        path = folder + "/" + file
        self.fileSystem = fileSystem
        trimMark = JournalTrimMark(folder: folder, fileSystem: fileSystem)
    }

    func readEntries() throws -> [JournalEntry] {
        tornLine = nil
        unreadableLastLine = nil
        lineOfSequence = [:]
        lastSum = chainStart
        let mark = isActive ? try trimMark.read() : nil
        needsTrim = mark != nil
        guard fileSystem.fileExists(at: path) else { intactLength = 0; lineCount = 0; identity = nil; return [] }
        var (bytes, identity) = try fileSystem.readFile(at: path, from: 0)
        self.identity = identity
        if let mark, mark < bytes.count { bytes.removeSubrange(mark...) }
        let lines = Self.lines(in: bytes)
        let lastWithContent = lines.lastIndex { !Self.isBlank(bytes[$0.range]) }
        var entries: [JournalEntry] = []
        intactLength = bytes.count
        lineCount = lines.count
        for (index, line) in lines.enumerated() where !Self.isBlank(bytes[line.range]) {
            let number = index + 1
            do {
                guard line.terminated else { throw StoreError(.corrupt, "no newline at its end") }
                let entry = try decode(bytes[line.range], line: number)
                if let newer = Self.newerFormat(entry.format) {
                    unreadableLastLine = UnreadableJournalLine(file: path, line: number, reason: "", newerFormat: newer)
                    break
                }
                try verify(entry, bytes[line.range], line: number)
                entries.append(entry)
                lineOfSequence[entry.seq] = number
            } catch let damage as DamagedJournalLine {
                throw damage.error
            } catch {
                if line.terminated, let newer = Self.newerFormat(Self.peekFormat(bytes[line.range])) {
                    unreadableLastLine = UnreadableJournalLine(file: path, line: number, reason: "", newerFormat: newer)
                    break
                }
                let reason = (error as? StoreError)?.message ?? DecodingFailure.describe(error)
                guard index == lastWithContent else {
                    throw StoreError(.corrupt, file: path, line: number, "this entry cannot be read (\(reason)); "
                                     + "only the last entry can be cut short by a crash, so the journal was changed outside Chorus")
                }
                guard !line.terminated else {
                    unreadableLastLine = UnreadableJournalLine(file: path, line: number, reason: Self.naming(bytes[line.range], reason))
                    continue
                }
                tornLine = TornJournalLine(file: path, line: number, byteCount: bytes.count - line.range.lowerBound, reason: reason)
                intactLength = line.range.lowerBound
                lineCount = index
            }
        }
        return entries
    }

    /// The entries appended since the last read, for a process that shares the journal.
    ///
    /// Reads from where the last read stopped and only up to the last newline: a line without
    /// its newline is normally another process's append in progress. Only the holder of the
    /// append lock (`holdingAppendLock`) may judge it torn — nobody else can be appending then —
    /// and cut it. A journal replaced by a compaction is read anew; the caller skips entries it
    /// already has by their positions; so is one the caller says to (`anew`).
    func readNew(holdingAppendLock: Bool, anew: Bool = false) throws -> (entries: [JournalEntry], replaced: Bool) {
        guard let current = fileSystem.identity(at: path) else { return ([], identity != nil) }
        let marked = isActive ? try trimMark.read() != nil : false
        guard !anew, let identity, identity.inode == current.inode, current.size >= intactLength, !marked else {
            let entries = try readEntries()
            if holdingAppendLock, tornLine != nil { try trim() } else if !holdingAppendLock { tornLine = nil }
            return (entries, true)
        }
        guard current.size > intactLength else { return ([], false) }
        let base = intactLength
        let (bytes, _) = try fileSystem.readFile(at: path, from: base)
        var entries: [JournalEntry] = []
        var start = 0
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                if holdingAppendLock {
                    tornLine = TornJournalLine(file: path, line: lineCount + 1, byteCount: bytes.count - start,
                                               reason: "no newline at its end")
                    try trim()
                }
                break
            }
            let line = bytes[start..<newline]
            lineCount += 1
            if !Self.isBlank(line) {
                let entry: JournalEntry?
                do { entry = try decode(line, line: lineCount) } catch let damage as DamagedJournalLine { throw damage.error } catch { entry = nil }
                if let entry, Self.newerFormat(entry.format) == nil {
                    try check(entry, line, line: lineCount)
                    entries.append(entry)
                    lineOfSequence[entry.seq] = lineCount
                } else {
                    // A colleague's newer Chorus wrote it, or it cannot be read: stop here, read-only.
                    let newer = Self.newerFormat(entry?.format ?? Self.peekFormat(line))
                    unreadableLastLine = UnreadableJournalLine(file: path, line: lineCount, reason: newer != nil ? "" : Self.naming(line, "not a journal entry"),
                                                               newerFormat: newer)
                    lineCount -= 1
                    throw unreadableLastLine!.refusal
                }
            }
            start = newline + 1
            intactLength = base + start
        }
        return (entries, false)
    }

    /// The staged imports appended since the last read, from their small lines alone (their
    /// batches unread): what a follower is about to load, said before it loads it.
    func stagedLinesAhead() -> [StagedJournalLine] {
        guard let current = fileSystem.identity(at: path), let identity, identity.inode == current.inode, current.size > intactLength,
              let (bytes, _) = try? fileSystem.readFile(at: path, from: intactLength) else { return [] }
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
            StagedJournalLine.mayBe(line) ? try? Self.decoder.decode(StagedJournalLine.self, from: Data(line)) : nil
        }
    }

    func append(_ entry: JournalEntry) throws {
        if let unreadableLastLine { throw unreadableLastLine.refusal }
        if tornLine != nil || needsTrim { try trim() }
        let (line, sum) = try EntryChecksum.sealed(entry, after: lastSum, encoder: Self.encoder)
        do {
            try fileSystem.appendToFile(at: path, bytes: line)
        } catch let failure {
            // Cut off whatever part of the line reached the file, so the journal stays valid.
            do { try fileSystem.truncateFile(at: path, toLength: intactLength) } catch {
                needsTrim = true
                // Whole on disk, the line would be replayed as a change reported as failed.
                do { try trimMark.write(intactLength) } catch { throw Self.mayHaveBeenKept(failure) }
            }
            throw failure
        }
        intactLength += line.count
        lineCount += 1
        lineOfSequence[entry.seq] = lineCount
        lastSum = sum
    }

    /// Refuses a line whose checksum does not hold or that does not follow the line before it:
    /// the journal was changed outside Chorus, and replaying it would not be the history that
    /// was acknowledged. Lines from before checksums have none and are taken as they are.
    private func verify(_ entry: JournalEntry, _ line: ArraySlice<UInt8>, line number: Int) throws {
        do { try check(entry, line, line: number) } catch let error as StoreError { throw DamagedJournalLine(error: error) }
    }

    private func check(_ entry: JournalEntry, _ line: ArraySlice<UInt8>, line number: Int) throws {
        defer { lastSum = entry.sum }
        guard let sum = entry.sum else { return }
        guard EntryChecksum.holds(line, claimed: sum) else {
            throw StoreError(.corrupt, file: path, line: number, "entry \(entry.seq) (by \(entry.actor) at \(entry.at)) was changed outside Chorus: "
                             + "its checksum does not match; the workspace was left as it is — restore the journal from a backup, "
                             + "or remove the changed line to go back to the state before it")
        }
        if let previous = lastSum, let prev = entry.prev, prev != previous {
            throw StoreError(.corrupt, file: path, line: number, "entry \(entry.seq) does not follow the line before it "
                             + "(it names a different previous entry): a line was removed or changed outside Chorus; "
                             + "the workspace was left as it is")
        }
    }

    /// The entry on a line: as it is, or with its command read from the batch it was staged in.
    /// A batch missing or changed is damage, never taken for a torn or newer line.
    private func decode(_ line: ArraySlice<UInt8>, line number: Int) throws -> JournalEntry {
        guard StagedJournalLine.mayBe(line), let staged = try? Self.decoder.decode(StagedJournalLine.self, from: Data(line)) else {
            return try Self.decoder.decode(JournalEntry.self, from: Data(line))
        }
        let batch = staged.batch
        let batchPath = String(path.dropLast(name.count)) + batch.name
        let entry = "entry \(staged.seq) (by \(staged.actor) at \(staged.at)) refers to the import staged in \(batch.name)"
        let outcome = "; the workspace was left as it is — restore that file from a backup"
        guard StagedBatch.isBatchName(batch.name), fileSystem.fileExists(at: batchPath) else {
            throw DamagedJournalLine(error: StoreError(.corrupt, file: path, line: number, entry + ", which is missing" + outcome))
        }
        do {
            return staged.entry(command: try batch.command(from: try fileSystem.readFile(at: batchPath)))
        } catch is StagedBatchProblem {
            throw DamagedJournalLine(error: StoreError(.corrupt, file: path, line: number, entry + ", which does not match the size "
                                                       + "and checksum the entry names: it was changed outside Chorus" + outcome))
        }
    }

    /// The history records of a sealed segment, read without its staged batches (which may be
    /// large), and the batches its entries name: what retiring the segment keeps and frees.
    func sealedRecords() throws -> (records: [HistoryRecord], batches: [String]) {
        guard fileSystem.fileExists(at: path) else { return ([], []) }
        var records: [HistoryRecord] = [], batches: [String] = []
        let bytes = try fileSystem.readFile(at: path)
        // A last line without its newline was never acknowledged.
        let complete = bytes[..<(bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)]
        for line in complete.split(separator: UInt8(ascii: "\n")) where !Self.isBlank(line) {
            if StagedJournalLine.mayBe(line), let staged = try? Self.decoder.decode(StagedJournalLine.self, from: Data(line)) {
                records.append(HistoryRecord(seq: staged.seq, at: staged.at, actor: staged.actor, kind: staged.kind,
                                             summary: staged.summary ?? staged.kind))
                batches.append(staged.batch.name)
            } else {
                records.append(HistoryRecord(try Self.decoder.decode(JournalEntry.self, from: Data(line))))
            }
        }
        return (records, batches)
    }

    /// Cuts a torn last line (or one `journal.trim` marks) off before the segment is sealed:
    /// call it holding the append lock.
    func settle() throws {
        if let unreadableLastLine { throw unreadableLastLine.refusal }
        if tornLine != nil || needsTrim { try trim() }
    }

    /// Whether the segment holds no entry.
    var isEmpty: Bool { intactLength == 0 }

    /// Cuts the journal back to its intact entries, then removes `journal.trim`: in that order,
    /// so a crash in between leaves a mark that still describes the file.
    private func trim() throws {
        try fileSystem.truncateFile(at: path, toLength: intactLength)
        try trimMark.remove()
        tornLine = nil
        needsTrim = false
    }

    /// A failed append whose line could be neither cut off nor marked: the change may be
    /// replayed on the next open, and the person must hear that before retrying it.
    private static func mayHaveBeenKept(_ error: Error) -> StoreError {
        let failure = error as? StoreError ?? StoreError(.io, "\(error)")
        return StoreError(.io, file: failure.file, failure.message + "; the change could not be taken back out of the journal either, "
                          + "so it may still be there when the workspace is next opened: check it (chorus list, or the console) "
                          + "before doing it again")
    }

    func location(of sequence: Int) -> (file: String, line: Int?) { (path, lineOfSequence[sequence]) }

    private static func lines(in bytes: [UInt8]) -> [(range: Range<Int>, terminated: Bool)] {
        var lines: [(range: Range<Int>, terminated: Bool)] = []
        var start = 0
        while start < bytes.count {
            if let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                lines.append((start..<newline, true))
                start = newline + 1
            } else {
                lines.append((start..<bytes.count, false))
                start = bytes.count
            }
        }
        return lines
    }

    /// The reason an entry cannot be read, naming its command when the line is JSON with one:
    /// "the command "archiveWave" cannot be read: …" says more than a decoder's words alone.
    /// The command is `{"kind": name, …}`, or `{name: {…}}` in formats 1 and 2.
    private static func naming(_ line: ArraySlice<UInt8>, _ reason: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let command = object["command"] as? [String: Any],
              let name = command["kind"] as? String ?? (command.count == 1 ? command.keys.first : nil)
        else { return reason }
        return "the command \"\(name.prefix(60))\" is not one this Chorus can read: \(reason)"
    }

    /// The format number when it is newer than this build writes.
    private static func newerFormat(_ format: Int?) -> Int? {
        guard let format, format > JournalEntry.currentFormat else { return nil }
        return format
    }

    /// The `format` of a line that does not decode as an entry (a newer one may not).
    private static func peekFormat(_ line: ArraySlice<UInt8>) -> Int? {
        struct Peek: Decodable { var format: Int? }
        return (try? JSONDecoder().decode(Peek.self, from: Data(line)))?.format
    }

    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static var decoder: JSONDecoder { JSONDecoder() }
}

/// A complete line whose checksum or chain does not hold: never taken for a torn or newer
/// line, whatever its place in the journal.
private struct DamagedJournalLine: Error {
    var error: StoreError
}
