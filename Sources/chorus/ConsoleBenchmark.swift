import ChorusCore
import ChorusStore
import ChorusUI
import Foundation

/// Key press to finished frame, measured on the terminal-free console engine (`Console`): the
/// same update and render code the terminal runs, minus the ncurses copy of changed cells.
struct ConsoleBenchmark {
    let workspace: Workspace
    let presses: Int

    /// A session that applies commands in memory: the benchmark measures the console, and the
    /// journal's own cost is measured separately.
    private final class MemorySession: ConsoleSession {
        var workspace: Workspace
        init(_ workspace: Workspace) { self.workspace = workspace }
        func perform(_ command: Command) throws -> AppliedCommand {
            try workspace.apply(command, context: CommandContext(now: Timestamp(day: SampleWorkspace.anchorDay, hour: 9), actor: "bench"))
        }
    }

    struct Opening: CustomStringConvertible {
        var firstFrame: Duration
        var everythingLoaded: Duration
        var peakResidentMegabytes: Int
        var workspace: Workspace

        var description: String {
            "open to first frame (as the console opens: order history deferred): \(Stopwatch.format(firstFrame))\n"
                + "open to everything loaded (order history attached): \(Stopwatch.format(everythingLoaded))\n"
                + "peak memory (RSS) so far: \(peakResidentMegabytes) MB"
        }
    }

    /// What a coordinator waits for: `chorus` opening the workspace to its first frame, and
    /// until the order history the background thread loads is attached.
    static func measureOpening(_ folder: URL) throws -> Opening {
        let start = ContinuousClock.now
        let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
        defer { store.close() }
        let console = makeConsole(MemorySession(store.workspace))
        _ = console.frame()
        let firstFrame = ContinuousClock.now - start
        try store.finishLoadingOrderHistory()
        let loaded = ContinuousClock.now - start
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Opening(firstFrame: firstFrame, everythingLoaded: loaded, peakResidentMegabytes: usage.ru_maxrss / 1024,
                       workspace: store.workspace)
    }

    private static func makeConsole(_ session: ConsoleSession) -> Console {
        Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default",
                noColor: false, today: SampleWorkspace.anchorDay, size: Size(width: 200, height: 60))
    }

    func run() -> String {
        let console = Self.makeConsole(MemorySession(workspace))
        selectBiggestWave(console)
        let rows = workspace.enrollments.filter { $0.waveID == console.state.pipeline.waveID }.count
        var lines = ["console keys, press to finished frame (200×60, wave \(console.state.pipeline.waveID?.rawValue ?? "-") with \(rows) creators):"]
        // The first frame computes the creator detail's attribution (on another thread for big
        // programs); measured apart so the per-key figures below are keys alone.
        let start = ContinuousClock.now
        _ = console.frame()
        lines.append("  first frame, creator detail included: \(Stopwatch.format(ContinuousClock.now - start))")
        // Keys are timed once the background work is done, so they measure keys, not contention.
        if console.isWorkingInBackground {
            while !console.collectBackgroundWork() { Thread.sleep(forTimeInterval: 0.01) }
            lines.append("  attribution in the background, until the detail shows it: \(Stopwatch.format(ContinuousClock.now - start))")
        }
        lines.append(measure("move cursor (j/k)", console) { index in index % 2 == 0 ? [.character("j")] : [.character("k")] })
        console.press(.character("/"))
        lines.append(measure("type a filter character", console) { index in index % 2 == 0 ? [.character("a")] : [.backspace] })
        console.press(.escape)
        console.press(.escape)
        lines.append(measure("change sort (s)", console) { _ in [.character("s")] })
        lines.append(measure("mark a row (Space)", console) { _ in [.character(" ")] })
        console.press(.escape)
        console.press(.character("4"))
        lines.append("library keys (\(workspace.assets.count) assets):")
        lines.append(measure("move cursor (j/k)", console) { index in index % 2 == 0 ? [.character("j")] : [.character("k")] })
        console.press(.character("/"))
        lines.append(measure("type a filter character", console) { index in index % 2 == 0 ? [.character("a")] : [.backspace] })
        console.press(.escape)
        lines.append(measure("next rights status (f)", console) { _ in [.character("f")] })
        lines.append(measure("change sort (s)", console) { _ in [.character("s")] })
        return lines.joined(separator: "\n")
    }

    private func selectBiggestWave(_ console: Console) {
        var counts: [WaveID: Int] = [:]
        for enrollment in workspace.enrollments { counts[enrollment.waveID, default: 0] += 1 }
        guard let biggest = counts.max(by: { $0.value < $1.value })?.key else { return }
        for _ in 0..<workspace.waves.count where console.state.pipeline.waveID != biggest { console.press(.character("w")) }
    }

    /// Median and p99 of key press → finished frame.
    private func measure(_ what: String, _ console: Console, keys: (Int) -> [ChorusUI.Key]) -> String {
        var samples: [Duration] = []
        for index in 0..<presses {
            let start = ContinuousClock.now
            for key in keys(index) { console.press(key) }
            _ = console.frame()
            samples.append(ContinuousClock.now - start)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
        return "  \(what): median \(Stopwatch.format(median)), p99 \(Stopwatch.format(p99)) (\(presses) presses)"
    }
}

enum Stopwatch {
    static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
        return milliseconds >= 1_000 ? "\(Double(Int(milliseconds / 10)) / 100) s" : "\(Double(Int(milliseconds * 100)) / 100) ms"
    }
}
