import ChorusCore

/// The creator detail's attribution figures, computed at most once per workspace generation
/// and only when a creator detail is actually drawn.
///
/// `Attribution.compute` walks every order (a million takes a noticeable moment), so it can
/// never run per frame or per cursor move. The console tells the cache which generation the
/// workspace is at (cheap, on every refresh); the first detail drawn after a change pays for
/// one compute, and every later frame reads the kept result. While the session is still
/// loading order history the detail says so instead of showing zeros that are not true yet.
final class AttributionCache {
    /// What the detail shows for one creator.
    enum Figures: Hashable {
        /// Order history is still loading in the background.
        case loadingOrders
        /// A big program's attribution is being computed on another thread.
        case computing
        case totals(AttributionResult.CreatorTotals, Currency)
    }

    /// Programs with more orders than this compute off the console's thread: a million orders
    /// take seconds, and a key press must never wait for them. Smaller ones compute at once,
    /// so their figures are in the same frame.
    static let backgroundThreshold = 20_000

    /// How many times attribution was computed, so tests can prove a cursor move computes nothing.
    private(set) var computes = 0
    private var generation = 0
    private var isLoadingOrders = false
    private var kept: (generation: Int, result: AttributionResult)?
    private var running: BackgroundWork<AttributionResult>?
    private var queue: (generation: Int, answers: [AttributionResult.AmbiguousAnswer])?

    /// Records the workspace's generation; a different one makes the kept result stale.
    /// `known` is attribution the session already has for this generation (kept on disk):
    /// taken as is, so nothing is computed.
    func note(generation: Int, isLoadingOrders: Bool, known: AttributionResult? = nil) {
        self.generation = generation
        self.isLoadingOrders = isLoadingOrders
        if let known, kept?.generation != generation {
            kept = (generation, known)
            running = nil
        }
    }

    /// The creator's figures, computing attribution first if the workspace changed since.
    func figures(for creator: CreatorID, in workspace: Workspace) -> Figures {
        if isLoadingOrders { return .loadingOrders }
        guard let result = result(in: workspace) else { return .computing }
        return .totals(result.totals(for: creator), result.currency)
    }

    /// The survey answers naming several creators, found once per generation; nil while
    /// orders load or a big program's attribution is computed on another thread.
    func ambiguousAnswers(in workspace: Workspace) -> [AttributionResult.AmbiguousAnswer]? {
        if let queue, queue.generation == generation { return queue.answers }
        guard !isLoadingOrders, let result = result(in: workspace) else { return nil }
        let answers = Attribution.ambiguousAnswers(of: result, in: workspace)
        queue = (generation, answers)
        return answers
    }

    /// Attribution for this generation: kept, computed now (a small program), or nil while a
    /// big program's is computed on another thread.
    private func result(in workspace: Workspace) -> AttributionResult? {
        if let kept, kept.generation == generation { return kept.result }
        if workspace.orders.count > Self.backgroundThreshold {
            if running?.generation != generation {
                running = BackgroundWork(generation: generation) { Attribution.compute(workspace) }
                computes += 1
            }
            return nil
        }
        let result = Attribution.compute(workspace)
        computes += 1
        kept = (generation, result)
        return result
    }

    /// The result for the current generation, if one is kept: the ledger starts from it
    /// instead of computing attribution over a million orders a second time.
    var current: AttributionResult? { kept?.generation == generation ? kept?.result : nil }

    /// Whether a compute is running on another thread.
    var isComputing: Bool { running != nil }

    /// Keeps a finished background compute; true when the screen should be drawn again.
    func collectFinished() -> Bool {
        guard let running, let result = running.result else { return false }
        self.running = nil
        guard running.generation == generation else { return false }  // stale; the next detail starts anew
        kept = (running.generation, result)
        return true
    }
}
