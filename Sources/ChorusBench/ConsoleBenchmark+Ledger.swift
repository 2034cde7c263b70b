import ChorusCore
import Foundation

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

    /// `measureOpening` as the first open after an import meets it: nothing kept for the state,
    /// so the Leaderboard and Ledger wait for attribution to be computed, timed whole from the
    /// open. It opens a scratch folder holding the workspace's files but its kept attribution,
    /// so the workspace itself is left as it is (and may be shared read-only).
    public static func measureColdOpening(_ folder: URL, today: Day) throws -> Opening {
        let files = FileManager.default
        let scratch = files.temporaryDirectory.appendingPathComponent("chorus-bench-cold-\(UUID().uuidString)")
        try files.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: scratch) }
        for name in try files.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix("attribution-") {
            let from = folder.appendingPathComponent(name), to = scratch.appendingPathComponent(name)
            // Snapshot files (`orders-3.json`) are never written in place, so a link is as good as a
            // copy of a few hundred megabytes; the journal and lock files are copied.
            if name.range(of: #"-[0-9]+\.json$"#, options: .regularExpression) != nil, (try? files.linkItem(at: from, to: to)) != nil { continue }
            try files.copyItem(at: from, to: to)
        }
        return try measureOpening(scratch, today: today)
    }
}
