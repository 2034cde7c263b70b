/// A program's orders and survey responses: most of a big workspace's bytes, and nothing the
/// console's first screens show. Kept separable so a workspace can open with everything else,
/// show its first frame, and attach this when a background load finishes.
public struct OrderHistory: Sendable {
    /// Indexed by whoever read the history, on its own thread: a million-entry index is a
    /// noticeable pause on the console's.
    public var orders: EntityTable<Order>
    public var surveyResponses: EntityTable<SurveyResponse>
    /// Attribution over these orders as the store kept it for this state, when it had it:
    /// then the Leaderboard and Ledger need not decide a million orders again.
    public var attribution: AttributionResult?
    /// The figures taken from the kept attribution file before these orders were read are not
    /// theirs (a file that outlived the orders it was kept for): what was derived from it must go.
    public var adoptedFiguresDiffer = false

    public init(orders: EntityTable<Order>, surveyResponses: EntityTable<SurveyResponse>) {
        self.orders = orders
        self.surveyResponses = surveyResponses
    }
}

/// Whether a workspace's order history is here. A workspace opened without it says so, rather
/// than passing for a program with no orders: attribution, the ledger and order commands can tell
/// "nothing sold" from "not read yet".
public enum OrderHistoryState: Sendable, Equatable {
    case loaded
    /// Being read in the background; `orders` is how many are on their way (for progress messages).
    case loading(orders: Int)

    public var isLoading: Bool { self != .loaded }
}

extension Workspace {
    /// Marks a workspace opened without its order history, which `attachOrderHistory` brings later.
    public mutating func deferOrderHistory(orders count: Int) {
        precondition(orders.isEmpty && surveyResponses.isEmpty, "a workspace with orders cannot wait for them")
        orderHistoryState = .loading(orders: count)
    }

    /// Attaches order history loaded after the rest of the workspace. Only valid on a workspace
    /// whose history is still loading.
    public mutating func attachOrderHistory(_ history: OrderHistory) {
        precondition(orderHistoryState.isLoading || (orders.isEmpty && surveyResponses.isEmpty), "order history is already attached")
        orders = history.orders
        surveyResponses = history.surveyResponses
        orderHistoryState = .loaded
    }
}
