import ArgumentParser
import ChorusConcurrency
import ChorusCore
import ChorusInterchange
import ChorusPostgres
import ChorusStore
import ChorusTerminal
import ChorusUI
import Foundation

struct ConsoleFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Colour theme from Themes/ (default, light, high-contrast, mono).", valueName: "name"))
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when $NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (its own text selection) instead of clicking and scrolling.")
    var noMouse = false

    @Option(help: ArgumentHelp("Read themes from this folder instead of the installed Themes/.", valueName: "dir"))
    var themes: String?
}

/// Connects the console to a store: every command the console sends is applied and durably
/// journaled before the console shows its result, so quitting never needs a save. Order
/// history, if the store deferred it, loads on another thread once the console has built its
/// first screen (loading on the other core meanwhile would only slow that screen down).
final class StoreSession: ConsoleSession {
    let store: WorkspaceStore
    /// The workspace folder, where templates/ and outbox/ are.
    var folder: URL?
    private var loading: BackgroundWork<Result<OrderHistory, any Error>>?
    private(set) var loadStarted = false
    /// The attribution kept for this state, with its orders' figures, read before the history
    /// (a tenth of its bytes): the Leaderboard and Ledger show from it while the history loads.
    private var readingKeptAttribution: BackgroundWork<KeptAttribution?>?
    /// Kept attribution was taken in, when the derived figures were at this revision: the
    /// history's load starts once what the panes derive from it is done (the next frames ask
    /// for it), or at once when anything changed meanwhile (edits would start new derivations,
    /// and the load would wait for ever), and after five seconds in any case.
    private var loadWaitsForKeptFigures: (revision: Int, since: ContinuousClock.Instant)?
    /// Said once, on the first frame: why nothing can be changed.
    private var readOnlyNotice: String?
    /// The link to the server, for a workspace on one.
    var serverLink: ServerLink?

    init(store: WorkspaceStore, readOnlyNotice: String? = nil) {
        self.store = store
        self.readOnlyNotice = readOnlyNotice
        compactor = BackgroundCompactor(store: store, threshold: Self.compactionThreshold)
        derived = DerivedFigures(journalPosition: store.lastSequence, isLoadingOrders: store.pendingOrderHistory != nil, keeper: store)
    }

    /// On a server, with the people as the database knows them, so keys are greyed by the
    /// roles the server will enforce.
    var workspace: Workspace { store.workspaceAsJudged }
    var actingPerson: String? { Clock.actor }

    /// Told of every journal entry applied here, by its sequence: a gap (a colleague's entry
    /// applied on the way) makes every figure stale.
    let derived: DerivedFigures

    func perform(_ command: Command) throws -> AppliedCommand {
        try perform(command, commandID: UUID().uuidString.lowercased())
    }

    func perform(_ command: Command, commandID: String) throws -> AppliedCommand {
        if let running = catchingUp {  // the console keeps commands pending meanwhile; anyone else waits
            catchingUp = nil
            arrivedMeanwhile += finish(running)
        }
        let applied: AppliedCommand
        do {
            applied = try store.perform(command, context: Clock.context, commandID: commandID)
        } catch {
            // Refused, perhaps after colleagues' entries were applied on the way.
            if store.lastSequence > derived.journalPosition { derived.recordUnknownChanges(upTo: store.lastSequence) }
            throw error
        }
        noteOrderHistoryAttached()
        if applied.changedAnything {
            derived.record(command, applied: applied, at: store.lastSequence)  // journaled there, after any colleague's
        } else if store.lastSequence > derived.journalPosition {
            // Not journaled (it changed nothing, or was already done): what moved the log on
            // was colleagues' entries, applied on the way, not this command.
            derived.recordUnknownChanges(upTo: store.lastSequence)
        }
        compactor.startIfDue()
        return applied
    }

    /// Order history attached on the way (a command that needed it waited for the load).
    /// What was derived from kept attribution meanwhile stands unless the orders proved it
    /// was not theirs.
    private func noteOrderHistoryAttached() {
        guard derived.isLoadingOrders, store.pendingOrderHistory == nil else { return }
        if store.keptAttributionFailedCheck { derived.recordUnknownChanges() }
        derived.recordOrderHistoryAttached()
    }

    /// Journal entries after which a fresh snapshot is written, on another thread: opening
    /// replays the journal, so it is kept short without ever making a coordinator wait.
    static let compactionThreshold = 1_000
    private let compactor: BackgroundCompactor

    /// Waits for a compaction still being written and makes it current, before the store closes.
    func finishBackgroundWork() {
        catchingUp?.waitUntilFinished()  // the log is the catch-up's until then
        if let trouble = compactor.finishRunning() { Output.notice(trouble) }
    }

    /// `R` in the Payouts view: the file read as `chorus payout reconcile` reads it.
    func paymentResults(fromFile path: String, run: PayoutRun, today: Day) throws -> [PaymentResult] {
        let expanded = path.hasPrefix("~/") ? FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst() : path
        let (bytes, name) = try FileImport.read(expanded)
        let parsed = try PayoutResultsImport(bytes: bytes, fileName: name, run: run, today: today)
        if let first = parsed.errors.first {
            throw CLIFailure(message: parsed.errors.count == 1 ? "\(first)" : "\(first) (and \(parsed.errors.count - 1) more)")
        }
        guard !parsed.results.isEmpty else { throw CLIFailure(message: "\(name) has no payment results") }
        return parsed.results
    }

    /// Colleagues' appends, applied: asked ten times a second, it looks when inotify reported a
    /// change in the folder (or a quarter second passed), and reads the journal only when the
    /// folder's change hint (the active segment's and manifest's inode and size) moved. A failure
    /// to follow (a line this build cannot read) is said once, in the status line.
    ///
    /// The catching up runs on another thread. A small one (a colleague's approval) is waited
    /// for, a few milliseconds, and arrives in the same turn; a big one (a staged import, a
    /// snapshot to reload) is left to run while the keys work on the workspace as it was, and
    /// arrives in the turn after it finished — the swap is a few assignments.
    func collectColleaguesWork() -> [ColleagueChange] {
        if !arrivedMeanwhile.isEmpty {
            defer { arrivedMeanwhile = [] }
            return arrivedMeanwhile
        }
        if let running = catchingUp {
            guard running.isFinished else { return [] }
            catchingUp = nil
            return finish(running)
        }
        guard store.shouldLookForColleaguesWork() else { return [] }
        let hint = store.changeHint
        guard hint != lastChangeHint else { return [] }
        lastChangeHint = hint
        let started = store.beginCatchUp()
        guard started.staged.isEmpty, started.isFinished(within: Self.catchUpBudget) else {
            catchingUp = started
            return []
        }
        return finish(started)
    }


    /// How long a catch-up may hold the console's loop before it is left to the background:
    /// well inside the 16 ms a key may take.
    static let catchUpBudget: Duration = .milliseconds(6)

    /// A catch-up left running in the background; until it lands the store is not touched
    /// (its log is the catch-up's), so commands typed meanwhile are kept pending.
    private var catchingUp: CatchUpInProgress?
    /// Colleagues' work that landed because a command could not wait for it; said next turn.
    private var arrivedMeanwhile: [ColleagueChange] = []

    /// Said for a colleague's staged import, whose line names who and what before the batch is
    /// read. Other catch-ups left to the background (a snapshot to reload, a slow server) are
    /// not announced: the status line keeps what it says (`reconnecting…`), and a command typed
    /// meanwhile says that it waits.
    var colleaguesWorkLoading: String? {
        guard let staged = catchingUp?.staged, !staged.isEmpty else { return nil }
        return "loading " + staged.map { "\($0.actor)'s import (\($0.summary))" }.joined(separator: ", ") + " in the background…"
    }

    var commandsWait: String? {
        if case .reconnecting? = serverLink?.log.link { return "the server answers again" }
        guard let catchingUp else { return nil }
        let who = Set(catchingUp.staged.map(\.actor)).sorted()
        return who.isEmpty ? "colleagues' changes have loaded" : "\(who.joined(separator: " and "))'s import has loaded"
    }

    private func finish(_ catchUp: CatchUpInProgress) -> [ColleagueChange] {
        do {
            let (entries, folded) = try store.finish(catchUp)
            notFollowing = nil
            noteOrderHistoryAttached()
            // Entries that came folded into a colleague's snapshot: every figure is stale.
            if entries.isEmpty, store.lastSequence > derived.journalPosition { derived.recordUnknownChanges(upTo: store.lastSequence) }
            for (entry, applied) in entries { derived.record(entry.command, applied: applied, at: entry.seq) }
            return folded.map { ColleagueChange(actor: $0.actor, summary: $0.summary) }
                + entries.map { ColleagueChange(actor: $0.entry.actor, summary: $0.applied.summary) }
        } catch {
            followFailure = "could not follow colleagues' changes: \(error)"
            notFollowing = "\(error)"
            return []
        }
    }

    /// Why the last catch-up failed, until one succeeds (see `ConsoleSession.notFollowing`).
    private(set) var notFollowing: String?

    /// The change hint when the journal was last read.
    private var lastChangeHint: Int?
    /// Said once by `collectBackgroundWork`, after the notice of a read-only open: the news
    /// that following failed must not replace the reason nothing can be changed.
    private var followFailure: String?

    /// The workspace's history as the folder has it now, everyone's work included.
    var history: [HistoryLine] {
        catchingUp?.waitUntilFinished()  // the log is the catch-up's until then
        return ((try? store.history()) ?? []).map { HistoryLine(at: $0.at, actor: $0.actor, summary: $0.summary) }
    }

    func collectBackgroundWork() -> String? {
        if let notice = readOnlyNotice {
            readOnlyNotice = nil
            return notice
        }
        if let failure = followFailure {
            followFailure = nil
            return failure
        }
        if let news = serverLink?.news() { return news }
        // Compacting and attaching order history wait for a colleague's work loading meanwhile.
        guard catchingUp == nil else { return nil }
        // The first frame is up: the handle index the open left for later is built now.
        store.workspace.startIndexingHandles()
        if let news = compactor.collect() { return news }
        compactor.startIfDue()
        guard let loader = store.pendingOrderHistory else {  // loaded meanwhile, for a command that needed it
            // What was being read for it is not needed now; neither is what it holds (gigabytes at ten million orders).
            (readingKeptAttribution, loading) = (nil, nil)
            noteOrderHistoryAttached()
            return nil
        }
        if let reading = readingKeptAttribution {
            guard let kept = reading.result else { return nil }
            readingKeptAttribution = nil
            // Taken only while it is still for the state now (a change meanwhile makes the panes
            // wait for the orders), and before the load starts, which then does not read it again.
            guard store.adopt(kept), let kept else {
                startLoading()
                return nil
            }
            derived.recordKeptAttribution(kept)
            loadWaitsForKeptFigures = (derived.revision, .now)
            return "attribution kept for this state read; still loading \(loader.orderCount) orders in the background…"
        }
        if let waiting = loadWaitsForKeptFigures {
            // The figures the panes asked of the kept attribution (this frame's Leaderboard and
            // Ledger) first, on both cores: beside the history's load they had a third of one.
            let deriving = derived.isComputing && derived.revision == waiting.revision
            guard !deriving || ContinuousClock.now - waiting.since > Self.longestWaitForKeptFigures else { return nil }
            loadWaitsForKeptFigures = nil
            startLoading()
            return nil
        }
        guard loadStarted else {
            // The kept attribution first, on both cores, then the history; without one, the history at once.
            if let read = store.keptAttributionRead {
                readingKeptAttribution = BackgroundWork(read)
            } else {
                startLoading()
            }
            return "loading \(loader.orderCount) orders in the background…"
        }
        guard let outcome = loading?.result else { return nil }  // still loading, or it failed and was said
        loading = nil
        switch outcome {
        case .success(let history):
            store.attach(history)
            noteOrderHistoryAttached()
            return "loaded \(history.orders.count) orders and \(history.surveyResponses.count) survey responses"
        case .failure(let error):
            derived.recordOrderHistoryUnreadable("\(error)")
            return "could not load the order history: \(error)"
        }
    }

    /// How long the history's load waits for what is derived from kept attribution at most.
    static let longestWaitForKeptFigures = Duration.seconds(5)

    /// Starts loading the deferred order history on another thread (`collectBackgroundWork` takes it in).
    private func startLoading() {
        guard let loader = store.pendingOrderHistory else { return }
        loadStarted = true
        loading = BackgroundWork { Result { try loader.load() } }
    }
}

enum ConsoleLauncher {
    static func open(_ url: URL, flags: ConsoleFlags) throws {
        let serverAddress = try ServerWorkspace.address(url)
        let environment = ProcessInfo.processInfo.environment
        let settingsFile = UserSettingsFile(workspace: serverAddress.map(ServerWorkspace.settingsFolder) ?? url, login: Clock.actor)
        let (remembered, notice) = settingsFile.load()
        var options = ConsoleOptions(
            themeName: flags.theme ?? environment["CHORUS_THEME"] ?? remembered.theme ?? "default",
            themesDirectory: flags.themes.map { URL(fileURLWithPath: $0) } ?? locateThemes(),
            noColor: flags.noColor || !(environment["NO_COLOR"] ?? "").isEmpty,
            today: Clock.now.day)
        options.mouse = !flags.noMouse
        options.remembered = remembered
        options.openingNotice = notice
        // A theme given for this session (--theme, CHORUS_THEME) is not a choice to remember; `t` is.
        let sessionTheme = flags.theme ?? environment["CHORUS_THEME"]
        options.rememberSettings = { settings in
            var kept = settings
            if let sessionTheme, settings.theme == sessionTheme { kept.theme = remembered.theme }
            settingsFile.save(kept)
        }
        // A big folder workspace shows its opening screen while the rest of it is read.
        // Let go once the workspace is open (here, and by `runConsole`): the opened workspace
        // shares the enrollments read for the picture, and while they are held twice the first
        // change to one copies them all (a quarter of a gigabyte at a million creators).
        var previewed = serverAddress != nil ? nil : WorkspacePreview.read(at: url) { Console.openingWave(of: $0, remembered: remembered) }
        let hasPreview = previewed != nil
        var session: StoreSession?
        defer { session?.store.close() }
        try runConsole(options: options, preview: previewed.map { PreviewSession($0.workspace, creatorCount: $0.creatorCount) }) { say in
            let files = previewed?.files
            previewed = nil
            let opened = try openSession(url, server: serverAddress, reusing: files,
                                         waiting: hasPreview ? say : { Output.notice($0) })
            session = opened
            // Said before the console starts, or in its status bar once a preview holds the screen.
            let recovery = opened.store.recoveryNotice
            if !hasPreview, let recovery { Output.notice(recovery) }
            return (opened, hasPreview ? recovery : nil)
        }
        session?.finishBackgroundWork()
        if let failure = settingsFile.saveFailure { Output.notice(failure) }
    }

    /// The store opened for the console (a folder's, or a server's), wrapped as its session;
    /// refused if the person may not act as whom they say.
    private static func openSession(_ url: URL, server address: PostgresAddress?, reusing previewed: PreviewedFiles?,
                                    waiting: (String) -> Void) throws -> StoreSession {
        let server = try address.map(ServerWorkspace.open)
        let (store, readOnlyNotice) = try server.map { ($0.0, $0.0.unreadableLastLine?.newerFormat.map(upgradeNotice)) }
            ?? openForConsole(url, reusing: previewed, whileWaiting: waiting)
        if let login = Clock.context.login, let refusal = store.workspace.program.actingAsRefusal(actor: Clock.actor, login: login) {
            store.close()
            throw CLIFailure(message: refusal)
        }
        let session = StoreSession(store: store, readOnlyNotice: readOnlyNotice)
        session.folder = server == nil ? url : nil
        session.serverLink = server.map { ServerLink($0.1) }
        return session
    }

    /// The status line of a workspace a newer Chorus wrote to, on a server or in a folder.
    private static func upgradeNotice(_ format: Int) -> String {
        "read-only: written by a newer Chorus (format \(format)); upgrade to write"
    }

    /// Opens read-write; a workspace the person may read but not write (a read-only folder or
    /// disk, files owned by someone else, a journal entry this build cannot read) opens
    /// read-only instead, with the sentence to show in the status bar.
    private static func openForConsole(_ url: URL, reusing previewed: PreviewedFiles?, whileWaiting: (String) -> Void) throws -> (WorkspaceStore, String?) {
        let store: WorkspaceStore
        do {
            // $CHORUS_LOCK_WAIT means the same here as for every CLI write.
            store = try WorkspaceStore.open(at: url, mode: .readWrite, deferringOrderHistory: true,
                                            waitingForLock: WritableWorkspace.wait, whileWaiting: whileWaiting, reusing: previewed)
        } catch let error as StoreError where error.kind == .networkFileSystem
                    || (error.kind == .io && [EACCES, EPERM, EROFS].contains(error.code ?? 0)) {
            let reader = try WorkspaceStore.open(at: url, mode: .readOnly, deferringOrderHistory: true, reusing: previewed)
            return (reader, "read-only: this workspace cannot be written (\(error)); nothing can be changed")
        }
        guard store.mode == .readOnly else { return (store, nil) }
        if let newer = store.unreadableLastLine?.newerFormat {
            return (store, upgradeNotice(newer))
        }
        let line = store.unreadableLastLine.map { "line \($0.line ?? 0) of journal.jsonl cannot be read (\($0.reason))" } ?? "it was opened read-only"
        return (store, "read-only: \(line); nothing can be changed — chorus check says more")
    }

    /// `Themes/` beside or above the executable; built-in themes otherwise.
    static func locateThemes() -> URL? {
        ProjectFolder.locate("Themes", containing: "default.json")
    }
}
