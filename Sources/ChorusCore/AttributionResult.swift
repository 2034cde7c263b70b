/// What attribution decided for every order, and what it adds up to per creator.
///
/// The console's creator detail, `chorus report attribution` and the ledger all read this one
/// value, so finance sees the same numbers wherever it looks.
public struct AttributionResult: Sendable {
    /// Which rule decided an order, in the order the rules are tried.
    public enum Outcome: UInt8, Sendable, CaseIterable, Codable {
        /// Cancelled, voided, pending or authorized: counts for nothing.
        case notCounted
        /// A creator's discount code was used.
        case directByCode
        /// The order arrived through a creator's tracking link.
        case directByLink
        /// Paid social, search or an affiliate network brought it; surveys may not claim it.
        case paidOrAffiliate
        /// A survey answer named exactly one creator.
        case assistedBySurvey
        /// A survey answer named two or more creators; nobody is credited, someone should look.
        case ambiguous
        /// None of the rules applied.
        case unattributed
    }

    /// The decision for one order.
    public struct Credit: Hashable, Sendable {
        public var outcome: Outcome
        /// Position in `workspace.creators` of the credited creator, or -1.
        var creatorPosition: Int32
        /// Position in `workspace.waves` of the order's wave (see `Attribution`), or -1.
        var wavePosition: Int16
    }

    /// One creator's credited orders and their net revenue (minor units of the program currency).
    public struct CreatorTotals: Hashable, Sendable {
        public var directOrders = 0
        public var directNetRevenue: Int64 = 0
        public var assistedOrders = 0
        public var assistedNetRevenue: Int64 = 0

        public init() {}
    }

    /// A survey answer naming several creators, for a person to resolve.
    public struct AmbiguousAnswer: Hashable, Sendable {
        public var orderID: OrderID
        public var creators: [CreatorID]
    }

    public let currency: Currency
    /// One credit per order, parallel to `workspace.orders`.
    public let credits: [Credit]
    /// Totals of every creator with at least one credited order.
    public let totals: [CreatorID: CreatorTotals]
    /// How many orders each rule decided (only orders in the wave, when one was asked for).
    public let counts: [Outcome: Int]
    /// Net revenue (minor units) of the orders each rule decided; zero for `.notCounted`.
    public let revenue: [Outcome: Int64]
    public let ambiguousAnswers: [AmbiguousAnswer]
    /// Creators' and waves' ids by position, so a credit can name them.
    let creatorIDs: [CreatorID]
    let waveIDs: [WaveID]

    /// The creator an order is credited to, if any.
    public func creator(of credit: Credit) -> CreatorID? {
        credit.creatorPosition >= 0 ? creatorIDs[Int(credit.creatorPosition)] : nil
    }

    /// The wave an order belongs to, when it can be told.
    public func wave(of credit: Credit) -> WaveID? {
        credit.wavePosition >= 0 ? waveIDs[Int(credit.wavePosition)] : nil
    }

    public func totals(for creator: CreatorID) -> CreatorTotals { totals[creator] ?? CreatorTotals() }

    public func count(_ outcome: Outcome) -> Int { counts[outcome] ?? 0 }

    public func revenue(_ outcome: Outcome) -> Money { money(revenue[outcome] ?? 0) }

    /// The sum over every creator.
    public var programTotals: CreatorTotals {
        totals.values.reduce(into: CreatorTotals()) { sum, next in
            sum.directOrders += next.directOrders
            sum.directNetRevenue += next.directNetRevenue
            sum.assistedOrders += next.assistedOrders
            sum.assistedNetRevenue += next.assistedNetRevenue
        }
    }

    public func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: currency) }
}
