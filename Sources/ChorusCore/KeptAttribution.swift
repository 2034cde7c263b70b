/// Attribution kept beside a snapshot for the workspace's state, with the figures of the orders
/// it adds up: everything the Leaderboard and Ledger read of the orders. A console reads it
/// before the whole orders (seconds at ten million) and shows those panes meanwhile; what needs
/// the orders themselves (their ids in a ledger row's detail, a payout run's items) waits.
public struct KeptAttribution: Sendable {
    public var result: AttributionResult
    /// One per order, by position in `workspace.orders`.
    public var orderFigures: [OrderFigures]

    public init(result: AttributionResult, orderFigures: [OrderFigures]) {
        self.result = result
        self.orderFigures = orderFigures
    }
}
