import ChorusConcurrency
import ChorusCore
import ChorusStore
import ChorusUI
import Foundation

/// Key press to finished frame, measured on the terminal-free console engine (`Console`): the
/// same update and render code the terminal runs, minus the ncurses copy of changed cells.
public struct ConsoleBenchmark {
    let workspace: Workspace
    /// Attribution kept for the workspace's state, which the console shows without computing.
    var knownAttribution: AttributionResult?
    let presses: Int
    /// The workspace folder, beside which the background-compaction measure writes its scratch
    /// snapshot; nil skips that measure.
    var folder: URL?
    /// The day the console takes as today (the generated program's own).
    let today: Day

    public init(workspace: Workspace, knownAttribution: AttributionResult?, presses: Int, folder: URL?, today: Day) {
        (self.workspace, self.knownAttribution, self.presses, self.folder, self.today) = (workspace, knownAttribution, presses, folder, today)
    }

    /// A session that applies commands in memory: the benchmark measures the console, and the
    /// journal's own cost is measured separately.
    private final class MemorySession: ConsoleSession, AttributionKeeper {
        var workspace: Workspace
        /// Attribution kept for the workspace's state, as a store keeps it beside its snapshot.
        var knownAttribution: AttributionResult?
        private(set) lazy var derived = DerivedFigures(isLoadingOrders: loadingOrderHistory, keeper: self)
        private let loadingOrderHistory: Bool
        private let today: Day
        init(_ workspace: Workspace, today: Day, loadingOrderHistory: Bool = false, knownAttribution: AttributionResult? = nil) {
            self.workspace = workspace
            self.today = today
            self.loadingOrderHistory = loadingOrderHistory
            self.knownAttribution = knownAttribution
        }
        func perform(_ command: Command) throws -> AppliedCommand {
            let applied = try workspace.apply(command, context: CommandContext(now: Timestamp(day: today, hour: 9), actor: "bench"))
            if command.mayChangeAttribution(replacing: applied) { knownAttribution = nil }
            derived.record(command, applied: applied)
            return applied
        }
        func remember(_ attribution: AttributionResult) { knownAttribution = attribution }
    }

    public struct Opening: CustomStringConvertible {
        /// What a person first sees: the preview's picture, or at a smaller workspace the console's own frame.
        public var firstFrame: Duration { picture ?? keysAnswered }
        /// The preview of the opening screen drawn while the rest is read (see `WorkspacePreview`);
        /// nil where the workspace is too small for one, or its journal rules one out.
        public var picture: Duration?
        /// The console's own first frame, on the opened workspace: from then on keys are answered.
        public var keysAnswered: Duration
        var everythingLoaded: Duration
        /// The console taking the arrived history in: a key pressed meanwhile waits this long.
        var consoleCatchUp: Duration
        /// From the history's arrival until creators are re-scored by what they bought.
        var rescored: Duration
        /// Until the Leaderboard and Ledger can show: from the attribution kept for this state
        /// while the history loads, else the history, attribution and the ledger.
        public var ledgerReady: Duration
        /// Whether attribution came from the file kept for this state, rather than computed.
        var usedKeptAttribution: Bool
        public var peakResidentMegabytes: Int
        public var workspace: Workspace
        public var attribution: AttributionResult

        public var description: String {
            "open to first frame (as the console opens: order history deferred): " + Self.describe(picture, keysAnswered) + "\n"
                + "open to order history loaded: \(Stopwatch.format(everythingLoaded)); "
                + "the console takes it in (a key pressed then waits this long): \(Stopwatch.format(consoleCatchUp)), "
                + "and re-scores creators by what they bought in the background: \(Stopwatch.format(rescored))\n"
                + "open to Leaderboard and Ledger ready (attribution "
                + (usedKeptAttribution ? "and the orders' figures kept for this state, read before the history"
                                       : "computed: nothing kept for this state") + "): \(Stopwatch.format(ledgerReady))\n"
                + "peak memory (RSS) while opening: \(peakResidentMegabytes) MB"
        }

        public static func describe(_ picture: Duration?, _ keysAnswered: Duration) -> String {
            guard let picture else { return Stopwatch.format(keysAnswered) }
            return "\(Stopwatch.format(picture)) (the opening screen previewed; keys answered from \(Stopwatch.format(keysAnswered)))"
        }
    }

    /// What a coordinator waits for: `chorus` opening the workspace to its first frame, until
    /// the order history the background thread loads is attached, and until the Leaderboard
    /// they switched to meanwhile shows, its attribution and ledger derived as the console
    /// derives them (`DerivedFigures`, on other threads), and creators are re-scored after.
    public static func measureOpening(_ folder: URL, today: Day) throws -> Opening {
        PeakMemory.reset()
        let start = ContinuousClock.now
        let (store, session, console, picture, keysAnswered) = try openToFirstFrame(folder, today: today, since: start)
        defer { store.close() }
        console.press(.character(Character(String(Pane.leaderboard.rawValue))))
        _ = console.frame()
        // As the console's session does: the attribution kept for this state first, the
        // Leaderboard derived from it, and then the history (here on this thread, which would
        // only wait for it).
        var ledgerReady: Duration?
        let kept = store.keptAttributionRead?()
        let adopted = store.adopt(kept)
        if adopted, let kept {
            session.knownAttribution = kept.result
            session.derived.recordKeptAttribution(kept)
            console.announce("attribution kept for this state read")
            _ = console.frame()
            while session.derived.ledger.value == nil || session.derived.isComputing {
                if console.collectBackgroundWork() { _ = console.frame() }
                if ledgerReady == nil, session.derived.ledger.value != nil { ledgerReady = ContinuousClock.now - start }
                Thread.sleep(forTimeInterval: 0.002)
            }
            ledgerReady = ledgerReady ?? ContinuousClock.now - start  // derived at once, within the frame
        }
        let loader = store.pendingOrderHistory
        if let loader { store.attach(try loader.load()) }
        let loaded = ContinuousClock.now - start
        let usedKept = store.knownAttribution != nil
        // The console takes the history in as the terminal does when the load is collected.
        (session.workspace, session.knownAttribution) = (store.workspace, store.knownAttribution)
        let arrival = ContinuousClock.now
        session.derived.recordOrderHistoryAttached()
        console.announce("loaded")
        _ = console.frame()
        let catchUp = ContinuousClock.now - arrival
        while ledgerReady == nil || console.isWorkingInBackground {
            if console.collectBackgroundWork() { _ = console.frame() }
            if ledgerReady == nil, session.derived.ledger.value != nil { ledgerReady = ContinuousClock.now - start }
            Thread.sleep(forTimeInterval: 0.002)
        }
        let rescored = ContinuousClock.now - arrival
        guard let attribution = session.derived.attribution.value else { preconditionFailure("the ledger was built from attribution") }
        return Opening(picture: picture, keysAnswered: keysAnswered, everythingLoaded: loaded, consoleCatchUp: catchUp, rescored: rescored, ledgerReady: ledgerReady!,
                       usedKeptAttribution: usedKept, peakResidentMegabytes: PeakMemory.megabytes, workspace: store.workspace,
                       attribution: attribution)
    }

    /// Opening alone, as the console opens, until its first frame is drawn (`chorus bench
    /// --first-frame`: the figure the issue's target is about, without the history's load after
    /// it, so a profiler sees only what the first frame waits for). Returns the time and the
    /// peak memory until then.
    public static func measureFirstFrame(_ folder: URL, today: Day) throws -> (firstFrame: String, peakResidentMegabytes: Int) {
        PeakMemory.reset()
        let (store, _, _, picture, keysAnswered) = try openToFirstFrame(folder, today: today, since: ContinuousClock.now)
        store.close()
        return (Opening.describe(picture, keysAnswered), PeakMemory.megabytes)
    }

    /// The preview of the opening screen, drawn as `chorus open` draws it before the workspace
    /// is open; what it read whole, for the open to take, or nil where there is none.
    private static func drawPreview(_ folder: URL, today: Day) -> PreviewedFiles? {
        guard let preview = WorkspacePreview.read(at: folder, openingWave: { Console.openingWave(of: $0, remembered: UserSettings()) })
        else { return nil }
        let session = PreviewSession(preview.workspace, creatorCount: preview.creatorCount)
        let console = makeConsole(session, today: today)
        console.announce(session.status)
        _ = console.frame()
        return preview.files
    }

    /// Opens as `chorus open` does, its preview first where there is one; how long from `start`
    /// until the preview was drawn, and until the opened console's first frame.
    private static func openToFirstFrame(_ folder: URL, today: Day, since start: ContinuousClock.Instant) throws
        -> (WorkspaceStore, MemorySession, Console, picture: Duration?, keysAnswered: Duration) {
        let previewed = drawPreview(folder, today: today)
        let picture = previewed == nil ? nil : ContinuousClock.now - start
        let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true, reusing: previewed)
        let session = MemorySession(store.workspace, today: today, loadingOrderHistory: true)
        let console = makeConsole(session, today: today)
        _ = console.frame()
        return (store, session, console, picture, ContinuousClock.now - start)
    }

    /// Makes sure the workspace keeps attribution for its current state, as it does once a
    /// console has shown it; says what that took. Skipped while another process holds the lock.
    public static func keepAttribution(_ folder: URL) -> String {
        guard let store = try? WorkspaceStore.open(at: folder, mode: .readWrite, deferringOrderHistory: true) else {
            return "attribution: not kept now (the workspace is open elsewhere)"
        }
        defer { store.close() }
        let start = ContinuousClock.now
        try? store.finishLoadingOrderHistory()
        if store.knownAttribution != nil { return "attribution: already kept for this state" }
        _ = try? store.attribution()
        return "attribution: computed and kept for this state in \(Stopwatch.format(ContinuousClock.now - start)) "
            + "(what the first open after an import does in the background)"
    }

    private static func makeConsole(_ session: ConsoleSession, today: Day) -> Console {
        Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default",
                noColor: false, today: today, size: Size(width: 200, height: 60))
    }

    public func run() -> String {
        let console = Self.makeConsole(MemorySession(workspace, today: today, knownAttribution: knownAttribution), today: today)
        var lines: [String] = []
        // The first frame computes the creator detail's attribution (on another thread for big
        // programs); measured apart so the per-key figures below are keys alone.
        let start = ContinuousClock.now
        _ = console.frame()
        lines.append("  first frame, creator detail included: \(Stopwatch.format(ContinuousClock.now - start))")
        // Keys are timed once the background work is done, so they measure keys, not contention.
        if Self.settle(console) {
            lines.append("  figures derived in the background (categories bought for fit scores, attribution unless kept; "
                         + "every creator scored, ranked and folded), until shown: " + Stopwatch.format(ContinuousClock.now - start))
        }
        if let ontoBiggest = selectBiggestWave(console) {
            lines.append("  onto the biggest wave from the one the console opened on (w), its first visit: \(Stopwatch.format(ontoBiggest))")
        }
        Self.settle(console)
        let rows = workspace.enrollments.filter { $0.waveID == console.state.pipeline.waveID }.count
        lines.insert("console keys, press to finished frame (200×60, wave \(console.state.pipeline.waveID?.rawValue ?? "-") with \(rows) creators):", at: 0)
        if knownAttribution != nil {
            lines.append("  the creator detail's attribution: kept for this state, nothing computed")
        }
        lines.append(measure("move cursor (j/k)", console) { index in index % 2 == 0 ? [.character("j")] : [.character("k")] })
        console.press(.character("/"))
        lines.append(measure("type a filter character", console) { index in index % 2 == 0 ? [.character("a")] : [.backspace] })
        // A name typed and taken back letter by letter: each letter narrows the last matches.
        let word: [ChorusUI.Key] = "lima".map { .character($0) } + Array(repeating: .backspace, count: 4)
        let typing = pressTimes(console) { index in [word[index % word.count]] }
        let byKey = (0..<word.count).map { key in Self.median(stride(from: key, to: typing.count, by: word.count).map { typing[$0] }) }
        lines.append("  type a name letter by letter (l i m a), then erase it: \(Self.keySummary(typing)); median by key: "
                     + zip(["l", "i", "m", "a", "⌫a", "⌫m", "⌫i", "⌫l"], byKey).map { "\($0) \(Stopwatch.format($1))" }.joined(separator: ", "))
        console.press(.escape)
        console.press(.escape)
        lines.append(measure("change sort (s)", console) { _ in [.character("s")] })
        lines.append(measure("move one creator a stage on and back (> then z)", console) { index in [.character(index % 2 == 0 ? ">" : "z")] })
        lines.append(measure("mark a row (Space)", console) { _ in [.character(" ")] })
        console.press(.escape)
        lines.append(measure("switch pane (1 2 3 7)", console) { index in [.character(["2", "3", "7", "1"][index % 4])] })
        lines.append(measureBulkAction(console, rows: min(500, rows)))
        lines.append(measureCreatorEdit(console))
        lines.append(measureEditsInARow(console))
        lines.append(measureWaveSwitch(console))
        if let folder { lines.append(measureKeysDuringCompaction(console, folder: folder)) }
        console.press(.character("3"))
        let pending = workspace.submissions.filter { $0.status == .pending }.count
        lines.append("approvals inbox (3), \(pending) pending of \(workspace.submissions.count) submissions, detail panel shown:")
        lines.append(measure("move cursor (j/k)", console) { index in index % 2 == 0 ? [.character("j")] : [.character("k")] })
        lines.append(measure("show the next status (f), rebuilding the rows", console) { _ in [.character("f")] })
        console.press(.character("4"))
        lines.append("library keys (\(workspace.assets.count) assets):")
        lines.append(measure("move cursor (j/k)", console) { index in index % 2 == 0 ? [.character("j")] : [.character("k")] })
        console.press(.character("/"))
        lines.append(measure("type a filter character", console) { index in index % 2 == 0 ? [.character("a")] : [.backspace] })
        console.press(.escape)
        lines.append(measure("next rights status (f)", console) { _ in [.character("f")] })
        lines.append(measure("change sort (s)", console) { _ in [.character("s")] })
        lines.append(measureOverview(console))
        return lines.joined(separator: "\n")
    }

    /// A stage change on up to `rows` marked invited creators (invited → onboarding needs no
    /// consent check to pass, so every one moves) and its undo, each press to finished frame
    /// (applied in memory; the journal line's own cost is the append figure above). Each
    /// result says how many moved, so a refusal cannot pass for a fast bulk action.
    private func measureBulkAction(_ console: Console, rows: Int) -> String {
        console.press(.character("/"))
        for character in "invited" { console.press(.character(character)) }
        console.press(.enter)
        var samples: [Duration] = []
        var outcomes: Set<String> = []
        var marked = 0
        // One round untimed first: this benchmark still holds the workspace it opened, so the
        // first change copies the enrollments it touches. The console lets go of every other
        // copy once open (`runConsole`), and changes them in place.
        for round in 0..<6 {
            console.press(.character("g"))
            for _ in 0..<rows { console.press(.character(" ")) }
            marked = console.state.pipeline.marks.count
            _ = console.frame()
            for key in [ChorusUI.Key.character(">"), .character("z")] {
                let start = ContinuousClock.now
                console.press(key)
                _ = console.frame()
                if round > 0 { samples.append(ContinuousClock.now - start) }
                outcomes.insert(console.state.message?.text ?? "")
            }
        }
        console.press(.escape)
        console.press(.escape)
        return "  bulk: forward a stage on \(marked) marked rows, and its undo: \(Self.keySummary(samples))\n"
            + "    (\(outcomes.sorted().joined(separator: "; ")))"
    }

    /// `w` through every wave three times: the first visit to each builds its rows, later ones
    /// take them back from the last views kept and move them on.
    private func measureWaveSwitch(_ console: Console) -> String {
        var samples: [Duration] = []
        for _ in 0..<3 {
            for _ in 0..<workspace.waves.count {
                let start = ContinuousClock.now
                console.press(.character("w"))
                _ = console.frame()
                samples.append(ContinuousClock.now - start)
            }
        }
        return "  switch wave (w), \(workspace.waves.count) waves, the biggest among them: \(Self.keySummary(samples)), slowest \(Stopwatch.format(samples.max() ?? .zero))"
    }

    /// Keys pressed while a snapshot of the whole workspace is written on another thread, as the
    /// console's background compaction does.
    private func measureKeysDuringCompaction(_ console: Console, folder: URL) -> String {
        let copy = workspace
        let writing = BackgroundWork { Result { try StoreBenchmark.snapshotWriteSeconds(copy, beside: folder.path) } }
        var samples: [Duration] = []
        var index = 0
        while writing.result == nil || samples.count < 20 {
            let start = ContinuousClock.now
            console.press(.character(index % 2 == 0 ? "j" : "k"))
            _ = console.frame()
            samples.append(ContinuousClock.now - start)
            index += 1
            Thread.sleep(forTimeInterval: 0.005)
        }
        switch writing.wait() {
        case .failure(let error):
            return "  compaction in the background failed: \(error)"
        case .success(let seconds):
            return "  compaction in the background: snapshot written in \(Stopwatch.format(.milliseconds(Int(seconds * 1000)))); "
                + "move cursor meanwhile: \(Self.keySummary(samples))"
        }
    }

    /// Presses `w` until the biggest wave is shown; how long the last press took to its frame.
    private func selectBiggestWave(_ console: Console) -> Duration? {
        var counts: [WaveID: Int] = [:]
        for enrollment in workspace.enrollments { counts[enrollment.waveID, default: 0] += 1 }
        guard let biggest = counts.max(by: { $0.value < $1.value })?.key else { return nil }
        var last: Duration?
        for _ in 0..<workspace.waves.count where console.state.pipeline.waveID != biggest {
            let start = ContinuousClock.now
            console.press(.character("w"))
            _ = console.frame()
            last = ContinuousClock.now - start
        }
        return last
    }

    /// Median and p99 of key press → finished frame.
    private func measure(_ what: String, _ console: Console, keys: (Int) -> [ChorusUI.Key]) -> String {
        "  \(what): \(Self.keySummary(pressTimes(console, keys: keys)))"
    }

    /// Key press → finished frame, `presses` times.
    func pressTimes(_ console: Console, keys: (Int) -> [ChorusUI.Key]) -> [Duration] {
        (0..<presses).map { index in
            let start = ContinuousClock.now
            for key in keys(index) { console.press(key) }
            _ = console.frame()
            return ContinuousClock.now - start
        }
    }

    static func median(_ samples: [Duration]) -> Duration { samples.sorted()[samples.count / 2] }

    static func keySummary(_ samples: [Duration]) -> String {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return "no presses" }
        let median = sorted[sorted.count / 2], p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        return "median \(Stopwatch.format(median)), p99 \(Stopwatch.format(p99)) (\(sorted.count) presses)"
    }
}
