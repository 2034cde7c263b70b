import ChorusCore
import Foundation

/// `chorus.json`, the workspace's table of contents: which snapshot files are current, how many
/// rows each holds, and which journal entries the snapshot already includes.
///
/// Snapshot files carry their generation in their names (`orders-3.json`), and a compaction
/// writes a whole new generation before it renames a new manifest into place, so the rename is
/// the single atomic switch from one consistent snapshot to the next.
///
/// It also lists the journal's segments, oldest first: the entries after the snapshot, of which
/// only the last segment is appended to (see `JournalSegment`).
package struct Manifest: Codable, Equatable, Sendable {
    package static let fileName = "chorus.json"
    static let format = "chorus-workspace"
    /// The snapshot layout this build writes and reads. Bump it (and add a migration) whenever
    /// a row layout or file changes meaning.
    /// 2: the journal in segments listed by `segments` (a Chorus reading only `journal.jsonl`
    /// would miss entries once the journal has rolled).
    static let schemaVersion = 2

    struct Collection: Codable, Equatable, Sendable {
        var name: String
        var file: String
        var rows: Int
    }

    var format: String
    var schemaVersion: Int
    var generation: Int
    /// The last journal entry the snapshot includes; replay skips entries up to it.
    var journalSequence: Int
    var savedAt: Timestamp
    /// `program.json` of this generation: program settings, waves and SKUs.
    var program: String
    var collections: [Collection]
    /// The domain format: the journal format (`JournalEntry.currentFormat`) of the Chorus that
    /// wrote this snapshot; nil in manifests from before it was recorded (format 2 or older).
    /// A snapshot from a newer Chorus may hold what this build would drop or apply differently,
    /// so the workspace opens read-only (see `UnreadableJournalLine.newer`), even when the
    /// journal holds no newer entry any more (a newer Chorus compacted it).
    var journalFormat: Int?

    /// `journalFormat`, with manifests from before it was recorded taken as format 2.
    var domainFormat: Int { journalFormat ?? 2 }

    /// The journal's segments, oldest first; nil in layouts from before segments, whose one
    /// journal is `journal.jsonl` (and may still hold entries the snapshot includes).
    var segments: [JournalSegment]?

    /// The segments to read: `journal.jsonl` alone for a layout from before segments.
    var journalSegments: [JournalSegment] { segments ?? [JournalSegment(file: JournalFile.fileName, first: journalSequence + 1)] }

    func rows(of collection: String) -> Int? { collections.first { $0.name == collection }?.rows }

    /// Every file this manifest refers to.
    package var files: [String] { [program] + collections.map(\.file) + journalSegments.map(\.file) }

    static func fileName(_ collection: String, generation: Int) -> String { "\(collection)-\(generation).json" }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    /// Reads a manifest, checking format and schema version before anything else, so that a
    /// newer Chorus's files are refused as newer rather than reported as damaged.
    package static func decode(_ bytes: [UInt8], file: String) throws -> Manifest {
        struct Version: Decodable { var format: String?; var schemaVersion: Int? }
        let version: Version
        do { version = try JSONDecoder().decode(Version.self, from: Data(bytes)) } catch {
            throw StoreError(.corrupt, file: file, "is not valid JSON (\(DecodingFailure.describe(error)))")
        }
        guard version.format == format else {
            throw StoreError(.corrupt, file: file, "is not a Chorus workspace manifest (its \"format\" is not \"\(format)\")")
        }
        guard let found = version.schemaVersion, found >= 1 else {
            throw StoreError(.corrupt, file: file, "has no valid \"schemaVersion\"")
        }
        guard found <= schemaVersion else {
            throw StoreError(.newerSchema, file: file,
                             "was written by a newer Chorus (schema \(found); this build reads \(schemaVersion)); upgrade Chorus to open it")
        }
        let manifest: Manifest
        do { manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes)) } catch {
            throw StoreError(.corrupt, file: file, "cannot be read: \(DecodingFailure.describe(error))")
        }
        for name in manifest.files where name.isEmpty || name.contains("/") || name.hasPrefix(".") {
            throw StoreError(.corrupt, file: file, "names the file \"\(name)\", which is not a plain file name in the workspace folder")
        }
        if let segments = manifest.segments {
            guard !segments.isEmpty else { throw StoreError(.corrupt, file: file, "lists no journal segment") }
            if let odd = segments.first(where: { !JournalSegment.isSegmentName($0.file) }) {
                throw StoreError(.corrupt, file: file, "lists \"\(odd.file)\" as a journal segment, which is not a journal file's name")
            }
            for (earlier, later) in zip(segments, segments.dropFirst()) where later.first <= earlier.first {
                throw StoreError(.corrupt, file: file, "lists the journal segment \(later.file) after \(earlier.file), out of order")
            }
        }
        if let negative = manifest.collections.first(where: { $0.rows < 0 }) {
            throw StoreError(.corrupt, file: file, "says \(negative.name) has \(negative.rows) rows")
        }
        return manifest
    }
}
