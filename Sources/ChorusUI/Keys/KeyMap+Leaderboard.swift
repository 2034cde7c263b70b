extension KeyMap {
    /// The Leaderboard pane's keys: what to rank by, and promoting winners into the next wave.
    static let leaderboardBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("s")], action: .cycleSort, scope: .leaderboard,
                   help: "rank by the next metric: revenue, margin, ROAS, ROI on margin, assets, engagement", hint: "rank by") { LeaderboardUpdate.nextMetric(&$0, $1) },
        KeyBinding(keys: [.character("P")], action: .promote, scope: .leaderboard,
                   help: "promote marked creators into the next wave with an incentive change", hint: "promote", command: "promote") { LeaderboardUpdate.promote(&$0, $1) },
    ]

    /// The Ledger pane's own keys: what to sort by (Enter drills into a row, `w` picks a wave)
    /// and the payout run.
    static let ledgerBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("s")], action: .cycleSort, scope: .ledger,
                   help: "sort by the next column: cost, revenue, margin, ROAS, ROI on margin, CPA, commission", hint: "sort") { LedgerKeys.nextSort(&$0, $1) },
        KeyBinding(keys: [.character("$")], action: .createPayoutRun, scope: .ledger,
                   help: "create a payout run of everything payable and unpaid today", hint: "payout", command: "payout") { LedgerKeys.createPayoutRun(&$0, $1) },
        KeyBinding(keys: [.character("p")], action: .showPayouts, scope: .ledger,
                   help: "payouts: the next run as it would be created, the runs and their status; Enter shows a run's payments",
                   hint: "payouts", command: "payouts") { LedgerKeys.showPayouts(&$0, $1) },
        KeyBinding(keys: [.character("m")], action: .markPayoutRunPaid, scope: .ledger,
                   help: "in payouts: mark the run paid (payments without a processor result)", command: "mark-paid") { PayoutsUpdate.markPaid(&$0, $1) },
        KeyBinding(keys: [.character("R")], action: .reconcilePayoutRun, scope: .ledger,
                   help: "in payouts: reconcile the run from PayPal's or Wise's report (asks for the file)", command: "reconcile") { PayoutsUpdate.reconcile(&$0, $1) },
    ]
}
