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

    /// The status line for a batch of colleagues' changes: `maria approved 3 drafts · sam
    /// marked 12 parcels shipped`, the newest last, the oldest folded into a count when many.
    static func sentence(_ changes: [ColleagueChange]) -> String {
        let shown = changes.suffix(3).map { "\($0.actor) \($0.summary)" }.joined(separator: " · ")
        let earlier = changes.count - min(3, changes.count)
        return earlier > 0 ? "\(earlier) earlier change\(earlier == 1 ? "" : "s") · \(shown)" : shown
    }
}
