import ChorusCore

/// The console without a terminal: it turns keys, sizes and news into events for `update`,
/// carries out the effects `update` returns against the session and the terminal, and feeds
/// what came of each back to `update` as an event. It writes no state of its own accord; it
/// keeps the derived rows (the panes' tables) in step with the state and the workspace, and
/// draws frames. The ncurses layer and the tests drive it the same way, so what the tests see
/// is what a person sees.
public final class Console {
    public internal(set) var state: UIState
    /// The theme the terminal should paint the frame with (already without colour for NO_COLOR).
    public private(set) var theme: Theme

    let session: ConsoleSession
    let themes: ThemeCatalog
    let noColor: Bool
    let today: Day?
    let table = PipelineRows()
    let seedingTable = SeedingRows()
    let budgetLine = WaveBudgetLine()
    let approvalsTable = ApprovalsRows()
    let libraryTable = LibraryRows()
    let leaderboardTable = LeaderboardRows()
    let ledgerTable = LedgerRows()
    let trends = RowTrends()
    let tallies = WaveTallies()
    var hasDrawn = false, otherPanesReady = false
    /// Clipboard and opener requests from keys, for the terminal layer (see `takeTerminalRequests`).
    private var terminalRequests: [TerminalRequest] = []
    /// Commands typed while the session could not perform them, oldest first (see `PendingCommands`).
    var pendingCommands: [PendingCommand] = []

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
        state.pipeline.waveID = Self.openingWave(of: session.workspace, remembered: remembered)
        if let carrier = remembered.carrier.flatMap({ Carrier(named: $0) }) { state.seeding.lastCarrier = carrier }
        if let problem = themes.problems.first {
            state.message = StatusMessage(.warning, problem)
        } else if name != themeName {
            state.message = StatusMessage(.warning, "no theme named \"\(themeName)\"; using the default theme")
        }
        send(.resize(size))
    }

    /// The wave the Pipeline opens on: the one the person worked in last time, while it exists,
    /// else the one people are most likely working in (see `WorkingWave.starting`).
    public static func openingWave(of workspace: Workspace, remembered: UserSettings) -> WaveID? {
        remembered.wave.flatMap { workspace.wave(WaveID($0)) }?.id ?? WorkingWave.starting(workspace)
    }

    /// The settings to remember for next time, as they stand now.
    public var settings: UserSettings {
        UserSettings(theme: state.themeName, wave: state.pipeline.waveID?.rawValue, carrier: state.seeding.lastCarrier.label)
    }

    /// The requests queued since the last call, oldest first; the terminal carries them out.
    public func takeTerminalRequests() -> [TerminalRequest] {
        defer { terminalRequests = [] }
        return terminalRequests
    }

    /// Whether the person asked to quit.
    public var wantsQuit: Bool { state.wantsQuit }

    public func resize(to size: Size) {
        send(.resize(size))
    }

    /// Handles one key press completely: state, commands, derived rows.
    public func press(_ key: Key) {
        // `S` asks how a seeding run sits with the budget, commission included: the owner derives
        // the ledger now for a small program; for a big one the question says it is pending.
        if KeyMap.action(for: key, in: state.pane) == .seed {
            session.derived.prepare([.ledger], workspace: session.workspace, today: today)
        }
        send(.key(key))
        if state.overlayScroll > 0 { keepOverlayScrollWithinItsLines() }
    }

    /// Handles keys that arrived together, in order. Where they would be commands, a run of
    /// them that looks like a barcode scan is dropped whole with a word of why (`ScanBurst`);
    /// in a prompt, form or filter they are typed as usual.
    public func press(_ keys: [Key]) {
        var index = 0
        while index < keys.count, !state.wantsQuit {
            if !state.takesText, let length = ScanBurst.scanLength(in: keys, from: index) {
                send(.scanBurstDropped)
                index += length
                continue
            }
            press(keys[index])
            index += 1
        }
    }

    /// The frame for the current state and workspace. Drawing only reads: the derived figures
    /// it shows were asked for after the last event, and show as "computing…" until they arrive.
    public func frame() -> Grid {
        hasDrawn = true
        return renderer.frame()
    }

    var renderer: Renderer {
        let derived = session.derived
        return Renderer(state: state, workspace: session.workspace, table: table, seedingTable: seedingTable, approvalsTable: approvalsTable,
                        libraryTable: libraryTable, leaderboardTable: leaderboardTable, ledgerTable: ledgerTable, ledger: ledgerStatus,
                        payoutBalances: state.pane == .ledger ? derived.payoutBalances : nil, today: today,
                        vocabulary: vocabulary, attribution: derived.attribution, surveyAnswers: derived.ambiguousAnswers,
                        figures: overviewStatus, noColor: noColor, trends: trends, tallies: tallies, budgetLine: budgetLine,
                        ordersLoading: derived.isLoadingOrders)
    }

    /// One event through `update`, then each effect it asked for carried out, and what came of
    /// it sent through `update` in turn (before the next effect, as if it had happened at once).
    func send(_ event: ConsoleEvent) {
        dispatch(event)
        if state.themeName != shownThemeName { theme = resolvedTheme(state.themeName) }
        refresh()
    }

    func dispatch(_ event: ConsoleEvent) {
        // The context holds a copy of the workspace: let go before a command is applied, or the
        // first change to each collection would copy it (the piece changed of creators or
        // enrollments, any other collection whole) instead of changing it in place.
        let effects = update(&state, event, context: updateContext)
        for effect in effects {
            if let result = run(effect) { dispatch(result) }
        }
    }

    /// What `update` may read: the workspace, the derived rows, the figures had for now.
    var updateContext: UpdateContext {
        var context = UpdateContext(workspace: session.workspace, table: table, seedingTable: seedingTable, approvalsTable: approvalsTable,
                                    libraryTable: libraryTable, leaderboardTable: leaderboardTable, ledgerTable: ledgerTable,
                                    ledger: session.derived.ledger.value, vocabulary: vocabulary, today: today)
        if case .surveyAnswers? = state.overlay { context.surveyQueue = session.derived.ambiguousAnswers }
        context.noColor = noColor
        context.wavesPayingOnOrders = session.derived.wavesPayingOnOrders(in: session.workspace)
        context.ordersLoading = session.derived.isLoadingOrders
        return context
    }

    /// Carries out one effect; the event that says what came of it, if anything did.
    private func run(_ effect: Effect) -> ConsoleEvent? {
        switch effect {
        case .command(let command, let intent):
            return perform(command, intent)
        case .previewOutbox(let kind, let wave, let ids):
            guard let drafting = session as? OutboxDrafting else { return .effectFailed("this console cannot draft messages") }
            do { return .outboxPreviewed(try drafting.previewOutbox(kind, wave: wave, creators: ids)) } catch {
                return .effectFailed("\(error)")
            }
        case .writeOutbox(let sheet):
            guard let drafting = session as? OutboxDrafting else { return nil }
            do { return .outboxWritten(sheet, folder: try drafting.writeOutbox(sheet)) } catch {
                return .effectFailed("\(error)")
            }
        case .copyToClipboard(let text):
            terminalRequests.append(.copy(text))
        case .openLink(let link):
            terminalRequests.append(.open(link))
        case .readHistory:
            return .historyRead(session.history)
        case .readPaymentResults(let number, let path):
            // Without a clock (some tests) there is no day to record the results on.
            guard let run = session.workspace.payoutRun(number), let today else { return nil }
            do { return .paymentResultsRead(run: number, try session.paymentResults(fromFile: path, run: run, today: today)) } catch {
                return .effectFailed("\(error)")
            }
        case .derive(let needs):
            session.derived.prepare(needs, workspace: session.workspace, today: today)
        }
        return nil
    }

    var vocabulary: CommandPalette.Vocabulary {
        CommandPalette.Vocabulary(themes: themes.names, waves: session.workspace.waves.map { ($0.id, $0.name) })
    }

    /// The theme `theme` was resolved from.
    private var shownThemeName: String?

    private func resolvedTheme(_ name: String) -> Theme {
        shownThemeName = name
        let chosen = themes.theme(named: name) ?? themes.defaultTheme
        return noColor ? chosen.withoutColor() : chosen
    }

    /// j or PgDn past the end of a detail overlay leaves it at its last page, so the first k
    /// moves it back up at once.
    private func keepOverlayScrollWithinItsLines() {
        let body = Layout(size: state.size).body
        state.overlayScroll = min(state.overlayScroll, renderer.detailOverlay(body)?.scrollLimit(in: body) ?? 0)
    }
}
