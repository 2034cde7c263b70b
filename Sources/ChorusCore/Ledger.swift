/// What every creator cost and brought in, per wave, by the rules in the README's "Ledger
/// rules" section (keep the two in step). Finance, the console's Ledger and Leaderboard panes
/// and `chorus export ledger` all read this one value.
///
/// It is a pure function of the workspace, its attribution and today, so it can be computed
/// on a background thread for a million orders and tested by hand for a few. Amounts are
/// minor units of the program currency: one `Int64` each, no `Money` per cell, no `Double`.
public struct Ledger: Sendable {
    /// One creator in one wave.
    public struct Row: Hashable, Sendable {
        public var creatorID: CreatorID
        public var waveID: WaveID
        /// The plan that applies: the creator's override in this wave, else the wave's plan.
        public var plan: IncentivePlan
        public var costs = Costs()
        public var results = Results()
        /// Gross margin on direct revenue, at the program's margin rate.
        public var grossMargin: Int64 = 0
        /// The creator's position in the workspace's creators the ledger was built from: what
        /// the KPIs count distinct creators by, where hashing a million ids was a third of the
        /// build. Part of a row's equality, so rows compare as equal within one workspace's
        /// order of creators (two ledgers of it, or of its copies).
        let creatorPosition: Int32

        /// Gross margin on direct revenue less total cost.
        public var contributionMargin: Int64 { grossMargin - costs.total }
        /// Total cost per direct order, rounded half up; nil without direct orders.
        public var costPerAcquisition: Int64? {
            results.directOrders > 0 ? Ledger.roundedQuotient(costs.total, Int64(results.directOrders)) : nil
        }
        /// ROAS: direct revenue / total cost; nil without cost. See `Ledger.roas`.
        public var roasHundredths: Int64? { Ledger.roas(revenue: results.directNetRevenue, cost: costs.total) }
        /// ROI on contribution margin: contribution margin / total cost; nil without cost. See `Ledger.roi`.
        public var roiBasisPoints: Int64? { Ledger.roi(margin: contributionMargin, cost: costs.total) }
    }

    /// What a row cost, by kind.
    public struct Costs: Hashable, Sendable {
        public var productCost: Int64 = 0
        public var shippingCost: Int64 = 0
        public var flatFees: Int64 = 0
        public var storeCredit: Int64 = 0
        /// Commission on every direct order, payable or still in its hold.
        public var commission: Int64 = 0
        /// The part of `commission` on orders still inside the hold.
        public var commissionPending: Int64 = 0
        public var bonuses: Int64 = 0

        public var total: Int64 { productCost + shippingCost + flatFees + storeCredit + commission + bonuses }

        mutating func add(_ other: Costs) {
            productCost += other.productCost
            shippingCost += other.shippingCost
            flatFees += other.flatFees
            storeCredit += other.storeCredit
            commission += other.commission
            commissionPending += other.commissionPending
            bonuses += other.bonuses
        }
    }

    /// What a row brought in.
    public struct Results: Hashable, Sendable {
        public var directOrders = 0
        public var directNetRevenue: Int64 = 0
        public var assistedOrders = 0
        public var assistedNetRevenue: Int64 = 0
        /// Approved assets in the library.
        public var usableAssets = 0
        /// Likes, comments, shares and saves on those assets.
        public var engagement = 0

        mutating func add(_ other: Results) {
            directOrders += other.directOrders
            directNetRevenue += other.directNetRevenue
            assistedOrders += other.assistedOrders
            assistedNetRevenue += other.assistedNetRevenue
            usableAssets += other.usableAssets
            engagement += other.engagement
        }
    }

    /// The program's figures over the rows shown.
    public struct KPIs: Hashable, Sendable {
        /// Sums `rows`; `budget` is that of the waves they cover.
        public init(_ rows: some Sequence<Row>, budget: Int64) {
            var creators = PositionSet(), active = PositionSet()
            for row in rows {
                costs.add(row.costs)
                results.add(row.results)
                grossMargin += row.grossMargin
                creators.insert(row.creatorPosition)
                if row.results.usableAssets > 0 { active.insert(row.creatorPosition) }
            }
            self.creators = creators.count
            activeCreators = active.count
            self.budget = budget
        }

        public var costs = Costs()
        public var results = Results()
        public var grossMargin: Int64 = 0
        public var contributionMargin: Int64 { grossMargin - costs.total }
        /// Creators with at least one row.
        public var creators = 0
        /// Creators with at least one approved asset.
        public var activeCreators = 0
        /// The budgets of the waves covered.
        public var budget: Int64 = 0
        public var costPerAcquisition: Int64? {
            results.directOrders > 0 ? Ledger.roundedQuotient(costs.total, Int64(results.directOrders)) : nil
        }
        public var costPerActiveCreator: Int64? { activeCreators > 0 ? Ledger.roundedQuotient(costs.total, Int64(activeCreators)) : nil }
        public var costPerUsableAsset: Int64? {
            results.usableAssets > 0 ? Ledger.roundedQuotient(costs.total, Int64(results.usableAssets)) : nil
        }
        public var contributionMarginPerCreator: Int64? { creators > 0 ? Ledger.roundedQuotient(contributionMargin, Int64(creators)) : nil }
        public var roasHundredths: Int64? { Ledger.roas(revenue: results.directNetRevenue, cost: costs.total) }
        public var roiBasisPoints: Int64? { Ledger.roi(margin: contributionMargin, cost: costs.total) }
    }

    public let currency: Currency
    public let today: Day
    /// Enrollment order (wave by wave as enrolled); the console sorts its own copy.
    public let rows: [Row]
    public let kpis: KPIs
    /// Positions in `workspace.orders` of each row's direct orders: row `i` owns
    /// `directPositions[directStarts[i]..<directStarts[i + 1]]`. Drill-down reads these.
    let directPositions: [Int32]
    let directStarts: [Int32]
    /// The same for assisted orders.
    let assistedPositions: [Int32]
    let assistedStarts: [Int32]
    /// Positions in `workspace.shipments` per row, laid out the same way.
    let shipmentPositions: [Int32]
    let shipmentStarts: [Int32]
    /// The figures of the orders it was built from, by their position in `workspace.orders`:
    /// what the weekly series read of them, so a ledger built from the attribution kept for
    /// this state before the whole orders are loaded can be charted too (shared, not copied).
    public let orderFigures: [OrderFigures]

    public func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: currency) }

    /// Positions in `workspace.orders` of the direct orders behind row `row`.
    public func directOrderPositions(ofRow row: Int) -> ArraySlice<Int32> {
        directPositions[Int(directStarts[row])..<Int(directStarts[row + 1])]
    }

    /// Positions in `workspace.orders` of the assisted orders behind row `row`.
    public func assistedOrderPositions(ofRow row: Int) -> ArraySlice<Int32> {
        assistedPositions[Int(assistedStarts[row])..<Int(assistedStarts[row + 1])]
    }

    /// Positions in `workspace.shipments` of the parcels behind row `row`.
    public func shipmentPositions(ofRow row: Int) -> ArraySlice<Int32> {
        shipmentPositions[Int(shipmentStarts[row])..<Int(shipmentStarts[row + 1])]
    }

    /// `numerator / denominator` rounded half away from zero; `denominator` must be positive.
    static func roundedQuotient(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        numerator >= 0 ? (numerator + denominator / 2) / denominator : -((-numerator + denominator / 2) / denominator)
    }

    /// Return on ad spend, revenue / cost, in hundredths rounded half up (370 = 3.70×). It says
    /// what the money brought back, not what it earned: a ROAS above 1× can still lose money.
    static func roas(revenue: Int64, cost: Int64) -> Int64? {
        cost > 0 ? roundedQuotient(revenue * 100, cost) : nil
    }

    /// Return on investment on contribution margin, margin / cost, in basis points rounded half
    /// up (12224 = 122.24 %). Negative whenever the row loses money, which revenue-based ROI hid.
    static func roi(margin: Int64, cost: Int64) -> Int64? {
        cost > 0 ? roundedQuotient(margin * 10_000, cost) : nil
    }

    /// ROAS as a person reads it: 370 → `3.70×`.
    public static func roasText(_ hundredths: Int64) -> String { BasisPoints.decimal(hundredths) + "×" }

    /// Whether commission on an order placed on `day` is still held on `today`: it becomes
    /// payable on the day the order is `holdDays` old.
    public static func isHeld(orderedOn day: Day, today: Day, holdDays: Int) -> Bool {
        day.adding(days: holdDays) > today
    }

    /// Whether a creator has earned the flat fee and store credit of a wave: they have posted.
    public static func feesAreDue(_ stage: PipelineStage) -> Bool { stage == .posted || stage == .complete }

    /// `basisPoints` of an amount, rounded half up: commission on one order (per order, not
    /// per total), or the gross margin on revenue.
    public static func share(of minorUnits: Int64, basisPoints: Int64) -> Int64 {
        roundedQuotient(minorUnits * basisPoints, 10_000)
    }
}
