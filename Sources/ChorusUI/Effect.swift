import ChorusCore

/// What a key asks of the world beyond `UIState`. `update` stays a pure function of state and
/// key; the `Console` carries effects out against the session and reports back in the state.
enum Effect: Hashable, Sendable {
    /// A domain change; on success it goes on the undo stack and the marks are cleared.
    case perform(Command)
    /// A form's one command: like `perform`, and on success the form closes; a refusal goes
    /// next to the field it is about and the form stays open.
    case save(Command)
    /// The same, with a status and undo summary that says more than the domain's own (how
    /// many codes were made, and one of them).
    case performSummarized(Command, summary: String)
    /// One parcel of a shipping run: like `performSummarized`, and then the run records what
    /// happened, so a refused scan leaves the same parcel waiting.
    case scan(ShipmentDispatch, summary: String)
    case undo
    case redo
    case useTheme(String)
    case nextTheme
    /// Renders messages for a preview (`OutboxDrafting`); nothing is written.
    case previewOutbox(MessageKind, wave: WaveID, creators: [CreatorID])
    /// Writes a previewed sheet's files and records the drafts.
    case writeOutbox(OutboxSheet)
    /// Text for the clipboard, written by the terminal (OSC 52).
    case copyToClipboard(String)
    /// A checked web link for the system opener.
    case openLink(String)
    /// Opens the history overlay with the session's history as it is now.
    case showHistory
    /// A processor's report to read and record for a payout run (the session reads the file).
    case reconcilePayouts(run: Int, path: String)
}
