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

/// The journal of `FolderLog`: one JSON object per line in `journal.jsonl`, each appended and
/// synced (fdatasync) before the command counts as done.
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
    private var lastSum: String?

    init(folder: String, fileSystem: any FileSystem) {
        path = folder + "/" + Self.fileName
        self.fileSystem = fileSystem
        trimMark = JournalTrimMark(folder: folder, fileSystem: fileSystem)
    }

    func readEntries() throws -> [JournalEntry] {
        tornLine = nil
        unreadableLastLine = nil
        lineOfSequence = [:]
        lastSum = nil
        let mark = try trimMark.read()
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
                let entry = try Self.decoder.decode(JournalEntry.self, from: Data(bytes[line.range]))
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
        guard !anew, let identity, identity.inode == current.inode, current.size >= intactLength, try trimMark.read() == nil else {
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
                do { entry = try Self.decoder.decode(JournalEntry.self, from: Data(line)) } catch { entry = nil }
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

    func discard(through sequence: Int) throws {
        if let unreadableLastLine { throw unreadableLastLine.refusal }
        // A line whose append failed is not an entry, even if all of it reached the file.
        if needsTrim { try trim() }
        // Always a new file renamed into place, never cut in place: a process following the
        // journal by offset knows a replaced file by its inode, and would read a file cut and
        // grown again from the middle of a line.
        // The kept lines are copied byte for byte, so their checksums still hold.
        _ = try readEntries()
        let current = try fileSystem.readFile(at: path).prefix(intactLength)
        var bytes: [UInt8] = []
        for line in Self.lines(in: Array(current)) where line.terminated && !Self.isBlank(current[line.range]) {
            guard let entry = try? Self.decoder.decode(JournalEntry.self, from: Data(current[line.range])), entry.seq > sequence else { continue }
            bytes += current[line.range]
            bytes.append(UInt8(ascii: "\n"))
        }
        let temporary = path + ".tmp"
        try fileSystem.writeFile(at: temporary, bytes: bytes)
        try fileSystem.renameFile(from: temporary, to: path)
        try fileSystem.syncDirectory(at: String(path.dropLast(Self.fileName.count + 1)))
        _ = try readEntries()
    }

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
