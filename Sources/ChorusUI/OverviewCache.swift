import ChorusCore

/// The Waves pane's program overview and cohorts, derived from the ledger at most once per
/// workspace generation, wave and grouping. Spreading a million orders over weeks takes as
/// long as the ledger itself, so for a big program it runs on another thread like the ledger
/// does, and the pane says "computing…" while keys keep working.
final class OverviewCache {
    struct Figures: Sendable {
        let overview: ProgramOverview
        let cohorts: Cohorts
    }

    enum Status {
        /// Order history is still loading in the background.
        case loadingOrders
        case computing
        case ready(Figures)
    }

    private struct Key: Hashable {
        let generation: Int
        let wave: WaveID
        let dimension: Cohorts.Dimension
    }

    private var kept: (key: Key, figures: Figures)?
    private var running: (key: Key, work: BackgroundWork<Figures>)?

    /// The figures for `wave` and `dimension`, deriving them if anything changed.
    func figures(_ ledger: Ledger, workspace: Workspace, wave: Wave, dimension: Cohorts.Dimension, generation: Int) -> Status {
        let key = Key(generation: generation, wave: wave.id, dimension: dimension)
        if let kept, kept.key == key { return .ready(kept.figures) }
        let derive: @Sendable () -> Figures = {
            Figures(overview: ProgramOverview(ledger, workspace: workspace, wave: wave),
                    cohorts: Cohorts(ledger, workspace: workspace, by: dimension))
        }
        guard workspace.orders.count > AttributionCache.backgroundThreshold else {
            let figures = derive()
            kept = (key, figures)
            return .ready(figures)
        }
        if running?.key != key { running = (key, BackgroundWork(generation: generation, derive)) }
        return .computing
    }

    var isComputing: Bool { running != nil }

    /// Keeps finished figures; true when the screen should be drawn again.
    func collectFinished() -> Bool {
        guard let running, let figures = running.work.result else { return false }
        self.running = nil
        kept = (running.key, figures)
        return true
    }
}
