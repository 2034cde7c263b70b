/// The append-only history of commands since a snapshot.
///
/// A protocol because the JSON-lines file in the workspace folder is only the embedded default:
/// a team that outgrows one machine can share one log on a database server by implementing
/// these few operations, with snapshots and replay unchanged.
public protocol CommandLog: AnyObject {
    /// Every readable entry, oldest first. A damaged entry that is not the log's last throws;
    /// a torn last entry (a crash mid-append) is left out and reported by the implementation.
    func readEntries() throws -> [JournalEntry]
    /// Makes `entry` durable before returning: a returned append survives a crash.
    func append(_ entry: JournalEntry) throws
    /// Drops every entry with `seq <= sequence`, once a durable snapshot includes them.
    func discard(through sequence: Int) throws
    /// Where an entry lives, for error messages ("journal.jsonl, line 12").
    func location(of sequence: Int) -> (file: String, line: Int?)
}
