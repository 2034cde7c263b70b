import ChorusCore

/// Something a colleague did to the workspace this console shows: who, and the summary they
/// were shown ("approved 3 drafts").
public struct ColleagueChange: Hashable, Sendable {
    public var actor: String
    public var summary: String

    public init(actor: String, summary: String) {
        self.actor = actor
        self.summary = summary
    }

    /// The status line for a batch of colleagues' changes: `maria approved 3 submissions · sam
    /// marked 12 parcels shipped`, summed per person and kind (see `ColleagueTally`), the newest
    /// last, the oldest folded into a count when many.
    static func sentence(_ changes: [ColleagueChange]) -> String {
        let tallies = ColleagueTally.tallies(changes)
        let shown = tallies.suffix(3).map(\.sentence).joined(separator: " · ")
        let earlier = tallies.dropLast(3).reduce(0) { $0 + $1.changes }
        return earlier > 0 ? "\(earlier) earlier change\(earlier == 1 ? "" : "s") · \(shown)" : shown
    }
}

/// What reaches the console from outside a key press, through `update` like a key does.
enum ConsoleEvent: Hashable, Sendable {
    /// Colleagues changed the workspace; the session has applied their changes already.
    case colleaguesChanged([ColleagueChange])
    /// The draft open in the detail was decided by a colleague.
    case openDraftDecided(DecidedElsewhere)
}

/// An outside event's effect on the UI state: it is said in the status line, after the
/// outcome of the person's own last action, which must not vanish unread.
func update(_ state: inout UIState, event: ConsoleEvent) {
    switch event {
    case .colleaguesChanged(let changes):
        let news = ColleagueChange.sentence(changes)
        if let current = state.message, current.kind != .info {
            state.message = StatusMessage(current.kind, current.text + " · " + news)
        } else {
            state.message = StatusMessage(.info, news)
        }
    case .openDraftDecided(let decided):
        state.approvals.decidedElsewhere = decided
    }
}
