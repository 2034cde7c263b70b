/// What is owed to creators today and not yet in a payout run, by the README's "Ledger rules":
/// commission on direct orders past their hold, bonuses reached and flat fees due (store
/// credit is not cash and is never paid out).
public enum Payouts {
    /// Every creator whose unpaid balance reaches the program's minimum payout, with the items
    /// that make it up; balances below it (or negative) wait for a later run.
    public static func due(_ workspace: Workspace, ledger: Ledger) -> [Payment] {
        let hold = workspace.program.settings.commissionHoldDays
        var payable: [CreatorID: [String: Int64]] = [:]
        for (position, row) in ledger.rows.enumerated() {
            var items: [String: Int64] = [:]
            if row.costs.flatFees != 0 { items["fee \(row.waveID)"] = row.costs.flatFees }
            for (index, tier) in row.plan.bonusTiers.enumerated() where Ledger.reached(tier, row.results) {
                items["bonus \(row.waveID) \(index)"] = tier.bonus.minorUnits
            }
            if let rate = row.plan.commissionBasisPoints {
                for orderPosition in ledger.directOrderPositions(ofRow: position) {
                    let order = workspace.orders[Int(orderPosition)]
                    guard !Ledger.isHeld(orderedOn: order.createdAt.day, today: ledger.today, holdDays: hold) else { continue }
                    items["commission \(row.waveID) \(order.id)"] = Ledger.share(of: order.netRevenue.minorUnits, basisPoints: rate)
                }
            }
            payable[row.creatorID, default: [:]].merge(items) { $0 + $1 }
        }
        var paid: [CreatorID: [String: Int64]] = [:]
        for run in workspace.payoutRuns {
            for payment in run.payments {
                for item in payment.items { paid[payment.creatorID, default: [:]][item.key, default: 0] += item.amount }
            }
        }
        let minimum = workspace.program.settings.minimumPayoutMinorUnits
        return workspace.creators.compactMap { creator in
            let now = payable[creator.id] ?? [:], before = paid[creator.id] ?? [:]
            let items = Set(now.keys).union(before.keys).sorted().compactMap { key -> PayoutItem? in
                let owed = now[key, default: 0] - before[key, default: 0]
                return owed == 0 ? nil : PayoutItem(key: key, amount: owed)
            }
            let payment = Payment(creatorID: creator.id, items: items)
            return !items.isEmpty && payment.total >= minimum && payment.total > 0 ? payment : nil
        }
    }
}

extension ChangeRecorder {
    mutating func createPayoutRun(_ run: PayoutRun) throws -> String {
        let next = (workspace.payoutRuns.map(\.number).max() ?? 0) + 1
        if run.number != next { throw DomainError("the next payout run is number \(next), not \(run.number)") }
        if run.payments.isEmpty { throw DomainError("nothing is payable and unpaid above the minimum payout") }
        if Set(run.payments.map(\.creatorID)).count != run.payments.count { throw DomainError("a creator is paid twice in one run") }
        for payment in run.payments {
            _ = try requireCreator(payment.creatorID)
            if Set(payment.items.map(\.key)).count != payment.items.count {
                throw DomainError("\(handle(payment.creatorID)) has an item twice in one run")
            }
        }
        put(run)
        let amount = Money(minorUnits: run.total, currency: workspace.program.currency)
        return "created payout run \(run.number): \(Self.plural(run.payments.count, "creator")), \(amount)"
    }

    mutating func markPayoutRunPaid(_ number: Int, on day: Day) throws -> String {
        guard var run = workspace.payoutRun(number) else { throw DomainError("there is no payout run \(number)") }
        if let paidOn = run.paidOn { throw DomainError("payout run \(number) was already paid on \(paidOn)") }
        run.paidOn = day
        put(run)
        return "marked payout run \(number) paid on \(day)"
    }
}
