/// Per creator and wave, what has been paid, what sits in a run awaiting its result, and what
/// is payable but in no run yet: the Ledger's three payout columns. Item keys name their wave
/// (`commission W2 #1001`), so runs split by the ledger's rows.
///
/// Payable is the row's payable total (flat fee, bonuses reached, commission past its hold,
/// as `Payouts` pays them) less what runs include: the same figure as summing `Payouts.owed`
/// over the row's items, without building a key per order, so the Ledger of a million orders
/// stays quick to redraw.
public struct PayoutBalances: Sendable {
    public struct Balance: Hashable, Sendable {
        public var paid: Int64 = 0
        public var inRun: Int64 = 0
        public var payable: Int64 = 0
    }

    struct Key: Hashable { var creator: CreatorID; var wave: WaveID }
    private var balances: [Key: Balance] = [:]

    public init(_ workspace: Workspace, ledger: Ledger) {
        for run in workspace.payoutRuns {
            for payment in run.payments {
                let state = run.state(of: payment)
                guard state != .returned else { continue }
                for item in payment.items {
                    guard let wave = Payouts.wave(ofItem: item.key) else { continue }
                    if state == .paid { balances[Key(creator: payment.creatorID, wave: wave), default: Balance()].paid += item.amount }
                    else { balances[Key(creator: payment.creatorID, wave: wave), default: Balance()].inRun += item.amount }
                }
            }
        }
        for row in ledger.rows {
            let costs = row.costs
            let payableNow = costs.flatFees + costs.bonuses + costs.commission - costs.commissionPending
            let key = Key(creator: row.creatorID, wave: row.waveID)
            var balance = balances[key] ?? Balance()
            balance.payable = payableNow - balance.paid - balance.inRun
            balances[key] = balance
        }
    }

    public func balance(_ creator: CreatorID, _ wave: WaveID) -> Balance { balances[Key(creator: creator, wave: wave)] ?? Balance() }
}
