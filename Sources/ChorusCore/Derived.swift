/// What the owner of derived figures (`DerivedFigures`) has of one figure for the workspace
/// as it stands now.
public enum Derived<Value> {
    /// Order history is still loading in the background; figures over orders would be zeros that are not true.
    case loadingOrders
    /// Order history could not be read (the reason names the file and line): figures over
    /// orders cannot be had this session, and saying "loading" would wait for ever.
    case ordersUnreadable(String)
    /// Not had for this position yet: being computed, or not asked for.
    case computing
    case ready(Value)

    /// The figure, when it is ready.
    public var value: Value? {
        if case .ready(let value) = self { value } else { nil }
    }
}

extension Derived: Sendable where Value: Sendable {}

extension Derived {
    /// The same state, over a part of the figure (a view that shows one part of it).
    public func map<Part>(_ part: (Value) -> Part) -> Derived<Part> {
        switch self {
        case .loadingOrders: .loadingOrders
        case .ordersUnreadable(let reason): .ordersUnreadable(reason)
        case .computing: .computing
        case .ready(let value): .ready(part(value))
        }
    }

    /// Why the order history could not be read, when that is why the figure is not had.
    public var unreadableReason: String? {
        if case .ordersUnreadable(let reason) = self { reason } else { nil }
    }
}

/// A figure a screen can ask the owner of derived figures for.
public enum DerivedNeed: Hashable, Sendable {
    /// Which orders are credited to which creator (the creator detail).
    case attribution
    /// Survey answers that name several creators (the survey-answers queue).
    case ambiguousAnswers
    /// Fees, commission, bonuses and usable assets per creator and wave (Leaderboard, Ledger,
    /// Waves, the budget line and the `S` budget question).
    case ledger
    /// Paid, in run and payable per ledger row (the Ledger pane).
    case payoutBalances
    /// One wave's program overview and cohorts grouped one way (the Waves pane).
    case overview(WaveID, Cohorts.Dimension)
    /// The product categories each customer email bought, which fit scores read.
    case categoriesBought
}

/// The product categories each customer email bought, gathered from every order at one
/// revision of the orders (`DerivedFigures.ordersRevision`).
public struct CategoriesBought: Sendable {
    public let ordersRevision: Int
    public let byEmail: [String: Set<String>]
}

/// A wave's program overview and cohorts, derived together from the ledger.
public struct OverviewFigures: Sendable {
    public let overview: ProgramOverview
    public let cohorts: Cohorts
}

/// Where attribution computed for the workspace as it is now is kept between sessions: a store
/// keeps it beside its snapshot (`StoredAttribution`), so the next open need not decide a
/// million orders again.
public protocol AttributionKeeper: AnyObject {
    /// Attribution kept for the workspace as it is now, if any.
    var knownAttribution: AttributionResult? { get }
    /// Keeps attribution computed for the workspace as it is now.
    func remember(_ attribution: AttributionResult)
}
