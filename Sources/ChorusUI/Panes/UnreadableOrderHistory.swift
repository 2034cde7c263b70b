/// What the console says in place of figures over orders when the order history's file could
/// not be read: one wording everywhere, whole where a pane has the room (the reason names the
/// file and line, and what to run), short on a line that has a few words only.
enum UnreadableOrderHistory {
    static func text(_ reason: String) -> String {
        "order history could not be read: \(reason) (chorus check says more; the Pipeline, Seeding, Approvals and Library work without it)"
    }

    /// For the creator detail beside the Pipeline and the budget line, which would be pushed
    /// out of view by the whole reason.
    static let short = "order history unreadable (the Leaderboard says why)"
}
