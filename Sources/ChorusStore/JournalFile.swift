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

/// The embedded `CommandLog`: one JSON object per line in `journal.jsonl`, each appended and
/// synced (fdatasync) before the command counts as done.
///
/// Only the last line may be damaged, because only the last append can have been interrupted;
/// it is ignored on read and cut off before the next append, so the file stays valid JSON lines.
/// Damage anywhere else means the file was changed by something other than Chorus, and reading
/// stops with the line number rather than guessing.
final class JournalFile: CommandLog {
    static let fileName = "journal.jsonl"

    let path: String
    private let fileSystem: any FileSystem
    /// Set by `readEntries` when the last line was torn; cleared once it has been cut off.
    private(set) var tornLine: TornJournalLine?
    /// Bytes of intact entries: where the next append goes.
    private var intactLength = 0
    /// Set when a failed append could not cut its partial line off again: the next append
    /// must, or that fragment would end up in the middle of the journal.
    private var needsTrim = false
    private var lineOfSequence: [Int: Int] = [:]
    private var lineCount = 0

    init(folder: String, fileSystem: any FileSystem) {
        path = folder + "/" + Self.fileName
        self.fileSystem = fileSystem
    }

    func readEntries() throws -> [JournalEntry] {
        tornLine = nil
        needsTrim = false
        lineOfSequence = [:]
        guard fileSystem.fileExists(at: path) else { intactLength = 0; lineCount = 0; return [] }
        let bytes = try fileSystem.readFile(at: path)
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
                entries.append(entry)
                lineOfSequence[entry.seq] = number
            } catch {
                let reason = (error as? StoreError)?.message ?? DecodingFailure.describe(error)
                guard index == lastWithContent else {
                    throw StoreError(.corrupt, file: path, line: number, "this entry cannot be read (\(reason)); "
                                     + "only the last entry can be cut short by a crash, so the journal was changed outside Chorus")
                }
                tornLine = TornJournalLine(file: path, line: number, byteCount: bytes.count - line.range.lowerBound, reason: reason)
                intactLength = line.range.lowerBound
                lineCount = index
            }
        }
        return entries
    }

    func append(_ entry: JournalEntry) throws {
        if tornLine != nil || needsTrim {
            try fileSystem.truncateFile(at: path, toLength: intactLength)
            tornLine = nil
            needsTrim = false
        }
        var line = [UInt8](try Self.encoder.encode(entry))
        line.append(UInt8(ascii: "\n"))
        do {
            try fileSystem.appendToFile(at: path, bytes: line)
        } catch {
            // Cut off whatever part of the line reached the file, so the journal stays valid.
            do { try fileSystem.truncateFile(at: path, toLength: intactLength) } catch { needsTrim = true }
            throw error
        }
        intactLength += line.count
        lineCount += 1
        lineOfSequence[entry.seq] = lineCount
    }

    func discard(through sequence: Int) throws {
        // A line whose append failed is not an entry, even if all of it reached the file.
        if needsTrim {
            try fileSystem.truncateFile(at: path, toLength: intactLength)
            needsTrim = false
        }
        let kept = try readEntries().filter { $0.seq > sequence }
        guard !kept.isEmpty else {
            try fileSystem.truncateFile(at: path, toLength: 0)
            intactLength = 0
            lineCount = 0
            lineOfSequence = [:]
            return
        }
        var bytes: [UInt8] = []
        for entry in kept {
            bytes += try Self.encoder.encode(entry)
            bytes.append(UInt8(ascii: "\n"))
        }
        let temporary = path + ".tmp"
        try fileSystem.writeFile(at: temporary, bytes: bytes)
        try fileSystem.renameFile(from: temporary, to: path)
        try fileSystem.syncDirectory(at: String(path.dropLast(Self.fileName.count + 1)))
        _ = try readEntries()
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
