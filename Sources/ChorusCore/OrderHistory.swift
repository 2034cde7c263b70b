/// A program's orders and survey responses: most of a big workspace's bytes, and nothing the
/// console's first screens show. Kept separable so a workspace can open with everything else,
/// show its first frame, and attach this when a background load finishes.
public struct OrderHistory: Sendable {
    public var orders: [Order]
    public var surveyResponses: [SurveyResponse]
    /// Attribution over these orders as the store kept it for this state, when it had it:
    /// then the Leaderboard and Ledger need not decide a million orders again.
    public var attribution: AttributionResult?
    /// Id → position indexes, when whoever read the history built them on its own thread (a
    /// million-entry dictionary is a noticeable pause on the console's); built on attach if not.
    package var orderIndex: [OrderID: Int]?
    package var surveyIndex: [SurveyResponseID: Int]?

    public init(orders: [Order], surveyResponses: [SurveyResponse]) {
        self.orders = orders
        self.surveyResponses = surveyResponses
    }
}

extension Workspace {
    /// Attaches order history loaded after the rest of the workspace, with its indexes.
    /// Only valid on a workspace opened without it (its orders and responses are empty).
    public mutating func attachOrderHistory(_ history: OrderHistory) {
        precondition(orders.isEmpty && surveyResponses.isEmpty, "order history is already attached")
        orders = history.orders
        surveyResponses = history.surveyResponses
        indexOrderHistory(orders: history.orderIndex, surveyResponses: history.surveyIndex)
    }
}
