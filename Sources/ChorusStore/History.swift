import ChorusCore
import Foundation

/// One thing someone did to the workspace, for the audit trail finance asks for: who, when,
/// what kind of command, and the summary they were shown.
public struct HistoryRecord: Codable, Hashable, Sendable {
    public var seq: Int
    public var at: Timestamp
    public var actor: String
    public var kind: String
    public var summary: String

    public init(_ entry: JournalEntry) {
        seq = entry.seq
        at = entry.at
        actor = entry.actor
        kind = entry.command.kind
        summary = entry.summary ?? entry.command.kind
    }
}

/// `history.jsonl`: the records of entries a compaction folded away (and of big imports,
/// which are never journal lines), so the history outlives the journal. Appended and synced
/// before the journal is trimmed; a crash in between repeats records, which reading drops.
struct HistoryArchive {
    static let fileName = "history.jsonl"

    let path: String
    let fileSystem: any FileSystem

    init(folder: String, fileSystem: any FileSystem) {
        path = folder + "/" + Self.fileName
        self.fileSystem = fileSystem
    }

    func append(_ records: [HistoryRecord]) throws {
        guard !records.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for record in records {
            bytes += try encoder.encode(record)
            bytes.append(UInt8(ascii: "\n"))
        }
        try fileSystem.appendToFile(at: path, bytes: bytes)
    }

    /// Every record, oldest first, each position once. A line that cannot be read (cut short
    /// by a crash) is skipped: the history is a record, never a source of the workspace.
    func read() throws -> [HistoryRecord] {
        guard fileSystem.fileExists(at: path) else { return [] }
        let decoder = JSONDecoder()
        var seen = Set<Int>()
        return try fileSystem.readFile(at: path).split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard let record = try? decoder.decode(HistoryRecord.self, from: Data(line)), seen.insert(record.seq).inserted else { return nil }
            return record
        }
    }
}

extension WorkspaceStore {
    /// Who did what when, oldest first: the archived records and the journal's entries.
    public func history() throws -> [HistoryRecord] {
        guard let folderLog else {
            return try ((log as? KeepsEarlierHistory)?.earlierHistory() ?? []) + log.entries(after: 0).map(HistoryRecord.init)
        }
        var records = try folderLog.history.read()
        let journal = JournalFile(folder: folder, fileSystem: fileSystem)
        let archived = Set(records.map(\.seq))
        records += try journal.readEntries().filter { !archived.contains($0.seq) }.map(HistoryRecord.init)
        return records.sorted { $0.seq < $1.seq }
    }
}
