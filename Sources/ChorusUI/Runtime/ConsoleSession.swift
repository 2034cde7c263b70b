import ChorusCore

/// The console's only door to the domain: read the workspace, send a command.
///
/// The console never touches disk or clock itself. A store-backed session journals each
/// command durably before returning, which is why `q` can quit at any time without a save,
/// and a test session applies commands to an in-memory workspace.
public protocol ConsoleSession: AnyObject {
    var workspace: Workspace { get }
    /// Applies and durably journals a command; the session supplies now/actor.
    func perform(_ command: Command) throws -> AppliedCommand
    /// Called on the console's thread between key presses: news of work the session does in
    /// the background (such as loading order history after the first frame), as a sentence
    /// for the status bar, or nil when there is none. The workspace may have changed.
    func collectBackgroundWork() -> String?
    /// The owner of figures derived from `workspace` (attribution, the ledger, overviews),
    /// told by the session of every change it applies, and of order history still loading.
    var derived: DerivedFigures { get }
    /// Who changed what, and when, oldest first: for the history overlay (`H`).
    var history: [HistoryLine] { get }
    /// Called on the console's thread between key presses: what colleagues (other consoles,
    /// CLI commands) did since the last call, already applied to `workspace`; empty when
    /// nothing happened. Cheap when nothing did: it is asked ten times a second.
    func collectColleaguesWork() -> [ColleagueChange]
    /// Who is at the keyboard, as the journal records them, whose roles decide which keys
    /// work; nil when nobody is named.
    var actingPerson: String? { get }
    /// Reads a processor's report on `run` (PayPal's payout items, Wise's batch result) from
    /// a file; throws with the file, line and column of what is wrong.
    func paymentResults(fromFile path: String, run: PayoutRun, today: Day) throws -> [PaymentResult]
    /// Colleagues' work the session is loading in the background, for the status line
    /// (`loading maria's import (imported 1000000 orders) in the background…`); nil when none.
    var colleaguesWorkLoading: String? { get }
    /// Why colleagues' changes are not being followed, since a catch-up failed and until one
    /// succeeds (a line this build cannot read, an order history that cannot be read); nil
    /// while they are. The screen may then lag behind the team's, so it says so for as long.
    var notFollowing: String? { get }
    /// Why a command cannot be performed now, as the end of "kept as pending until …"
    /// (`maria's import has loaded`, `the server answers again`); nil when it can.
    var commandsWait: String? { get }
    /// `perform`, with the command's idempotency id: a command kept pending keeps its id, so
    /// sending it again after a lost acknowledgement never applies it twice.
    func perform(_ command: Command, commandID: String) throws -> AppliedCommand
}

extension ConsoleSession {
    /// Nothing runs in the background by default.
    public func collectBackgroundWork() -> String? { nil }
    /// No history by default: a session without a log has nobody else to tell about.
    public var history: [HistoryLine] { [] }
    /// Nobody named by default: every key works, as in a program without people.
    public var actingPerson: String? { nil }
    /// Nobody else writes by default.
    public func collectColleaguesWork() -> [ColleagueChange] { [] }
    public var colleaguesWorkLoading: String? { nil }
    public var notFollowing: String? { nil }
    /// Commands are performed at once by default.
    public var commandsWait: String? { nil }
    public func perform(_ command: Command, commandID: String) throws -> AppliedCommand { try perform(command) }
    /// Reading files needs the importers, which the `chorus` command supplies.
    public func paymentResults(fromFile path: String, run: PayoutRun, today: Day) throws -> [PaymentResult] {
        throw DomainError("this console cannot read processor reports; use `chorus payout reconcile`")
    }
}
