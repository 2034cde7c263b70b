import ArgumentParser
import ChorusCore
import ChorusStore
import ChorusTerminal
import ChorusUI
import Foundation

struct ConsoleFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Colour theme from Themes/ (default, light, high-contrast, mono).", valueName: "name"))
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when $NO_COLOR is set).")
    var noColor = false
}

/// Connects the console to a store: every command the console sends is applied and durably
/// journaled before the console shows its result, so quitting never needs a save. Order
/// history, if the store deferred it, loads on another thread once the console has built its
/// first screen (loading on the other core meanwhile would only slow that screen down).
final class StoreSession: ConsoleSession {
    let store: WorkspaceStore
    /// The workspace folder, where templates/ and outbox/ are.
    var folder: URL?
    private var loading: BackgroundLoad?
    private var loadStarted = false

    init(store: WorkspaceStore) {
        self.store = store
    }

    var workspace: Workspace { store.workspace }

    func perform(_ command: Command) throws -> AppliedCommand {
        let applied = try store.perform(command, context: Clock.context)
        compactInTheBackgroundIfTheJournalIsLong()
        return applied
    }

    /// Journal entries after which a fresh snapshot is written, on another thread: opening
    /// replays the journal, so it is kept short without ever making a coordinator wait.
    static let compactionThreshold = 1_000
    private var compaction: Compaction?

    private func compactInTheBackgroundIfTheJournalIsLong() {
        guard compaction == nil, store.journalLength >= Self.compactionThreshold,
              let started = try? store.beginBackgroundCompaction() else { return }
        compaction = started
        Thread.detachNewThread { started.writeFiles() }
    }

    /// Makes a compaction that has been written current; nil, or a sentence if it failed.
    private func collectCompaction() -> String? {
        guard let compaction, compaction.isWritten else { return nil }
        self.compaction = nil
        do {
            try store.finish(compaction)
            return nil
        } catch {
            return "could not write a fresh snapshot (every change is safe in the journal): \(error)"
        }
    }

    /// Waits for a compaction still being written and makes it current, before the store closes.
    func finishBackgroundWork() {
        while let compaction, !compaction.isWritten { Thread.sleep(forTimeInterval: 0.01) }
        if let trouble = collectCompaction() { Output.notice(trouble) }
    }

    var isLoadingOrderHistory: Bool { store.pendingOrderHistory != nil }

    var knownAttribution: AttributionResult? { store.knownAttribution }

    func remember(_ attribution: AttributionResult) { store.remember(attribution) }

    func collectBackgroundWork() -> String? {
        if let trouble = collectCompaction() { return trouble }
        compactInTheBackgroundIfTheJournalIsLong()
        guard let loader = store.pendingOrderHistory else { return nil }  // loaded meanwhile, for a command that needed it
        guard loadStarted else {
            loadStarted = true
            loading = BackgroundLoad(loader)
            return "loading \(loader.orderCount) orders in the background…"
        }
        guard let outcome = loading?.outcome else { return nil }  // still loading, or it failed and was said
        loading = nil
        switch outcome {
        case .success(let history):
            store.attach(history)
            return "loaded \(history.orders.count) orders and \(history.surveyResponses.count) survey responses"
        case .failure(let error):
            return "could not load the order history: \(error)"
        }
    }
}

/// Runs an order-history load on its own thread and keeps the outcome for the console's
/// thread to collect.
final class BackgroundLoad: @unchecked Sendable {
    // @unchecked: `result` is only touched under `lock`.
    private let lock = NSLock()
    private var result: Result<OrderHistory, Error>?

    init(_ loader: OrderHistoryLoader) {
        Thread.detachNewThread { [self] in
            let loaded = Result { try loader.load() }
            lock.withLock { result = loaded }
        }
    }

    var outcome: Result<OrderHistory, Error>? { lock.withLock { result } }
}

enum ConsoleLauncher {
    static func open(_ url: URL, flags: ConsoleFlags) throws {
        let store = try WorkspaceStore.open(at: url, mode: .readWrite, deferringOrderHistory: true)
        defer { store.close() }
        if let notice = store.recoveryNotice { Output.notice(notice) }
        let environment = ProcessInfo.processInfo.environment
        let options = ConsoleOptions(
            themeName: flags.theme ?? environment["CHORUS_THEME"] ?? "default",
            themesDirectory: locateThemes(),
            noColor: flags.noColor || !(environment["NO_COLOR"] ?? "").isEmpty,
            today: Clock.now.day)
        let session = StoreSession(store: store)
        session.folder = url
        try runConsole(session: session, options: options)
        session.finishBackgroundWork()
    }

    /// `Themes/` in the current folder or above the executable; built-in themes otherwise.
    static func locateThemes() -> URL? {
        ProjectFolder.locate("Themes", containing: "default.json")
    }
}
