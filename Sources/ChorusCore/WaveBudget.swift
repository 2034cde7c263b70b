/// A wave's spend against its budget, split into what is settled and what is committed but not
/// yet final: parcels queued or packed (their products are reserved at unit cost), fees and
/// store credit due to creators who posted, and commission still inside its hold. Shown where
/// spending happens, and asked about before seeding takes a wave over its budget.
public struct WaveBudget: Hashable, Sendable {
    public let waveID: WaveID
    public let budget: Int64
    /// Cost of parcels on their way or delivered, commission past its hold, bonuses.
    public let spent: Int64
    public let committed: Int64
    /// False when order-driven costs (commission, bonuses) were not known: a big program's
    /// ledger still computing. Then the figures are parcels, fees and credit only.
    public let includesCommission: Bool

    public var total: Int64 { spent + committed }
    public var remaining: Int64 { budget - total }

    /// From the wave's ledger rows (exact), or without a ledger from parcels and fees alone.
    /// `ownPlansPaying` is `Workspace.wavesWithOwnPlansPayingOnOrders` and `feesDue` the wave's
    /// fees, where the caller keeps them (`DerivedFigures`, `WaveBudgetLine`); nil looks at
    /// every enrollment for them.
    public init(_ wave: Wave, workspace: Workspace, ledger: Ledger?, ownPlansPaying: Set<WaveID>? = nil, feesDue: WaveFeesDue? = nil) {
        var total: Int64 = 0, committed: Int64 = 0
        if let ledger {
            for row in ledger.rows where row.waveID == wave.id {
                total += row.costs.total
                committed += row.costs.flatFees + row.costs.storeCredit + row.costs.commissionPending
            }
        } else {
            let kept = feesDue.flatMap { $0.areFees(of: wave) ? $0 : nil }
            let fees = (kept ?? WaveFeesDue(wave, workspace: workspace)).total
            total += fees
            committed += fees
        }
        // Parcels read in place, not copied one by one with their items and history.
        workspace.shipments.withUnsafeBufferPointer { shipments in
            for index in shipments.indices where shipments[index].waveID == wave.id && shipments[index].status != .cancelled {
                let cost = shipments[index].productCost.minorUnits + (shipments[index].shippingCost?.minorUnits ?? 0)
                if ledger == nil { total += cost }
                if shipments[index].holdsReservation { committed += cost }
            }
        }
        waveID = wave.id
        budget = wave.budget.minorUnits
        self.committed = committed
        spent = total - committed
        // The plan as given, which may be an edit not yet applied to the workspace.
        includesCommission = ledger != nil
            || !(wave.incentivePlan.paysOnOrders || (ownPlansPaying ?? workspace.wavesWithOwnPlansPayingOnOrders).contains(wave.id))
    }


    /// How far `cost` more would take the wave over its budget; nil if it stays within it.
    public func overrun(adding cost: Int64) -> Int64? {
        let over = total + cost - budget
        return over > 0 ? over : nil
    }

    /// The product cost of parcels of `items` for `creators` creators at today's unit costs,
    /// as queueing them would reserve it (unknown products cost nothing, as there).
    public static func seedingCost(_ items: [ShipmentItem], creators: Int, workspace: Workspace) -> Int64 {
        let perParcel = items.reduce(Int64(0)) { $0 + (workspace.sku($1.sku)?.unitCost.minorUnits ?? 0) * Int64($1.quantity) }
        return perParcel * Int64(creators)
    }
}

extension IncentivePlan {
    /// Whether the plan pays anything orders decide (commission, bonus tiers): only then do the
    /// figures of a wave paying it need attribution and the ledger.
    var paysOnOrders: Bool { commissionBasisPoints != nil || !bonusTiers.isEmpty }
}

extension Workspace {
    /// The waves that pay on orders through their plan or a creator's own, in one pass over
    /// the enrollments; `DerivedFigures` keeps it per journal position.
    public var wavesPayingOnOrders: Set<WaveID> { wavesPayingOnOrders(withOwnPlans: wavesWithOwnPlansPayingOnOrders) }

    /// The same, given the waves where creators have plans of their own that pay on orders.
    func wavesPayingOnOrders(withOwnPlans: Set<WaveID>) -> Set<WaveID> {
        withOwnPlans.union(waves.lazy.filter(\.incentivePlan.paysOnOrders).map(\.id))
    }

    /// The waves where some creator has a plan of their own that pays on orders.
    var wavesWithOwnPlansPayingOnOrders: Set<WaveID> { Set(enrollmentsWithOwnPlansPayingOnOrders.lazy.map(\.waveID)) }

    /// The enrollments whose creator has a plan of their own that pays on orders, read in place.
    var enrollmentsWithOwnPlansPayingOnOrders: Set<EnrollmentKey> {
        var keys = Set<EnrollmentKey>()
        enrollments.forEachPiece { _, enrollments in
            for index in enrollments.indices where enrollments[index].incentiveOverride?.paysOnOrders == true { keys.insert(enrollments[index].key) }
        }
        return keys
    }
}
