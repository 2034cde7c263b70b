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
        /// The credited creator, or `.none`.
        public var creatorPosition: CreatorPosition
        /// The order's wave (see `Attribution`), or `.none`.
        public var wavePosition: WavePosition

        public init(outcome: Outcome, creatorPosition: CreatorPosition, wavePosition: WavePosition) {
            self.outcome = outcome
            self.creatorPosition = creatorPosition
            self.wavePosition = wavePosition
        }
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
        /// The same creators' positions in `workspace.creators`: a report names every creator of
        /// every ambiguous answer (millions when names are common) without looking each id up.
        public var creatorPositions: [CreatorPosition]
        /// The buyer's words that name them ("Felix Mueller on Instagram"): what a resolution
        /// keeps as the chosen creator's alias.
        public var text: String
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
    /// Creators' and waves' ids by position, so a credit can name them.
    let creatorIDs: [CreatorID]
    let waveIDs: [WaveID]
    /// The position of the wave the totals cover, or nil for all of them.
    let wavePosition: WavePosition?

    /// The per-order decisions this result adds up, for a store to keep.
    public var decisions: AttributionDecisions { AttributionDecisions(credits: credits) }

    /// Whether the totals and counts include the order with this credit.
    func covers(_ credit: Credit) -> Bool { wavePosition.map { credit.wavePosition == $0 } ?? true }

    /// Adds up decided credits. `orders`, `creatorIDs` and `waveIDs` must be the ones the
    /// decisions were made for (positions refer to them). With `wave`, the totals and counts
    /// cover only that wave's orders; `credits` always covers every order.
    public init(adding decisions: AttributionDecisions, orders: [Order], creatorIDs: [CreatorID], waveIDs: [WaveID],
                currency: Currency, wave: WaveID? = nil) {
        self.init(adding: decisions, orders: orders.figures, creatorIDs: creatorIDs, waveIDs: waveIDs, currency: currency, wave: wave)
    }

    /// `init(adding:orders:…)` from the orders' figures alone, which a store can read without
    /// decoding whole orders (`OrderFigures`).
    public init(adding decisions: AttributionDecisions, orders: [OrderFigures], creatorIDs: [CreatorID], waveIDs: [WaveID],
                currency: Currency, wave: WaveID? = nil) {
        precondition(decisions.credits.count == orders.count, "one credit per order")
        let waveFilter = wave.flatMap { id in waveIDs.firstIndex(of: id) }.map(WavePosition.init)
        var totals = [CreatorTotals](repeating: .init(), count: creatorIDs.count)
        var counts = [Int](repeating: 0, count: Outcome.allCases.count)
        var revenue = [Int64](repeating: 0, count: counts.count)
        for (index, credit) in decisions.credits.enumerated() {
            if let waveFilter, credit.wavePosition != waveFilter { continue }
            counts[Int(credit.outcome.rawValue)] += 1
            let net = credit.outcome == .notCounted ? 0 : orders[index].netRevenue
            revenue[Int(credit.outcome.rawValue)] += net
            guard let creator = credit.creatorPosition.index else { continue }
            switch credit.outcome {
            case .directByCode, .directByLink:
                totals[creator].directOrders += 1
                totals[creator].directNetRevenue += net
            case .assistedBySurvey:
                totals[creator].assistedOrders += 1
                totals[creator].assistedNetRevenue += net
            case .notCounted, .paidOrAffiliate, .unattributed, .ambiguous:
                break
            }
        }
        var byCreator: [CreatorID: CreatorTotals] = [:]
        for (position, total) in totals.enumerated() where total.directOrders + total.assistedOrders > 0 {
            byCreator[creatorIDs[position]] = total
        }
        var countsByOutcome: [Outcome: Int] = [:]
        var revenueByOutcome: [Outcome: Int64] = [:]
        for outcome in Outcome.allCases {
            countsByOutcome[outcome] = counts[Int(outcome.rawValue)]
            revenueByOutcome[outcome] = revenue[Int(outcome.rawValue)]
        }
        self.currency = currency
        self.credits = decisions.credits
        self.totals = byCreator
        self.counts = countsByOutcome
        self.revenue = revenueByOutcome
        self.creatorIDs = creatorIDs
        self.waveIDs = waveIDs
        self.wavePosition = waveFilter
    }

    /// The creator an order is credited to, if any.
    public func creator(of credit: Credit) -> CreatorID? {
        credit.creatorPosition.index.map { creatorIDs[$0] }
    }

    /// The wave an order belongs to, when it can be told.
    public func wave(of credit: Credit) -> WaveID? {
        credit.wavePosition.index.map { waveIDs[$0] }
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

/// Attribution's decision for every order, before it is added up: small (a few bytes per order)
/// and, unlike the totals, independent of which wave is asked about. It is what a workspace
/// keeps on disk beside its snapshot, so opening a million orders does not decide them again.
/// Who an ambiguous answer names is not kept (a common name can match hundreds of creators);
/// `Attribution.ambiguousAnswers` finds out again for the few orders concerned.
public struct AttributionDecisions: Sendable, Equatable {
    /// One credit per order, parallel to `workspace.orders`.
    public var credits: [AttributionResult.Credit]

    public init(credits: [AttributionResult.Credit]) {
        self.credits = credits
    }

    /// The positions of the orders left ambiguous, in every wave.
    public var ambiguousPositions: [Int] { credits.indices.filter { credits[$0].outcome == .ambiguous } }
}
