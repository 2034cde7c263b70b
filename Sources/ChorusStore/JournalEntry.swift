import ChorusCore

/// One acknowledged change: the command and the context it was applied in. Replaying entries in
/// sequence order against the snapshot they follow reproduces the workspace exactly, because a
/// command reads nothing but the workspace and its context.
public struct JournalEntry: Hashable, Sendable, Codable {
    /// Position in the workspace's history; 1 is the first command ever performed. Numbers keep
    /// counting across compactions, so a snapshot can say which entries it already includes.
    public var seq: Int
    public var at: Timestamp
    public var actor: String
    public var command: Command
    /// Made by the client once per command and kept across its retries: an append whose
    /// acknowledgement was lost is found by it on the next catch-up instead of applied twice.
    /// Nil in entries written before workspaces were shared.
    public var commandID: String?
    /// The position the person acted on, for commands that replace a whole value and for undo:
    /// replay does not need it, but it says which version of an item the person saw.
    public var basedOn: Int?
    /// What the person was told it did ("approved 3 drafts"), for the history; nil in entries
    /// written before there was one.
    public var summary: String?
    /// The journal format the entry was written in (see `JournalEntry.format`); nil in
    /// entries from before formats were numbered, which are format 1.
    public var format: Int?
    /// The checksum of the line before this one, and of this one (see `EntryChecksum`); nil
    /// in entries from before lines were checksummed.
    public var prev: String?
    public var sum: String?
    /// Where a big import's command was staged out of line (see `StagedBatch`); the journal
    /// line then holds this instead of the command. Nil for every other entry.
    public var batch: StagedBatch?

    /// The journal format this build writes. A reader that meets a higher one opens the
    /// workspace read-only: a newer Chorus may apply commands differently, and a history
    /// replayed by rules it does not know would not be the history that was acknowledged.
    /// 1: entries as first written; 2: with `commandID`, `basedOn`, `summary` and `format`;
    /// 3: commands as a `kind` and named fields (`Command+Coding`) instead of Swift's
    /// synthesized enum coding; 5: `importTracking`, the shipments file's `markShipped`;
    /// 6: a big import's staged batch holds its rows as the snapshot does (`StagedRows`);
    /// 7: a staged batch's checksum is CRC-32 (`BatchChecksum`), which format 6 would take for
    /// a changed batch.
    /// Older entries are read as they are and never rewritten.
    ///
    /// Raise it with every new command kind and every change to how a command applies, and
    /// freeze the new format's golden journal (see `Command+Coding` in ChorusCore): two
    /// Chorus releases must never both write to a workspace when they would apply an entry
    /// differently.
    public static let currentFormat = 7

    public init(seq: Int, at: Timestamp, actor: String, command: Command, commandID: String? = nil, basedOn: Int? = nil,
                summary: String? = nil) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.command = command
        self.commandID = commandID
        self.basedOn = basedOn
        self.summary = summary
        format = Self.currentFormat
    }

    public var context: CommandContext { CommandContext(now: at, actor: actor) }
}
