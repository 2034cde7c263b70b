import ChorusCore

/// Everything that reaches the UI core goes through `update` as one of these: a key, a new
/// size, what came of an effect (a command applied or refused, a file read), derived figures
/// becoming ready, and changes that arrived from elsewhere. The `Console` only turns the
/// outside world into events and effects into outside work.
enum ConsoleEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
    /// Keys that arrived together like a barcode scanner's, where they would have been commands.
    case scanBurstDropped
    /// A command this console sent was applied and journaled.
    case commandApplied(CommandOutcome)
    /// A command this console sent was refused, with the domain's sentence why.
    case commandRefused(Command, CommandIntent, reason: String)
    /// A command this console sent could not be performed yet and is kept, with how many are.
    case commandKeptPending(CommandIntent, until: String, pending: Int)
    /// Commands kept pending were sent; this many are left.
    case pendingCommandsLeft(Int)
    /// Colleagues' work too big to apply between key presses is loading in the background (or
    /// no longer is: nil).
    case colleaguesWorkLoading(String?)
    /// Following colleagues stopped, for this reason, or (nil) works again.
    case notFollowing(String?)
    /// Derived figures asked for (`Effect.derive`) finished on another thread.
    case derivedReady
    /// Colleagues changed the workspace; the session has applied their changes already.
    case entriesArrived([ColleagueChange])
    /// The draft open in the detail was decided by a colleague.
    case openDraftDecided(DecidedElsewhere)
    /// News of the session's own background work (order history loaded, a compaction).
    case news(String)
    /// A warning from outside the console (a settings file that could not be read).
    case warning(String)
    /// The session's history, read for the history overlay.
    case historyRead([HistoryLine])
    /// Messages rendered for a preview.
    case outboxPreviewed(OutboxSheet)
    /// A previewed sheet's files were written to `folder`.
    case outboxWritten(OutboxSheet, folder: String)
    /// A processor's report was read for payout run `run`.
    case paymentResultsRead(run: Int, [PaymentResult])
    /// An effect could not be carried out (a file that could not be read or written).
    case effectFailed(String)
}

/// A command that was applied: what it was for, what the domain said it did, and the command
/// that takes it back.
struct CommandOutcome: Hashable, Sendable {
    var command: Command
    var intent: CommandIntent
    /// What was done, as its undo is named.
    var summary: String
    /// What the command found as it was applied, said after the summary (see `AppliedCommand.aside`).
    var aside = ""
    var undo: Command
}

/// The last background news put up, and the person's own message it was put after: news that
/// follows replaces it, and what the person's key said stays in front.
struct BackgroundNews: Hashable, Sendable {
    var shown: StatusMessage
    var after: StatusMessage?
}
