import ChorusCore
import ChorusStore
import ChorusUI
import Foundation

/// A console's keys while another process — the nightly cron job — imports the program's
/// order export into the same workspace: each sample is one turn of the console's loop as the
/// terminal runs it (look for colleagues' work, take a key, draw), so the time the console
/// spends following the import counts against the key that waits behind it.
public enum KeysDuringImportBenchmark {
    /// `session` is the terminal's own session on the store.
    public static func run(_ benchmark: ImportBenchmark, today: Day, session makeSession: (WorkspaceStore) -> ConsoleSession) throws -> String {
        let scratch = benchmark.folder.appendingPathComponent("team-scratch-\(getpid())")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.copyItem(at: benchmark.creatorsOnly, to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let store = try WorkspaceStore.open(at: scratch.path)
        defer { store.close() }
        let session = makeSession(store)
        let console = Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default", noColor: false,
                              today: today, size: Size(width: 200, height: 60))
        _ = console.frame()

        let importer = BenchmarkProcess.chorus(["import", "orders", benchmark.ordersFile.path, "--workspace", scratch.path])
        let start = ContinuousClock.now
        try importer.run()
        var samples: [Duration] = []
        var onScreen: Duration?
        var index = 0
        while onScreen == nil, ContinuousClock.now - start < .seconds(900) {
            let turn = ContinuousClock.now
            if let news = session.collectBackgroundWork() { console.announce(news) }
            _ = console.collectBackgroundWork()
            _ = console.followColleagues()
            console.press(.character(index % 2 == 0 ? "j" : "k"))
            _ = console.frame()
            samples.append(ContinuousClock.now - turn)
            index += 1
            if !store.workspace.orders.isEmpty { onScreen = ContinuousClock.now - start }
            if !importer.isRunning, importer.terminationStatus != 0 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        importer.waitUntilExit()
        guard importer.terminationStatus == 0, let onScreen else {
            return "keys while another process imports orders: the import failed (exit status \(importer.terminationStatus))"
        }
        let sorted = samples.sorted()
        let p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        return "keys in a console while another process imports \(store.workspace.orders.count) orders into the same workspace, "
            + "one loop turn each (follow colleagues, key, frame), \(samples.count) keys: median \(Stopwatch.format(sorted[sorted.count / 2])), "
            + "p99 \(Stopwatch.format(p99)) (target ≤ 16 ms), slowest \(Stopwatch.format(sorted[sorted.count - 1])); "
            + "the orders on this console's screen \(Stopwatch.format(onScreen)) after the import began"
    }
}
