import ChorusCore

/// The one ordered history of a workspace that several people append to at once: the seam
/// between the store and where the history lives (a folder on one machine today, a database
/// server next). The store never assumes it is the only writer: it catches up, applies against
/// the newest state, and appends only if nobody appended in between (`append(_:expectedHead:)`).
///
/// Implementations must keep positions gapless (entry N+1 follows entry N) and keep
/// `JournalEntry.commandID` unique, so a retry after a lost acknowledgement is recognised.
public protocol SharedLog: AnyObject {
    /// The position of the newest entry; 0 before the first.
    func head() throws -> Int
    /// The complete entries after `position`, oldest first. Throws `SharedLogGap` when entries
    /// after `position` were folded into a snapshot and are no longer kept one by one.
    func entries(after position: Int) throws -> [JournalEntry]
    /// Appends `entry` only if the newest entry is still `expectedHead` (and `entry.seq` is
    /// `expectedHead + 1`); otherwise appends nothing and says where the head is now. A returned
    /// `.appended` is durable.
    func append(_ entry: JournalEntry, expectedHead: Int) throws -> AppendOutcome
    /// A cheap value that changes whenever an entry may have been appended: a follower compares
    /// it between key presses and reads entries only when it moved. Only a hint.
    func changeHint() -> Int
    /// The newest snapshot: a whole workspace and the last entry it includes.
    func currentSnapshot() throws -> LogSnapshot
    /// Makes `snapshot` the newest one if it is newer than the current one.
    func putSnapshot(_ snapshot: LogSnapshot) throws
    /// The right to compact, held by at most one process at a time; nil while someone else holds it.
    func leaseCompaction() -> CompactionLease?
    /// Keeps a large payload out of line (a night's orders), so the entry that refers to it
    /// stays small and appending it holds the log for milliseconds. Returns its name.
    func stage(_ payload: [UInt8]) throws -> String
    /// Like `stage(_:)`, with the payload handed to `write` piece by piece as `payload` makes
    /// it, so that a log able to take it in pieces never holds it whole.
    func stage(writing payload: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws -> String
    /// A payload staged earlier, by name.
    func staged(_ name: String) throws -> [UInt8]
}

extension SharedLog {
    /// Joins the pieces and stages them whole: for logs that take a payload in one go (a
    /// database server's, which sends it in chunks over its one connection anyway).
    public func stage(writing payload: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws -> String {
        var bytes: [UInt8] = []
        try payload { bytes += $0 }
        return try stage(bytes)
    }
}

/// What an append with an expected head did.
public enum AppendOutcome: Hashable, Sendable {
    /// Appended at this position.
    case appended(Int)
    /// Someone appended first; nothing was written, and the head is now here.
    case conflict(head: Int)
}

/// A whole workspace and the position of the last entry it includes.
public struct LogSnapshot: Sendable {
    public var workspace: Workspace
    public var through: Int
    /// The domain format: the journal format of the Chorus that wrote the snapshot. A log
    /// keeps it beside the snapshot (a folder in its manifest); a store that meets a newer one
    /// opens read-only, saying to upgrade.
    public var format: Int
    public init(workspace: Workspace, through: Int, format: Int = JournalEntry.currentFormat) {
        self.workspace = workspace
        self.through = through
        self.format = format
    }
}

/// The right to write a snapshot, given back by `release()` (or by the holder's exit, for a
/// folder). Two compactions at once would race for the same generation's files.
public protocol CompactionLease: AnyObject {
    func release()
}

/// Entries a reader asked for were folded into a snapshot meanwhile: it reloads the snapshot.
public struct SharedLogGap: Error, Hashable, Sendable {
    public var after: Int
    public var oldestKept: Int
    public init(after: Int, oldestKept: Int) {
        self.after = after
        self.oldestKept = oldestKept
    }
}
