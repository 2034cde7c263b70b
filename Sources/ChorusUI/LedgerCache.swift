import ChorusCore

/// The ledger the Leaderboard and Ledger panes read, built at most once per workspace
/// generation and only while one of them is shown.
///
/// Attribution is kept apart from the ledger: a stage move or an approved asset changes the
/// ledger (fees, usable assets) but not what orders are credited, so only the cheap second
/// step runs again. Programs above `AttributionCache.backgroundThreshold` orders build on
/// another thread and the panes say "computing…" meanwhile.
final class LedgerCache {
    enum Status {
        /// Order history is still loading in the background.
        case loadingOrders
        /// A big program's ledger is being built on another thread.
        case computing
        case ready(Ledger)
    }

    private var generation = 0
    private var attributionGeneration = 0
    private var isLoadingOrders = false
    private var kept: (generation: Int, ledger: Ledger)?
    private var keptAttribution: (generation: Int, result: AttributionResult)?
    private var running: BackgroundWork<(AttributionResult, Ledger)>?
    private var runningAttributionGeneration = 0

    /// Records the workspace's generations; a different one makes the kept ledger stale.
    func note(generation: Int, attributionGeneration: Int, isLoadingOrders: Bool) {
        self.generation = generation
        self.attributionGeneration = attributionGeneration
        self.isLoadingOrders = isLoadingOrders
    }

    /// The ledger for the current generation, building it first if the workspace changed.
    /// Attribution comes from `attribution`, the cache the creator detail reads too, so however
    /// many panes ask, it is computed once per generation.
    func ledger(for workspace: Workspace, today: Day, attribution cache: AttributionCache) -> Status {
        if isLoadingOrders { return .loadingOrders }
        if let kept, kept.generation == generation { return .ready(kept.ledger) }
        if workspace.orders.count > AttributionCache.backgroundThreshold {
            if running?.generation != generation {
                let shared: AttributionCache.Shared = if let keptAttribution, keptAttribution.generation == attributionGeneration {
                    .ready(keptAttribution.result)
                } else {
                    cache.shared(in: workspace)
                }
                running = BackgroundWork(generation: generation) {
                    let result: AttributionResult
                    switch shared {
                    case .ready(let ready): result = ready
                    case .running(let computing): result = computing.wait()
                    }
                    return (result, Ledger(workspace, attribution: result, today: today))
                }
                runningAttributionGeneration = attributionGeneration
            }
            return .computing
        }
        let result: AttributionResult
        if let keptAttribution, keptAttribution.generation == attributionGeneration {
            result = keptAttribution.result
        } else if case .ready(let ready) = cache.shared(in: workspace) {
            result = ready
        } else {
            preconditionFailure("a program this small is attributed at once")
        }
        let ledger = Ledger(workspace, attribution: result, today: today)
        keptAttribution = (attributionGeneration, result)
        kept = (generation, ledger)
        return .ready(ledger)
    }

    var isComputing: Bool { running != nil }

    private var keptBalances: (generation: Int, balances: PayoutBalances)?

    /// Paid, in run and payable per row of the kept ledger, built once per generation.
    func payoutBalances(for workspace: Workspace) -> PayoutBalances? {
        guard let kept, kept.generation == generation else { return nil }
        if let keptBalances, keptBalances.generation == generation { return keptBalances.balances }
        let balances = PayoutBalances(workspace, ledger: kept.ledger)
        keptBalances = (generation, balances)
        return balances
    }

    /// The ledger for the current generation if it is built, without building it.
    var current: Ledger? {
        if let kept, kept.generation == generation { kept.ledger } else { nil }
    }

    /// The attribution the kept ledger was built from, if it is still current.
    var currentAttribution: AttributionResult? {
        keptAttribution?.generation == attributionGeneration ? keptAttribution?.result : nil
    }

    /// Keeps a finished background build; true when the screen should be drawn again.
    func collectFinished() -> Bool {
        guard let running, let (result, ledger) = running.result else { return false }
        self.running = nil
        guard running.generation == generation else { return false }
        keptAttribution = (runningAttributionGeneration, result)
        kept = (running.generation, ledger)
        return true
    }
}
