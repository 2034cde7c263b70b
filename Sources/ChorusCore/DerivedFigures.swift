import ChorusConcurrency

/// The one owner of figures derived from a workspace — attribution, the ledger, payout
/// balances, a wave's overview and cohorts, the categories fit scores read — keyed by the position of the journal they were
/// derived at, so "is this still current?" has one answer.
///
/// The session that applies commands records each journal entry here (its own, colleagues',
/// order history arriving); the classifications in `Command+Effects.swift` say which figures
/// an entry makes stale, so a stage move does not decide a million orders again. Screens read
/// what is had for the current position, which never computes; they ask for what they need
/// with `prepare`, which computes at once for a small program and on another thread for a big
/// one (`collectFinished` takes the result in). Attribution computed here is handed to the
/// keeper (the store), which writes it beside its snapshot for the next open.
public final class DerivedFigures {
    /// Programs with more orders than this are derived off the caller's thread: a million orders
    /// take seconds, and a key press must never wait for them. Smaller ones are derived at once,
    /// so their figures are in the same frame.
    public static let backgroundThreshold = 20_000

    /// The journal entry the workspace stands at, as the session last recorded it.
    public private(set) var journalPosition: Int
    /// One step per recorded change (a journal entry, order history arriving): what derived
    /// rows are keyed by. Attribution and creators only move when an entry may change them.
    public private(set) var revision = 0
    public private(set) var attributionRevision = 0
    public private(set) var creatorsRevision = 0
    /// The revision at which orders or survey responses last changed.
    public private(set) var ordersRevision = 0
    /// One step per ledger derived: what the Leaderboard's and Ledger's rows are keyed by, so
    /// a ledger that stands when the history arrives (`recordKeptAttribution`) is not sorted
    /// again on the console's thread (40 ms at a million creators).
    public private(set) var ledgerGeneration = 0
    /// Whether order history is still loading; figures over orders wait for it.
    public private(set) var isLoadingOrders: Bool
    /// Why the order history could not be read, once its load failed: then it is not on its
    /// way, and figures over orders say why instead of "loading" for the rest of the session.
    /// Cleared if it is attached after all (a command that needs it reads it again).
    public private(set) var orderHistoryProblem: String?

    /// Whether order history is on its way: loading, and not failed.
    public var isAwaitingOrders: Bool { isLoadingOrders && orderHistoryProblem == nil }

    /// How often each figure was derived (`DerivedFigures+Computes.swift`).
    public private(set) var computes = Computes()

    private weak var keeper: AttributionKeeper?

    public init(journalPosition: Int = 0, isLoadingOrders: Bool = false, keeper: AttributionKeeper? = nil) {
        self.journalPosition = journalPosition
        self.isLoadingOrders = isLoadingOrders
        self.keeper = keeper
    }

    // MARK: Recording changes

    /// A journal entry was applied at `sequence` (the next one when nil). A gap means entries
    /// this owner was not told about (a colleague's, applied on the way): everything is stale.
    public func record(_ command: Command, applied: AppliedCommand, at sequence: Int? = nil) {
        let next = sequence ?? journalPosition + 1
        guard next > journalPosition else { return }
        guard next == journalPosition + 1 else { return recordUnknownChanges(upTo: next) }
        journalPosition = next
        revision += 1
        enrollmentLog.note(revision, replaced: applied.replaced(Enrollment.self))
        creatorLog.note(revision, replaced: command.mayChangeCreators ? applied.replaced(Creator.self) : [:])
        if command.mayChangeAttribution(replacing: applied) { attributionRevision = revision }
        if command.mayChangeCreators { creatorsRevision = revision }
        if command.needsOrderHistory { ordersRevision = revision }
    }

    /// The workspace changed in ways not known one by one: every figure is stale.
    public func recordUnknownChanges(upTo sequence: Int? = nil) {
        journalPosition = max(journalPosition, sequence ?? journalPosition)
        revision += 1
        enrollmentLog.note(revision, replaced: nil)
        creatorLog.note(revision, replaced: nil)
        attributionRevision = revision
        creatorsRevision = revision
        ordersRevision = revision
    }

    /// The enrollments touched since `revision`, each as it was then (see `ChangeLog`), or nil
    /// when that is not known one by one: then whatever was derived from them then is derived
    /// again.
    public func enrollmentsReplaced(since revision: Int) -> EnrollmentsReplaced? {
        enrollmentLog.replaced(after: revision, upTo: self.revision)
    }
    private var enrollmentLog = ChangeLog<Enrollment>()

    /// The creators touched since `revision`, each as it was then, or nil when not known one by
    /// one: a creator edited re-keys that creator's row and search text instead of every
    /// creator's.
    public func creatorsReplaced(since revision: Int) -> CreatorsReplaced? {
        creatorLog.replaced(after: revision, upTo: self.revision)
    }
    private var creatorLog = ChangeLog<Creator>()

    /// Order history was attached: what is credited, and what creators bought, can be known
    /// now. The creators themselves are as they were, so their search text and columns stand.
    /// Figures derived from attribution kept for this state (`recordKeptAttribution`) stand if
    /// nothing changed attribution since: they were derived from these orders' figures.
    public func recordOrderHistoryAttached() {
        let standing = keptBeforeOrders
        let before = revision
        isLoadingOrders = false
        orderHistoryProblem = nil
        beforeOrders = nil
        revision += 1
        enrollmentLog.note(revision, replaced: [:])
        creatorLog.note(revision, replaced: [:])
        attributionRevision = revision
        ordersRevision = revision
        guard let standing else { return }
        keptAttribution = (attributionRevision, standing.result)
        if let kept = keptLedger, kept.revision == before {
            keptLedger = (revision, kept.ledger)
            sharedOrderFigures = (ordersRevision, kept.ledger.orderFigures)
        }
        // Still being made from the same figures: taken as this position's, not made again after them.
        if let running = runningLedger, running.revision == before { runningLedger = (revision, attributionRevision, running.work) }
        if let kept = keptOverview, kept.key.revision == before {
            keptOverview = (OverviewKey(revision: revision, wave: kept.key.wave, dimension: kept.key.dimension), kept.figures)
        }
        if let running = runningOverview, running.key.revision == before {
            runningOverview = (OverviewKey(revision: revision, wave: running.key.wave, dimension: running.key.dimension), running.work)
        }
    }

    /// Attribution kept beside the snapshot for the state at open, with its orders' figures,
    /// read while the whole history still loads: the Leaderboard, Ledger and waves' overview
    /// are derived from it meanwhile (what needs whole orders — ambiguous answers, payout
    /// balances, categories bought — waits). It stands until anything changes attribution.
    public func recordKeptAttribution(_ kept: KeptAttribution) {
        guard isLoadingOrders else { return }
        beforeOrders = (attributionRevision, kept)
    }

    /// What was kept for the current position while the history loads.
    private var keptBeforeOrders: KeptAttribution? {
        guard isLoadingOrders, let before = beforeOrders, before.attributionRevision == attributionRevision else { return nil }
        return before.kept
    }
    private var beforeOrders: (attributionRevision: Int, kept: KeptAttribution)?

    /// Whether figures over orders can be had before the history is here: from kept attribution.
    private var hasOrderFigures: Bool { !isLoadingOrders || keptBeforeOrders != nil }

    /// Order history started loading in the background (a session that opens without it).
    public func recordOrderHistoryLoading(_ loading: Bool) {
        isLoadingOrders = loading
    }

    /// The background load of the order history failed, for `reason`.
    /// Figures derived from kept attribution meanwhile are dropped: the panes say why instead.
    public func recordOrderHistoryUnreadable(_ reason: String) {
        orderHistoryProblem = reason
        beforeOrders = nil
    }

    /// What figures over orders are while the history is not here.
    private func withoutOrders<Value>() -> Derived<Value> {
        orderHistoryProblem.map { .ordersUnreadable($0) } ?? .loadingOrders
    }

    // MARK: Reading (never computes)

    /// Attribution for the current position, if had.
    public var attribution: Derived<AttributionResult> {
        if let kept = keptBeforeOrders { return .ready(kept.result) }
        if isLoadingOrders { return withoutOrders() }
        if let kept = keptAttribution, kept.revision == attributionRevision { return .ready(kept.result) }
        if let known = keeper?.knownAttribution { return .ready(known) }
        return .computing
    }

    /// Survey answers naming several creators, if had for the current position.
    public var ambiguousAnswers: [AttributionResult.AmbiguousAnswer]? {
        guard !isLoadingOrders, let kept = keptAnswers, kept.revision == attributionRevision else { return nil }
        return kept.answers
    }

    /// The ledger for the current position, if had.
    public var ledger: Derived<Ledger> {
        if !hasOrderFigures { return withoutOrders() }
        if let kept = keptLedger, kept.revision == revision { return .ready(kept.ledger) }
        return .computing
    }

    /// Payout balances for the current position's ledger, if had.
    public var payoutBalances: PayoutBalances? {
        guard let kept = keptBalances, kept.revision == revision, ledger.value != nil else { return nil }
        return kept.balances
    }

    /// The overview and cohorts of `wave` grouped by `dimension`, if had for the current position.
    public func overview(of wave: WaveID, by dimension: Cohorts.Dimension) -> Derived<OverviewFigures> {
        if !hasOrderFigures { return withoutOrders() }
        if let kept = keptOverview, kept.key == OverviewKey(revision: revision, wave: wave, dimension: dimension) { return .ready(kept.figures) }
        return .computing
    }

    /// The categories bought as last gathered: the fit scores keep using an earlier revision's
    /// while a big history is gathered again on another thread. Nil before the first gathering.
    public private(set) var categoriesBought: CategoriesBought?

    /// Whether anything is being derived on another thread.
    public var isComputing: Bool {
        runningAttribution != nil || runningLedger != nil || runningOverview != nil || runningCategories != nil
    }

    // MARK: Read on the key path, derived once per position

    /// The waves that pay anything orders decide, through their plan or a creator's own:
    /// what decides whether the budget line needs the ledger, asked on every key press.
    public func wavesPayingOnOrders(in workspace: Workspace) -> Set<WaveID> { payingWaves(workspace).all }

    /// `Workspace.wavesWithOwnPlansPayingOnOrders`, kept per position like the above.
    public func wavesWithOwnPlansPayingOnOrders(in workspace: Workspace) -> Set<WaveID> { payingWaves(workspace).withOwnPlans }

    private func payingWaves(_ workspace: Workspace) -> WavesPayingOnOrders {
        if keptPayingWaves.update(to: revision, in: workspace, replaced: enrollmentsReplaced(since:)) { computes.wavesPayingOnOrders += 1 }
        return keptPayingWaves
    }
    private var keptPayingWaves = WavesPayingOnOrders()

    /// What each lead bought (see `KeptLeadPurchases`).
    public func leadPurchases(in workspace: Workspace) -> [CreatorID: LeadPurchases] {
        let (purchases, derived) = keptLeadPurchases.purchases(creatorsRevision: creatorsRevision, ordersRevision: ordersRevision, in: workspace)
        if derived { computes.leadPurchases += 1 }
        return purchases
    }
    private var keptLeadPurchases = KeptLeadPurchases()

    // MARK: Asking

    /// Derives what `needs` asks for and is not had for the current position: at once for a
    /// small program, on another thread for a big one. While order history loads, only the
    /// ledger and overviews, from attribution kept for this state (the orders' figures are all
    /// they read; ambiguous answers, payout balances and categories bought need whole orders).
    public func prepare(_ asked: Set<DerivedNeed>, workspace: Workspace, today: Day?) {
        // What an earlier ask had to put off (work for an earlier position ran) is asked for
        // again: `S` asks for the ledger once, on a pane that does not show it.
        let needs = asked.union(putOff)
        guard hasOrderFigures, !needs.isEmpty else { return }
        putOff = []
        let ordersHere = !isLoadingOrders
        // Last: on a big program re-scoring waits for the attribution and ledger started here.
        defer { if ordersHere, needs.contains(.categoriesBought) { prepareCategories(workspace) } }
        if ordersHere, needs.contains(.attribution) || needs.contains(.ambiguousAnswers) { _ = sharedAttribution(workspace) }
        if ordersHere, needs.contains(.ambiguousAnswers), keptAnswers?.revision != attributionRevision, let result = currentAttribution() {
            keptAnswers = (attributionRevision, Attribution.ambiguousAnswers(of: result, in: workspace))
            computes.ambiguousAnswers += 1
        }
        let overviews = needs.compactMap { need -> (WaveID, Cohorts.Dimension)? in
            if case .overview(let wave, let dimension) = need { (wave, dimension) } else { nil }
        }
        guard let today, needs.contains(.ledger) || needs.contains(.payoutBalances) || !overviews.isEmpty else { return }
        prepareLedger(workspace, today: today)
        guard let built = ledger.value else { return }
        if ordersHere, needs.contains(.payoutBalances), keptBalances?.revision != revision {
            keptBalances = (revision, PayoutBalances(workspace, ledger: built))
            computes.payoutBalances += 1
        }
        for (wave, dimension) in overviews { prepareOverview(wave, dimension, ledger: built, workspace: workspace) }
    }

    /// Takes in work finished on other threads; true when something new is ready to be shown,
    /// or when work for an earlier position ended and what waited for it may start.
    public func collectFinished() -> Bool {
        var ready = false
        // Work for an earlier position is dropped, and counts as ready too: what waited for it
        // to end (see `sharedAttribution`) is asked for again and starts now.
        if let running = runningAttribution, let result = running.work.result {
            runningAttribution = nil
            if running.attributionRevision == attributionRevision { keep(result) }
            ready = true
        }
        if let running = runningLedger, let (result, built) = running.work.result {
            runningLedger = nil
            if running.attributionRevision == attributionRevision, currentAttribution() == nil { keep(result) }
            if running.revision == revision { keepLedger(built) }
            ready = true
        }
        if let running = runningCategories, let byEmail = running.work.result {
            runningCategories = nil
            categoriesBought = CategoriesBought(ordersRevision: running.ordersRevision, byEmail: byEmail)
            ready = true
        }
        if let running = runningOverview, let figures = running.work.result {
            runningOverview = nil
            if running.key.revision == revision {
                keptOverview = (running.key, figures)
                ready = true
            }
        }
        return ready
    }

    // MARK: Deriving

    private var keptAttribution: (revision: Int, result: AttributionResult)?
    private var runningAttribution: (attributionRevision: Int, work: BackgroundWork<AttributionResult>)?
    private var keptAnswers: (revision: Int, answers: [AttributionResult.AmbiguousAnswer])?
    private var keptLedger: (revision: Int, ledger: Ledger)?
    private var runningLedger: (revision: Int, attributionRevision: Int, work: BackgroundWork<(AttributionResult, Ledger)>)?
    private var keptBalances: (revision: Int, balances: PayoutBalances)?
    private struct OverviewKey: Hashable {
        var revision: Int
        var wave: WaveID
        var dimension: Cohorts.Dimension
    }
    private var keptOverview: (key: OverviewKey, figures: OverviewFigures)?
    private var runningOverview: (key: OverviewKey, work: BackgroundWork<OverviewFigures>)?
    private var runningCategories: (ordersRevision: Int, work: BackgroundWork<[String: Set<String>]>)?
    /// Needs not started because work for an earlier position still ran (see `sharedAttribution`).
    private var putOff: Set<DerivedNeed> = []

    /// Reads every order, so a big history is gathered on another thread (the scores follow).
    /// It starts once attribution and the ledger being derived are taken in: on two cores it
    /// would slow down what the Leaderboard and Ledger wait for, while the fit scores meanwhile
    /// are the earlier ones (or by what creators said, before the history's first arrival).
    private func prepareCategories(_ workspace: Workspace) {
        guard categoriesBought?.ordersRevision != ordersRevision else { return }
        if workspace.orders.count > Self.backgroundThreshold {
            guard runningCategories?.ordersRevision != ordersRevision, runningAttribution == nil, runningLedger == nil else { return }
            runningCategories = (ordersRevision, BackgroundWork { FitContext.categoriesBought(in: workspace) })
        } else {
            categoriesBought = CategoriesBought(ordersRevision: ordersRevision, byEmail: FitContext.categoriesBought(in: workspace))
        }
        computes.categoriesBought += 1
    }

    /// Attribution had for the current position: read before the orders, kept here, or kept by the keeper.
    private func currentAttribution() -> AttributionResult? {
        if let kept = keptBeforeOrders { return kept.result }
        if let kept = keptAttribution, kept.revision == attributionRevision { return kept.result }
        guard let known = keeper?.knownAttribution else { return nil }
        keptAttribution = (attributionRevision, known)
        return known
    }

    /// Keeps attribution for the current position, and hands it to the keeper if it has none.
    private func keep(_ result: AttributionResult) {
        keptAttribution = (attributionRevision, result)
        if let keeper, keeper.knownAttribution == nil { keeper.remember(result) }
    }

    /// Attribution for the current position, or the one computation of it running on another
    /// thread, so the ledger waits for the same one instead of deciding a million orders twice.
    /// Nil while a computation for an earlier position still runs (it cannot be stopped): this
    /// position's starts once that one ends. Started beside it, each edit of a quick run of
    /// renames would decide ten million orders at once with the others, each with its own
    /// hundreds of megabytes, on the cores the keys need.
    private enum Shared: Sendable {
        case ready(AttributionResult)
        case running(BackgroundWork<AttributionResult>)
    }

    private func sharedAttribution(_ workspace: Workspace) -> Shared? {
        if let result = currentAttribution() { return .ready(result) }
        if workspace.orders.count > Self.backgroundThreshold {
            if let running = runningAttribution {
                return running.attributionRevision == attributionRevision ? .running(running.work) : nil
            }
            let started = BackgroundWork { Attribution.compute(workspace) }
            runningAttribution = (attributionRevision, started)
            computes.attribution += 1
            return .running(started)
        }
        let result = Attribution.compute(workspace)
        computes.attribution += 1
        keep(result)
        return .ready(result)
    }

    /// The orders' figures the last ledger was built from, by the orders' revision: a ledger
    /// derived again after a stage move shares them rather than holding a second copy of ten
    /// million (160 MB) while it is built.
    private var sharedOrderFigures: (ordersRevision: Int, figures: [OrderFigures])?

    private func keepLedger(_ built: Ledger) {
        keptLedger = (revision, built)
        sharedOrderFigures = (ordersRevision, built.orderFigures)
        ledgerGeneration += 1
    }

    /// The ledger for the current position, over the workspace's orders or, while they load,
    /// the figures kept with attribution.
    private func prepareLedger(_ workspace: Workspace, today: Day) {
        if let kept = keptLedger, kept.revision == revision { return }
        let keptFigures = keptBeforeOrders?.orderFigures ?? sharedOrderFigures.flatMap { $0.ordersRevision == ordersRevision ? $0.figures : nil }
        if keptFigures?.count ?? workspace.orders.count > Self.backgroundThreshold {
            // One ledger at a time, as attribution: one for an earlier position ends first.
            if let running = runningLedger {
                if running.revision != revision { putOff.insert(.ledger) }
                return
            }
            guard let shared = sharedAttribution(workspace) else {
                putOff.insert(.ledger)
                return
            }
            let work = BackgroundWork {
                let result: AttributionResult
                switch shared {
                case .ready(let ready): result = ready
                case .running(let computing): result = computing.wait()
                }
                return (result, Ledger(workspace, orders: keptFigures ?? workspace.orders.rows.figures, attribution: result, today: today))
            }
            runningLedger = (revision, attributionRevision, work)
            computes.ledger += 1
            return
        }
        guard case .ready(let result)? = sharedAttribution(workspace) else { preconditionFailure("a program this small is attributed at once") }
        keepLedger(Ledger(workspace, orders: keptFigures ?? workspace.orders.rows.figures, attribution: result, today: today))
        computes.ledger += 1
    }

    private func prepareOverview(_ wave: WaveID, _ dimension: Cohorts.Dimension, ledger: Ledger, workspace: Workspace) {
        let key = OverviewKey(revision: revision, wave: wave, dimension: dimension)
        guard keptOverview?.key != key, let shown = workspace.wave(wave) else { return }
        let derive: @Sendable () -> OverviewFigures = {
            OverviewFigures(overview: ProgramOverview(ledger, workspace: workspace, wave: shown),
                            cohorts: Cohorts(ledger, workspace: workspace, by: dimension))
        }
        if ledger.orderFigures.count > Self.backgroundThreshold {
            guard runningOverview?.key != key else { return }
            runningOverview = (key, BackgroundWork(derive))
        } else {
            keptOverview = (key, derive())
        }
        computes.overview += 1
    }
}
