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

    init(seq: Int, at: Timestamp, actor: String, kind: String, summary: String) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.kind = kind
        self.summary = summary
    }
}

/// The records of entries whose journal segments a compaction retired, so the history
/// outlives the journal. Appended and synced before the segment is removed; a crash in between
/// repeats records, which reading drops.
///
/// Kept in files of a few megabytes, `history-<first>.jsonl` after the first position each
/// holds (`history.jsonl` from before the history rolled is read first): no file grows without
/// end, and the whole history stays readable for `chorus history` and the History view.
struct HistoryArchive {
    static let legacyFileName = "history.jsonl"
    /// The size past which the next records start a new file.
    static let defaultRollBytes = 4_000_000

    let folder: String
    let fileSystem: any FileSystem
    let rollBytes: Int

    init(folder: String, fileSystem: any FileSystem, rollBytes: Int = HistoryArchive.defaultRollBytes) {
        self.folder = folder
        self.fileSystem = fileSystem
        self.rollBytes = rollBytes
    }

    /// The history files, oldest first.
    func fileNames() -> [String] {
        let names = (try? fileSystem.fileNames(in: folder)) ?? []
        return names.compactMap { name in Self.first(of: name).map { (name, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// The first position a history file holds by its name (0 for `history.jsonl`), or nil for another file.
    static func first(of name: String) -> Int? {
        if name == legacyFileName { return 0 }
        guard name.hasPrefix("history-"), name.hasSuffix(".jsonl") else { return nil }
        return Int(name.dropFirst("history-".count).dropLast(".jsonl".count))
    }

    func append(_ records: [HistoryRecord]) throws {
        guard let first = records.first else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for record in records {
            bytes += try encoder.encode(record)
            bytes.append(UInt8(ascii: "\n"))
        }
        var target = "history-\(first.seq).jsonl"
        if let newest = fileNames().last, (fileSystem.byteCount(at: folder + "/" + newest) ?? 0) < rollBytes { target = newest }
        try fileSystem.appendToFile(at: folder + "/" + target, bytes: bytes)
    }

    /// Every record, oldest first, each position once. A line that cannot be read (cut short
    /// by a crash) is skipped: the history is a record, never a source of the workspace.
    func read() throws -> [HistoryRecord] {
        let decoder = JSONDecoder()
        var seen = Set<Int>()
        var records: [HistoryRecord] = []
        for name in fileNames() {
            for line in try fileSystem.readFile(at: folder + "/" + name).split(separator: UInt8(ascii: "\n")) {
                guard let record = try? decoder.decode(HistoryRecord.self, from: Data(line)), seen.insert(record.seq).inserted else { continue }
                records.append(record)
            }
        }
        return records
    }
}

extension WorkspaceStore {
    /// Who did what when, oldest first: the journal's segments and the archived records (the
    /// segments first: one retired meanwhile has its records archived before it goes).
    public func history() throws -> [HistoryRecord] {
        guard let folderLog else {
            return try ((log as? KeepsEarlierHistory)?.earlierHistory() ?? []) + log.entries(after: 0).map(HistoryRecord.init)
        }
        return try Self.history(of: (try? Snapshot.manifest(in: folder, fileSystem: fileSystem)) ?? manifest, archive: folderLog.history)
    }

    /// A folder's history as `manifest` lists its segments.
    static func history(of manifest: Manifest, archive: HistoryArchive) throws -> [HistoryRecord] {
        var records: [HistoryRecord] = []
        for segment in manifest.journalSegments {
            records += (try? JournalFile(folder: archive.folder, file: segment.file, fileSystem: archive.fileSystem).sealedRecords().records) ?? []
        }
        let live = Set(records.map(\.seq))
        records += try archive.read().filter { !live.contains($0.seq) }
        return records.sorted { $0.seq < $1.seq }
    }
}
