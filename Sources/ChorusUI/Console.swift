import ChorusCore

/// The console without a terminal: it takes keys and sizes, runs `update`, carries out the
/// effects against the session, and draws frames. The ncurses layer and the tests drive it
/// the same way, so what the tests see is what a person sees.
public final class Console {
    public private(set) var state: UIState
    /// The theme the terminal should paint the frame with (already without colour for NO_COLOR).
    public private(set) var theme: Theme

    private let session: ConsoleSession
    private let themes: ThemeCatalog
    private let noColor: Bool
    private let today: Day?
    let table = PipelineRows()
    private let seedingTable = SeedingRows()
    private let budgetLine = WaveBudgetLine()
    private let approvalsTable = ApprovalsRows()
    private let libraryTable = LibraryRows()
    private let leaderboardTable = LeaderboardRows()
    private let ledgerTable = LedgerRows()
    private let ledger = LedgerCache()
    private let attribution = AttributionCache()
    private let overview = OverviewCache()
    private let trends = RowTrends()
    private let tallies = WaveTallies()
    /// Bumped on every domain change, so derived rows know they are stale.
    private var generation = 0
    private var hasDrawn = false, otherPanesReady = false
    /// Bumped only when creators themselves may have changed, not just their stages.
    private var creatorsGeneration = 0
    /// Bumped only when what attribution credits may have changed (orders, codes, creators,
    /// waves), so a stage move does not recompute a million orders for the creator detail.
    private var attributionGeneration = 0

    /// `remembered`: the person's settings from their last session; the theme in it is the
    /// caller's to apply (a `--theme` flag outranks it), the wave and carrier are applied here.
    public init(session: ConsoleSession, themes: ThemeCatalog, themeName: String, noColor: Bool, today: Day? = nil,
                size: Size, remembered: UserSettings = UserSettings()) {
        self.session = session
        self.themes = themes
        self.noColor = noColor
        self.today = today
        let name = themes.theme(named: themeName) == nil ? ThemeCatalog.defaultName : themeName
        state = UIState(size: size, themeName: name)
        state.person = session.actingPerson
        theme = themes.defaultTheme
        theme = resolvedTheme(name)
        let rememberedWave = remembered.wave.flatMap { session.workspace.wave(WaveID($0)) }?.id
        state.pipeline.waveID = rememberedWave ?? Self.startingWave(session.workspace)
        if let carrier = remembered.carrier.flatMap({ Carrier(named: $0) }) { state.seeding.lastCarrier = carrier }
        if let problem = themes.problems.first {
            state.message = StatusMessage(.warning, problem)
        } else if name != themeName {
            state.message = StatusMessage(.warning, "no theme named \"\(themeName)\"; using the default theme")
        }
        refresh()
    }

    /// The settings to remember for next time, as they stand now.
    public var settings: UserSettings {
        UserSettings(theme: state.themeName, wave: state.pipeline.waveID?.rawValue, carrier: state.seeding.lastCarrier.label)
    }

    /// Clipboard and opener requests from keys, for the terminal layer (see `takeTerminalRequests`).
    private var terminalRequests: [TerminalRequest] = []

    /// The requests queued since the last call, oldest first; the terminal carries them out.
    public func takeTerminalRequests() -> [TerminalRequest] {
        defer { terminalRequests = [] }
        return terminalRequests
    }

    /// Whether the person asked to quit.
    public var wantsQuit: Bool { state.wantsQuit }

    public func resize(to size: Size) {
        state.size = size
        refresh()
    }

    /// Handles one key press completely: state, commands, derived rows.
    public func press(_ key: Key) {
        var context = UpdateContext(workspace: session.workspace, table: table, seedingTable: seedingTable, approvalsTable: approvalsTable,
                                    libraryTable: libraryTable, leaderboardTable: leaderboardTable, ledgerTable: ledgerTable,
                                    ledger: KeyMap.action(for: key, in: state.pane) == .seed ? spendingLedger : builtLedger,
                                    vocabulary: vocabulary, today: today)
        if case .surveyAnswers? = state.overlay { context.surveyQueue = attribution.ambiguousAnswers(in: session.workspace) }
        let effects = update(&state, key: key, context: context)
        for effect in effects { run(effect) }
        refresh()
        if state.overlayScroll > 0 { keepOverlayScrollWithinItsLines() }
    }

    /// j or PgDn past the end of a detail overlay leaves it at its last page, so the first k
    /// moves it back up at once.
    private func keepOverlayScrollWithinItsLines() {
        let body = Layout(size: state.size).body
        let renderer = Renderer(state: state, workspace: session.workspace, table: table, seedingTable: seedingTable, approvalsTable: approvalsTable,
                                libraryTable: libraryTable, leaderboardTable: leaderboardTable, ledgerTable: ledgerTable, ledger: ledgerStatus,
                                payoutBalances: payoutBalances, today: today, vocabulary: vocabulary, attribution: attribution)
        state.overlayScroll = min(state.overlayScroll, renderer.detailOverlay(body)?.scrollLimit(in: body) ?? 0)
    }

    /// Handles keys that arrived together, in order. Where they would be commands, a run of
    /// them that looks like a barcode scan is dropped whole with a word of why (`ScanBurst`);
    /// in a prompt, form or filter they are typed as usual.
    public func press(_ keys: [Key]) {
        var index = 0
        while index < keys.count, !state.wantsQuit {
            if !state.takesText, let length = ScanBurst.scanLength(in: keys, from: index) {
                state.message = StatusMessage(.warning, ScanBurst.refusal)
                index += length
                continue
            }
            press(keys[index])
            index += 1
        }
    }

    /// Takes in work the console itself did in the background (a big program's attribution);
    /// true when the screen should be drawn again. The terminal calls this between key presses.
    /// Also where the other panes' tables are first built: once the first frame is on screen,
    /// while the person reads it, so opening is not slower and a first visit is instant.
    public func collectBackgroundWork() -> Bool {
        if hasDrawn, !otherPanesReady {
            otherPanesReady = true
            refresh(everyPane: true)
        }
        if hasDrawn { table.prepareSearch(session.workspace, creatorsGeneration: creatorsGeneration) }
        let categoriesDone = table.collectGatheredCategories()
        if categoriesDone { refresh() }
        let attributionDone = attribution.collectFinished()
        let ledgerDone = ledger.collectFinished()
        let overviewDone = overview.collectFinished()
        // Attribution computed here is handed to the session, which keeps it for the next open.
        if session.knownAttribution == nil, let computed = attribution.current ?? ledger.currentAttribution {
            session.remember(computed)
        }
        guard ledgerDone else { return attributionDone || categoriesDone || overviewDone }
        refresh()
        return true
    }

    /// Takes in what colleagues did since the last call (the session has applied it): the
    /// tables are rebuilt from the new workspace and the news goes through `update` as an
    /// event. True when the screen should be drawn again. The terminal calls this between key
    /// presses, ten times a second.
    public func followColleagues() -> Bool {
        let open = state.overlay == .submissionDetail && state.approvals.decidedElsewhere == nil
            ? approvalsTable.id(at: state.approvals.cursor).flatMap(session.workspace.submission) : nil
        let changes = session.collectColleaguesWork()
        guard !changes.isEmpty else { return false }
        if let open, let now = session.workspace.submission(open.id), now.status != open.status,
           let decided = DecidedElsewhere(now, today: today) {
            update(&state, event: .openDraftDecided(decided))
        }
        // The tables still show the rows as they were: each cursor's item is noted from them,
        // and found again in the new rows.
        rememberCursors()
        generation += 1
        creatorsGeneration += 1
        attributionGeneration += 1
        update(&state, event: .colleaguesChanged(changes))
        refresh()
        return true
    }

    /// Whether the console has work running in the background (benchmarks wait for it).
    public var isWorkingInBackground: Bool {
        attribution.isComputing || ledger.isComputing || table.isGatheringCategories || overview.isComputing
    }

    /// Shows news from the session's background work; the workspace may have changed with it.
    /// Whatever the person's own last key said (approved, refused, "showing exception parcels")
    /// stays on screen, with the news after it: a background load finishing must not wipe it unread.
    public func announce(_ news: String) {
        rememberCursors()
        generation += 1
        attributionGeneration += 1
        // Earlier news on screen is replaced; what the person's key said is kept in front of it.
        let own = state.message == announced ? announcedAfter : state.message
        state.message = own.map { StatusMessage($0.kind, $0.text + " · " + news) } ?? StatusMessage(.info, news)
        (announced, announcedAfter) = (state.message, own)
        refresh()
    }

    /// The last message `announce` put up, and the person's message it was put after.
    private var announced: StatusMessage?
    private var announcedAfter: StatusMessage?

    /// A warning from outside the console (a settings file that could not be read): it stays
    /// up, with any background news after it, until the next key press.
    public func warn(_ text: String) {
        state.message = StatusMessage(.warning, text)
    }

    /// The frame for the current state and workspace.
    public func frame() -> Grid {
        hasDrawn = true
        return Renderer(state: state, workspace: session.workspace, table: table, seedingTable: seedingTable, approvalsTable: approvalsTable,
                 libraryTable: libraryTable, leaderboardTable: leaderboardTable, ledgerTable: ledgerTable, ledger: ledgerStatus,
                 payoutBalances: payoutBalances, today: today,
                 vocabulary: vocabulary, attribution: attribution, figures: overviewStatus, noColor: noColor,
                 trends: trends, tallies: tallies, budgetLine: budgetLine).frame()
    }

    /// Numbers that let tests prove a key press did not rebuild the table.
    var tableRebuilds: PipelineRows.Rebuilds { table.rebuilds }
    /// The Approvals pane's rows, so tests can name the draft under the cursor.
    var inbox: ApprovalsRows { approvalsTable }
    /// The other panes' rows, so tests can name the item under each cursor.
    var parcels: SeedingRows { seedingTable }
    var assets: LibraryRows { libraryTable }
    var rankings: LeaderboardRows { leaderboardTable }
    var ledgerRows: LedgerRows { ledgerTable }
    /// The same proof for the Library: search text folds and row rebuilds.
    var libraryRebuilds: (folds: Int, rows: Int) { libraryTable.rebuilds }
    /// How often the wave's budget line was derived, for the same kind of proof.
    var budgetLineComputes: Int { budgetLine.computes }
    /// How often the creator detail's attribution was computed, for the same kind of proof.
    var attributionComputes: Int { attribution.computes }

    private var vocabulary: CommandPalette.Vocabulary {
        CommandPalette.Vocabulary(themes: themes.names, waves: session.workspace.waves.map { ($0.id, $0.name) })
    }

    private func run(_ effect: Effect) {
        switch effect {
        case .perform(let command):
            perform(command, summary: nil)
        case .performSummarized(let command, let summary):
            perform(command, summary: summary)
        case .scan(let dispatch, let summary):
            let undoable = state.undoStack.count
            perform(.markShipped([dispatch]), summary: summary)
            state.recordScan(dispatch, shipped: state.undoStack.count > undoable)
        case .save(let command):
            let undoable = state.undoStack.count
            perform(command, summary: nil)
            if state.undoStack.count > undoable {
                state.form = nil
            } else if let refusal = state.message?.text {
                state.form?.refuse(refusal)
            }
        case .undo:
            guard let entry = state.undoStack.last else { return state.message = StatusMessage(.info, "nothing to undo") }
            guard let applied = apply(entry.command) else { return }
            state.undoStack.removeLast()
            state.redoStack.append(UndoEntry(summary: entry.summary, command: applied.undo))
            state.message = StatusMessage(.success, "undone: \(entry.summary)")
        case .redo:
            guard let entry = state.redoStack.last else { return state.message = StatusMessage(.info, "nothing to redo") }
            guard let applied = apply(entry.command) else { return }
            state.redoStack.removeLast()
            state.undoStack.append(UndoEntry(summary: entry.summary, command: applied.undo))
            state.message = StatusMessage(.success, "redone: \(entry.summary)")
        case .useTheme(let name):
            useTheme(name)
        case .nextTheme:
            useTheme(themes.name(after: state.themeName))
        case .previewOutbox(let kind, let wave, let ids):
            guard let drafting = session as? OutboxDrafting else { return state.message = StatusMessage(.warning, "this console cannot draft messages") }
            do { state.overlay = .outboxPreview(try drafting.previewOutbox(kind, wave: wave, creators: ids)) } catch {
                state.message = StatusMessage(.error, "\(error)")
            }
        case .writeOutbox(let sheet):
            guard let drafting = session as? OutboxDrafting else { return }
            do {
                let folder = try drafting.writeOutbox(sheet)
                perform(.draftMessages(kind: sheet.kind, wave: sheet.waveID, creators: sheet.recipients), summary: nil)
                if state.message?.kind == .success { state.message?.text += "; written to \(folder)" }
            } catch {
                state.message = StatusMessage(.error, "\(error)")
            }
        case .copyToClipboard(let text):
            terminalRequests.append(.copy(text))
        case .openLink(let link):
            terminalRequests.append(.open(link))
        case .showHistory:
            state.overlay = .history(session.history, scrolledUp: 0)
        case .reconcilePayouts(let number, let path):
            // Without a clock (some tests) there is no day to record the results on.
            guard let run = session.workspace.payoutRun(number), let today else { return }
            do {
                let results = try session.paymentResults(fromFile: path, run: run, today: today)
                perform(.reconcilePayoutRun(number: number, results: results), summary: nil)
            } catch {
                state.message = StatusMessage(.error, "\(error)")
            }
        }
    }

    /// A domain change from a key: on success it goes on the undo stack and the marks are cleared.
    private func perform(_ command: Command, summary: String?) {
        guard let applied = apply(command) else { return }
        let summary = summary ?? applied.summary
        state.undoStack.append(UndoEntry(summary: summary, command: applied.undo))
        state.redoStack = []
        state.pipeline.marks = []
        state.seeding.marks = []
        state.approvals.marks = []
        state.library.marks = []
        state.leaderboard.marks = []
        state.message = StatusMessage(.success, summary)
    }

    /// Sends a command; a refusal becomes the status message and nothing else changes.
    private func apply(_ command: Command) -> AppliedCommand? {
        rememberCursors()
        do {
            let applied = try session.perform(command)
            generation += 1
            if command.mayChangeCreators { creatorsGeneration += 1 }
            if command.mayChangeAttribution { attributionGeneration += 1 }
            return applied
        } catch {
            state.message = StatusMessage(.error, String(describing: error))
            return nil
        }
    }

    private func rememberCursors() {
        // Each list holds the item under its cursor, from the rows as they are on screen, to find it again after the change.
        let workspace = session.workspace
        state.pipeline.list.hold(table.creatorID(at: state.pipeline.cursor, in: workspace))
        state.seeding.list.hold(seedingTable.id(at: state.seeding.cursor))
        state.approvals.list.hold(approvalsTable.id(at: state.approvals.cursor))
        state.library.list.hold(libraryTable.id(at: state.library.cursor))
        state.leaderboard.list.hold(leaderboardTable.entry(at: state.leaderboard.cursor)?.row.creatorID)
        state.ledger.list.hold(ledgerTable.key(at: state.ledger.cursor))
    }

    private func useTheme(_ name: String) {
        state.themeName = name
        theme = resolvedTheme(name)
        state.message = StatusMessage(.info, noColor ? "theme \(name) (without colour: NO_COLOR is set)" : "theme \(name)")
    }

    private func resolvedTheme(_ name: String) -> Theme {
        let chosen = themes.theme(named: name) ?? themes.defaultTheme
        return noColor ? chosen.withoutColor() : chosen
    }

    /// The ledger while the Leaderboard, Ledger or Waves pane is shown (building it if the
    /// workspace changed); other panes never pay for it.
    private var ledgerStatus: LedgerCache.Status {
        guard state.pane == .leaderboard || state.pane == .ledger || state.pane == .waves else { return .computing }
        guard let today else { return .loadingOrders }
        return ledger.ledger(for: session.workspace, today: today, attribution: attribution)
    }

    /// Paid, in run and payable per Ledger row, while the Ledger is shown.
    private var payoutBalances: PayoutBalances? {
        state.pane == .ledger ? ledger.payoutBalances(for: session.workspace) : nil
    }

    /// Whether the Waves pane shows the overview or the cohorts, which are read from the ledger.
    private var showsOverview: Bool { state.pane == .waves && state.waves.view != .brief }

    /// The overview and cohorts of the wave under the cursor, derived off the key path when big.
    private var overviewStatus: OverviewCache.Status {
        guard showsOverview, let wave = WavesPane.shown(session.workspace, filter: state.waves.filter)[safe: state.waves.cursor] else { return .computing }
        switch ledgerStatus {
        case .loadingOrders: return .loadingOrders
        case .computing: return .computing
        case .ready(let built):
            return overview.figures(built, workspace: session.workspace, wave: wave, dimension: state.waves.cohortDimension,
                                    generation: generation)
        }
    }

    /// The ledger for `S`'s budget question in any pane: built now for a small program, the one
    /// built in the background for a big one if it is ready (else the question leaves commission out).
    private var spendingLedger: Ledger? {
        guard let today else { return nil }
        if case .ready(let built) = ledger.ledger(for: session.workspace, today: today, attribution: attribution) { return built }
        return nil
    }

    /// The ledger for the budget line: built now for a small program; for a big one only the
    /// ledger already built (a stage move must not wait for it), else commission shows as pending.
    private var budgetLedger: Ledger? {
        let workspace = session.workspace
        guard let wave = state.pipeline.waveID.flatMap(workspace.wave), WaveBudget.dependsOnOrders(wave, workspace: workspace) else { return nil }
        let small = workspace.enrollments.count <= WaveBudgetLine.ledgerOnTheKeyPath && workspace.orders.count <= AttributionCache.backgroundThreshold
        return small ? spendingLedger : ledger.current
    }

    private var builtLedger: Ledger? {
        if case .ready(let built) = ledgerStatus { built } else { nil }
    }

    /// Brings the derived tables up to date, each only while its pane is shown (or `everyPane`,
    /// once when the console opens, so a first visit is instant): a stage move on a big wave
    /// should not also re-read its parcels, re-check every draft or re-read the library, and a
    /// parcel packed should not re-sort the Pipeline.
    private func refresh(everyPane: Bool = false) {
        if everyPane || state.pane == .pipeline {
            table.refresh(session.workspace, generation: generation, creatorsGeneration: creatorsGeneration, state: state.pipeline, today: today)
            state.pipeline.list.settle(rows: table.count, page: PipelinePane.tableRows(at: state.size)) { [table, workspace = session.workspace] id in
                workspace.creatorPosition(id).flatMap { table.row(ofCreatorAt: $0) }
            }
        }
        if everyPane || state.pane == .seeding {
            seedingTable.refresh(session.workspace, generation: generation, wave: state.pipeline.waveID, state: state.seeding, today: today)
            state.seeding.list.settle(rows: seedingTable.count, page: SeedingPane.tableRows(at: state.size), rowOf: seedingTable.row(of:))
        }
        if everyPane || state.pane == .approvals {
            approvalsTable.refresh(session.workspace, generation: generation, state: state.approvals, today: today)
            state.approvals.list.settle(rows: approvalsTable.count, page: ApprovalsPane.tableRows(at: state.size), rowOf: approvalsTable.row(of:))
            if state.overlay == .submissionDetail, approvalsTable.count == 0, state.approvals.decidedElsewhere == nil { state.overlay = nil }
        }
        if everyPane || state.pane == .library {
            libraryTable.refresh(session.workspace, generation: generation, state: state.library, today: today)
            state.library.list.settle(rows: libraryTable.count, page: LibraryPane.tableRows(at: state.size), rowOf: libraryTable.row(of:))
        }
        attribution.note(generation: attributionGeneration, isLoadingOrders: session.isLoadingOrderHistory, known: session.knownAttribution)
        ledger.note(generation: generation, attributionGeneration: attributionGeneration, isLoadingOrders: session.isLoadingOrderHistory)
        trends.note(generation: generation)
        tallies.note(generation: generation)
        if everyPane || state.pane == .seeding || state.pane == .pipeline {
            budgetLine.refresh(session.workspace, generation: generation, wave: state.pipeline.waveID, ledger: budgetLedger)
        }
        if state.pane == .leaderboard, case .ready(let built) = ledgerStatus {
            leaderboardTable.refresh(built, generation: generation, wave: LeaderboardUpdate.wave(state), state: state.leaderboard,
                                     workspace: session.workspace)
            state.leaderboard.list.settle(rows: leaderboardTable.count, page: LeaderboardPane.tableRows(at: state.size), rowOf: leaderboardTable.row(of:))
        }
        if state.pane == .ledger, let built = builtLedger {
            ledgerTable.refresh(built, generation: generation, state: state.ledger, workspace: session.workspace)
            state.ledger.list.settle(rows: ledgerTable.count, page: LedgerPane.tableRows(at: state.size), rowOf: ledgerTable.row(of:))
        }
    }

    /// The wave people are most likely working in: live, else recruiting, else the first.
    private static func startingWave(_ workspace: Workspace) -> WaveID? {
        let byStatus = { (status: WaveStatus) in workspace.waves.first { $0.status == status }?.id }
        return byStatus(.live) ?? byStatus(.recruiting) ?? workspace.waves.first?.id
    }
}

extension Command {
    /// Whether applying this may change creators (not just enrollments), which is when the
    /// per-creator search and sort columns must be rebuilt.
    var mayChangeCreators: Bool {
        switch self {
        case .addCreators, .updateCreator, .importCreators: true
        case .restore(let point, _): !point.creators.isEmpty || !point.remove.creators.isEmpty
        default: false
        }
    }
}
