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
