import ChorusCore

extension ConsoleBenchmark {
    /// What the Leaderboard and Ledger panes (and `chorus export ledger`) wait for when nothing
    /// is kept for the workspace's state: attribution computed, then the ledger built from it,
    /// best of three each.
    public static func ledgerLine(_ workspace: Workspace, today: Day) -> String {
        var attribution = Attribution.compute(workspace)
        var best = (attribution: Duration.seconds(1_000), ledger: Duration.seconds(1_000))
        var rows = 0
        for _ in 0..<3 {
            let start = ContinuousClock.now
            attribution = Attribution.compute(workspace)
            let middle = ContinuousClock.now
            rows = Ledger(workspace, attribution: attribution, today: today).rows.count
            best = (min(best.attribution, middle - start), min(best.ledger, ContinuousClock.now - middle))
        }
        return "ledger of \(rows) creator-wave rows over \(workspace.orders.count) orders, nothing kept, best of 3: attribution "
            + "\(Stopwatch.format(best.attribution)) + ledger \(Stopwatch.format(best.ledger))"
    }
}
