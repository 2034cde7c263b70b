import ChorusCore

/// What `update` asks of the world beyond `UIState`: the `Console` carries each one out
/// against the session and the terminal and feeds what came of it back to `update` as a
/// `ConsoleEvent`, so every change to the state is made in one place. `update` itself only
/// reads the workspace and the derived rows it is given; it never sends anything.
enum Effect: Hashable, Sendable {
    /// A domain change; it comes back as `.commandApplied` or `.commandRefused` with `intent`,
    /// which says what the change was for (a form's save, a scan, an undo). A key's plain
    /// change (`.plain`) goes on the undo stack on success and clears the marks.
    case command(Command, CommandIntent)
    /// Renders messages for a preview (`OutboxDrafting`); nothing is written.
    case previewOutbox(MessageKind, wave: WaveID, creators: [CreatorID])
    /// Writes a previewed sheet's files; the drafts are recorded once they are written.
    case writeOutbox(OutboxSheet)
    /// Text for the clipboard, written by the terminal (OSC 52).
    case copyToClipboard(String)
    /// A checked web link for the system opener.
    case openLink(String)
    /// Reads the session's history, for the history overlay.
    case readHistory
    /// A processor's report to read for a payout run (the session reads the file); the
    /// results come back to be recorded.
    case readPaymentResults(run: Int, path: String)
    /// Derived figures the screen now needs (attribution, the ledger, a wave's overview); the
    /// owner of derived data computes what it does not have for the current journal position.
    case derive(Set<DerivedNeed>)

    /// A form's one command: like a `.plain` command, and on success the form closes; a refusal goes
    /// next to the field it is about and the form stays open.
    static func save(_ command: Command) -> Effect { .command(command, .save) }
    /// The same, with a status and undo summary that says more than the domain's own (how
    /// many codes were made, and one of them).
    static func performSummarized(_ command: Command, summary: String) -> Effect { .command(command, .summarized(summary)) }
    /// One parcel of a shipping run: like `performSummarized`, and then the run records what
    /// happened, so a refused scan leaves the same parcel waiting.
    static func scan(_ dispatch: ShipmentDispatch, summary: String) -> Effect { .command(.markShipped([dispatch]), .scan(dispatch, summary: summary)) }
}

/// Why a command was sent, so its outcome can be taken the way the key meant it.
enum CommandIntent: Hashable, Sendable {
    case plain
    case summarized(String)
    case save
    case scan(ShipmentDispatch, summary: String)
    /// Takes back the undo stack's top entry (its summary), to put it on the redo stack.
    case undo(String)
    /// Does again the redo stack's top entry.
    case redo(String)
    /// Records drafts whose files were written to `folder`.
    case outboxWritten(folder: String)
}
