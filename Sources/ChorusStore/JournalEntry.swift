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

    public init(seq: Int, at: Timestamp, actor: String, command: Command) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.command = command
    }

    public var context: CommandContext { CommandContext(now: at, actor: actor) }
}
