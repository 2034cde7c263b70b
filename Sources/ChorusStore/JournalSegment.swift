/// One file of the journal: `journal-<first>.jsonl`, holding entries from position `first` on.
///
/// A compaction seals the segment being appended to and starts the next one under the append
/// lock (milliseconds), writes the snapshot outside it, and only then drops the sealed
/// segments from the manifest: nobody waits for a snapshot to be written, and a follower keeps
/// reading a sealed segment by offset until it reaches the next. The first segment of a
/// workspace is `journal.jsonl`, so workspaces from before segments open unchanged.
struct JournalSegment: Codable, Equatable, Sendable {
    var file: String
    /// The position of the segment's first entry.
    var first: Int

    static func named(first: Int) -> JournalSegment { JournalSegment(file: "journal-\(first).jsonl", first: first) }

    /// Whether `name` is one Chorus gives journal segments (`journal.jsonl`, `journal-12.jsonl`).
    static func isSegmentName(_ name: String) -> Bool {
        if name == JournalFile.fileName { return true }
        guard name.hasPrefix("journal-"), name.hasSuffix(".jsonl") else { return false }
        let number = name.dropFirst("journal-".count).dropLast(".jsonl".count)
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
