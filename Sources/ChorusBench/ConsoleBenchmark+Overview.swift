import ChorusCore
import ChorusUI
import Foundation

/// The Waves pane's program overview on the benchmark workspace: how long until it shows, and
/// what keys cost meanwhile (its figures are derived on another thread, as the ledger is).
extension ConsoleBenchmark {
    /// From `v` in the Waves pane until the overview is on screen, pressing `t` (next theme,
    /// which redraws everything and leaves the figures alone) every few milliseconds meanwhile.
    func measureOverview(_ console: Console) -> String {
        console.press(.character("7"))
        if workspace.waves.count > 1 { console.press(.character("j")) }
        _ = console.frame()
        let brief = pressTimes(console) { _ in [.character("t")] }
        let start = ContinuousClock.now
        console.press(.character("v"))
        var samples: [Duration] = []
        var shown = false
        while !shown, ContinuousClock.now - start < .seconds(300) {
            let pressed = ContinuousClock.now
            console.press(.character("t"))
            let frame = console.frame()
            samples.append(ContinuousClock.now - pressed)
            shown = frame.lines.contains { $0.hasPrefix(" KPI ") }
            _ = console.collectBackgroundWork()
            Thread.sleep(forTimeInterval: 0.005)
        }
        let ready = ContinuousClock.now - start
        let steady = pressTimes(console) { _ in [.character("t")] }
        console.press(.character("v"))
        console.press(.character("v"))
        return "program overview (7, v) on wave \(console.state.waves.cursor + 1): on screen after \(Stopwatch.format(ready))"
            + (shown ? "" : " (not shown within 300 s)") + " (a big program builds the ledger and overview in the background); "
            + "keys meanwhile (t): \(Self.keySummary(samples)); once shown: \(Self.keySummary(steady)); "
            + "the same key with the brief shown instead: \(Self.keySummary(brief))"
    }

    /// What the overview and cohorts take on top of a built ledger, best of three: to set beside
    /// the ledger line above.
    public static func figuresLine(_ workspace: Workspace, today: Day) -> String {
        let ledger = Ledger(workspace, attribution: Attribution.compute(workspace), today: today)
        guard let wave = workspace.waves.max(by: { lhs, rhs in
            ledger.rows.lazy.filter { $0.waveID == lhs.id }.count < ledger.rows.lazy.filter { $0.waveID == rhs.id }.count
        }) else { return "program overview: no waves" }
        var best = Duration.seconds(1_000)
        for _ in 0..<3 {
            let start = ContinuousClock.now
            _ = ProgramOverview(ledger, workspace: workspace, wave: wave)
            _ = Cohorts(ledger, workspace: workspace, by: .tier)
            best = min(best, ContinuousClock.now - start)
        }
        return "program overview of \(wave.id) and cohorts by tier from the built ledger, best of 3: \(Stopwatch.format(best))"
    }
}
