/// A complete last journal line (it ends in a newline, so its append finished) that this
/// build cannot read: a command from a newer Chorus, or a hand edit.
///
/// Unlike a line a crash cut short, it may hold a change someone was told had been made, so
/// it is never cut: the workspace opens read-only, saying why, until a Chorus that reads it
/// (or a person who repairs it) takes over.
public struct UnreadableJournalLine: Hashable, Sendable {
    public var file: String
    /// 1-based line number of the entry; nil when what a newer Chorus wrote is the workspace's
    /// snapshot (`chorus.json` says so) or an entry of a log that is not a file.
    public var line: Int?
    public var reason: String
    /// The journal format of the entry when it is newer than this build writes.
    public var newerFormat: Int?

    public init(file: String, line: Int?, reason: String, newerFormat: Int? = nil) {
        self.file = file
        self.line = line
        self.reason = reason
        self.newerFormat = newerFormat
    }

    /// Why the workspace is read-only, for the CLI's stderr.
    public var notice: String { file + (line.map { ", line \($0)" } ?? "") + ": " + explanation }

    /// The same without the place, for a `StoreError` that names the file and line itself.
    var explanation: String {
        if let newerFormat {
            return "written by a newer Chorus (format \(newerFormat)); upgrade to write — the workspace is open read-only and left as it is"
        }
        return "the last entry cannot be read (\(reason)); it may come from a newer Chorus or a hand edit, "
            + "so the workspace is open read-only and the file is left as it is — open it with the Chorus that wrote it, "
            + "or repair or remove that line, to make changes"
    }

    /// The gate for a snapshot or entry written in journal format `format`: nil when this
    /// build writes that format or a later one (an older format is read as it is, and what
    /// this build writes on top is in its own format).
    static func newer(_ format: Int?, file: String, line: Int? = nil) -> UnreadableJournalLine? {
        guard let format, format > JournalEntry.currentFormat else { return nil }
        return UnreadableJournalLine(file: file, line: line, reason: "", newerFormat: format)
    }

    /// The refusal of every write while the line is there.
    var refusal: StoreError { StoreError(.readOnly, file: file, line: line, explanation) }
}
