import ChorusCore

/// What the console needs to draft messages: templates and files live beside the workspace,
/// which only the executable knows, so a session that can draft says so by adopting this.
public protocol OutboxDrafting: AnyObject {
    /// The messages as they will read, who gets one and who is left out; throws (naming
    /// people or the template line) when they cannot be drafted.
    func previewOutbox(_ kind: MessageKind, wave: WaveID, creators: [CreatorID]) throws -> OutboxSheet
    /// Writes the `.eml` files and Klaviyo CSV of a previewed sheet; returns the folder.
    func writeOutbox(_ sheet: OutboxSheet) throws -> String
}

/// A preview of one outbox build, shown before anything is written.
public struct OutboxSheet: Hashable, Sendable {
    public var kind: MessageKind
    public var waveID: WaveID
    public var recipients: [CreatorID]
    public var lines: [String]

    public init(kind: MessageKind, waveID: WaveID, recipients: [CreatorID], lines: [String]) {
        self.kind = kind
        self.waveID = waveID
        self.recipients = recipients
        self.lines = lines
    }
}
