/// What is owed to creators today and not yet in a payout run, by the README's "Ledger rules":
/// commission on direct orders past their hold, bonuses reached and flat fees due (store
/// credit is not cash and is never paid out).
public enum Payouts {
    /// Every creator whose unpaid balance reaches the program's minimum payout, with the items
    /// that make it up; balances below it (or negative) wait for a later run.
    public static func due(_ workspace: Workspace, ledger: Ledger) -> [Payment] {
        let minimum = workspace.program.settings.minimumPayoutMinorUnits
        let owed = owed(workspace, ledger: ledger)
        return workspace.creators.compactMap { creator in
            guard !creator.isLead, let items = owed[creator.id] else { return nil }
            let payment = Payment(creatorID: creator.id, items: items)
            return payment.total >= minimum && payment.total > 0 ? payment : nil
        }
    }

    /// The next run as it would be created today: what is due, less the creators the program's
    /// tax rule leaves out (listed with the reason), numbered after the last run.
    public static func nextRun(_ workspace: Workspace, ledger: Ledger) -> PayoutRun {
        let number = (workspace.payoutRuns.map(\.number).max() ?? 0) + 1
        var payments: [Payment] = [], leftOut: [LeftOutCreator] = []
        for payment in due(workspace, ledger: ledger) {
            if let reason = reasonToLeaveOut(payment.creatorID, in: workspace) {
                leftOut.append(LeftOutCreator(creatorID: payment.creatorID, amount: payment.total, reason: reason))
            } else {
                payments.append(payment)
            }
        }
        return PayoutRun(number: number, createdOn: ledger.today, payments: payments, leftOut: leftOut.isEmpty ? nil : leftOut)
    }

    /// Why the tax rule keeps a creator out of a run, or nil when they may be paid.
    public static func reasonToLeaveOut(_ id: CreatorID, in workspace: Workspace) -> String? {
        guard workspace.program.settings.requireTaxForm, let creator = workspace.creator(id) else { return nil }
        guard let profile = creator.payoutProfile, profile.hasTaxForm else {
            return "no tax form on file (\(creator.taxFormStatus))"
        }
        return nil
    }

    /// Per creator and item key, what is payable now less what earlier runs include (a
    /// returned payment includes nothing: its items are owed again). Zero items are dropped.
    public static func owed(_ workspace: Workspace, ledger: Ledger) -> [CreatorID: [PayoutItem]] {
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
        var included: [CreatorID: [String: Int64]] = [:]
        for run in workspace.payoutRuns {
            for payment in run.payments where run.state(of: payment) != .returned {
                for item in payment.items { included[payment.creatorID, default: [:]][item.key, default: 0] += item.amount }
            }
        }
        var owed: [CreatorID: [PayoutItem]] = [:]
        for id in Set(payable.keys).union(included.keys) {
            let now = payable[id] ?? [:], before = included[id] ?? [:]
            let items = Set(now.keys).union(before.keys).sorted().compactMap { key -> PayoutItem? in
                let amount = now[key, default: 0] - before[key, default: 0]
                return amount == 0 ? nil : PayoutItem(key: key, amount: amount)
            }
            if !items.isEmpty { owed[id] = items }
        }
        return owed
    }

    /// The wave an item key belongs to: `commission W2 #1001` → `W2`.
    public static func wave(ofItem key: String) -> WaveID? {
        let words = key.split(separator: " ")
        return words.count >= 2 ? WaveID(String(words[1])) : nil
    }
}

extension ChangeRecorder {
    mutating func createPayoutRun(_ run: PayoutRun) throws -> String {
        let next = (workspace.payoutRuns.map(\.number).max() ?? 0) + 1
        if run.number != next { throw DomainError("the next payout run is number \(next), not \(run.number)") }
        if run.payments.isEmpty {
            let leftOut = run.leftOut.map { ": \(Self.plural($0.count, "creator")) left out without a tax form" } ?? ""
            throw DomainError("nothing is payable and unpaid above the minimum payout\(leftOut)")
        }
        if Set(run.payments.map(\.creatorID)).count != run.payments.count { throw DomainError("a creator is paid twice in one run") }
        for payment in run.payments {
            _ = try requireCreator(payment.creatorID)
            if Set(payment.items.map(\.key)).count != payment.items.count {
                throw DomainError("\(handle(payment.creatorID)) has an item twice in one run")
            }
        }
        put(run)
        let amount = Money(minorUnits: run.total, currency: workspace.program.currency)
        let leftOut = run.leftOut.map { "; \(Self.plural($0.count, "creator")) left out (no tax form)" } ?? ""
        return "created payout run \(run.number): \(Self.plural(run.payments.count, "creator")), \(amount)\(leftOut)"
    }

    mutating func markPayoutRunPaid(_ number: Int, on day: Day) throws -> String {
        guard var run = workspace.payoutRun(number) else { throw DomainError("there is no payout run \(number)") }
        if let paidOn = run.paidOn { throw DomainError("payout run \(number) was already paid on \(paidOn)") }
        run.paidOn = day
        put(run)
        return "marked payout run \(number) paid on \(day)"
    }
}
