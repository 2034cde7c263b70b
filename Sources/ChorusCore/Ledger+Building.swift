import ChorusConcurrency

extension Ledger {
    /// Builds the ledger from a workspace and its attribution (computed once elsewhere and
    /// shared, never re-derived). With `wave`, only that wave's rows; KPIs cover the rows kept.
    ///
    /// One pass over orders, shipments and assets with integer keys: a million orders cost
    /// one array lookup each, and nothing is allocated per order.
    public init(_ workspace: Workspace, attribution: AttributionResult, today: Day, wave: WaveID? = nil) {
        self.init(workspace, orders: workspace.orders.rows.figures, attribution: attribution, today: today, wave: wave)
    }

    /// The ledger from the figures of the workspace's orders, handed in apart from it: an export
    /// reads only those, beside the attribution kept for them (`WorkspaceStore.keptAttributionInputs`).
    public init(_ workspace: Workspace, orders: [OrderFigures], attribution: AttributionResult, today: Day, wave: WaveID? = nil) {
        let settings = workspace.program.settings
        var wavePositions = WavePositions(workspace.waves)
        var rows: [Row] = []
        // Grown as it filled, the all-waves ledger of a million creators copied its rows (200 MB) over and over.
        if wave == nil { rows.reserveCapacity(workspace.enrollments.count) }
        var rowOf = CreatorWaveRows(creators: workspace.creators.count, enrollments: workspace.enrollments.count)
        let creatorOfEnrollment = workspace.enrollments.creatorPositions(in: workspace.creators)
        for (index, enrollment) in workspace.enrollments.enumerated() {
            let creator = Int(creatorOfEnrollment[index])
            guard creator >= 0, let wavePosition = wavePositions(enrollment.waveID) else { continue }
            var position: Int32 = -1
            if wave == nil || enrollment.waveID == wave {
                let plan = enrollment.incentiveOverride ?? workspace.waves[wavePosition].incentivePlan
                var row = Row(creatorID: enrollment.creatorID, waveID: enrollment.waveID, plan: plan, creatorPosition: Int32(creator))
                if Ledger.feesAreDue(enrollment.stage) {
                    row.costs.flatFees = plan.flatFee?.minorUnits ?? 0
                    row.costs.storeCredit = plan.storeCredit?.minorUnits ?? 0
                }
                position = Int32(rows.count)
                rows.append(row)
            }
            rowOf.add(creator: creator, wave: wavePosition, row: position)
        }

        // Orders: each credited order goes to its creator's row for the order's wave, else to
        // the creator's latest wave, so no credited revenue falls out of the ledger.
        var directRow = [Int32](repeating: -1, count: orders.count)
        var assistedRow = directRow
        orders.withUnsafeBufferPointer { orders in
            for (position, credit) in attribution.credits.enumerated() {
                guard let creator = credit.creatorPosition.index else { continue }
                let direct = credit.outcome == .directByCode || credit.outcome == .directByLink
                guard direct || credit.outcome == .assistedBySurvey else { continue }
                let target = credit.wavePosition.index.flatMap { rowOf.row(creator: creator, wave: $0) } ?? rowOf.latestRow(creator: creator)
                guard target >= 0 else { continue }
                let net = orders[position].netRevenue
                if direct {
                    directRow[position] = target
                    rows[Int(target)].results.directOrders += 1
                    rows[Int(target)].results.directNetRevenue += net
                    if let rate = rows[Int(target)].plan.commissionBasisPoints {
                        let commission = Ledger.share(of: net, basisPoints: rate)
                        rows[Int(target)].costs.commission += commission
                        if Ledger.isHeld(orderedOn: orders[position].day, today: today, holdDays: settings.commissionHoldDays) {
                            rows[Int(target)].costs.commissionPending += commission
                        }
                    }
                } else {
                    assistedRow[position] = target
                    rows[Int(target)].results.assistedOrders += 1
                    rows[Int(target)].results.assistedNetRevenue += net
                }
            }
        }
        let (directPositions, directStarts) = Ledger.group(directRow, rowCount: rows.count)
        let (assistedPositions, assistedStarts) = Ledger.group(assistedRow, rowCount: rows.count)

        var shipmentRow = [Int32](repeating: -1, count: workspace.shipments.count)
        for (position, shipment) in workspace.shipments.enumerated() where shipment.status != .cancelled {
            guard let creator = workspace.creatorPosition(shipment.creatorID),
                  let wavePosition = wavePositions(shipment.waveID),
                  let target = rowOf.row(creator: creator, wave: wavePosition), target >= 0 else { continue }
            shipmentRow[position] = target
            rows[Int(target)].costs.productCost += shipment.productCost.minorUnits
            rows[Int(target)].costs.shippingCost += shipment.shippingCost?.minorUnits ?? 0
        }
        let (shipmentPositions, shipmentStarts) = Ledger.group(shipmentRow, rowCount: rows.count)

        for asset in workspace.assets {
            guard let creator = workspace.creatorPosition(asset.creatorID),
                  let wavePosition = wavePositions(asset.waveID),
                  let target = rowOf.row(creator: creator, wave: wavePosition), target >= 0 else { continue }
            let metrics = asset.metrics
            rows[Int(target)].results.usableAssets += 1
            rows[Int(target)].results.engagement += metrics.likes + metrics.comments + metrics.shares + metrics.saves
        }

        for index in rows.indices {
            for tier in rows[index].plan.bonusTiers where Ledger.reached(tier, rows[index].results) {
                rows[index].costs.bonuses += tier.bonus.minorUnits
            }
            rows[index].grossMargin = Ledger.share(of: rows[index].results.directNetRevenue,
                                                    basisPoints: settings.marginRateBasisPoints)
        }
        let kpis = KPIs(rows, budget: workspace.waves.filter { wave == nil || $0.id == wave }.reduce(0) { $0 + $1.budget.minorUnits })

        self.currency = workspace.program.currency
        self.today = today
        self.rows = rows
        self.kpis = kpis
        self.directPositions = directPositions
        self.directStarts = directStarts
        self.assistedPositions = assistedPositions
        self.assistedStarts = assistedStarts
        self.shipmentPositions = shipmentPositions
        self.shipmentStarts = shipmentStarts
        self.orderFigures = orders
    }

    /// Whether a row's results reach a bonus tier's threshold (each tier is paid once).
    public static func reached(_ tier: BonusTier, _ results: Results) -> Bool {
        switch tier.metric {
        case .directOrders: Int64(results.directOrders) >= tier.threshold
        case .directRevenue: results.directNetRevenue >= tier.threshold
        }
    }

    /// Groups positions by row (counting sort): `positions[starts[r]..<starts[r + 1]]` belong to row `r`.
    private static func group(_ rowOfPosition: [Int32], rowCount: Int) -> (positions: [Int32], starts: [Int32]) {
        var starts = [Int32](repeating: 0, count: rowCount + 1)
        for row in rowOfPosition where row >= 0 { starts[Int(row) + 1] += 1 }
        for index in 0..<rowCount { starts[index + 1] += starts[index] }
        var next = starts
        var positions = [Int32](repeating: 0, count: Int(starts[rowCount]))
        for (position, row) in rowOfPosition.enumerated() where row >= 0 {
            positions[Int(next[Int(row)])] = Int32(position)
            next[Int(row)] += 1
        }
        return (positions, starts)
    }
}
