import ChorusCore
import ChorusStore
import ChorusUI
import Foundation

/// A console's keys while another process — the nightly cron job — imports the program's
/// order export into the same workspace: each sample is one turn of the console's loop as the
/// terminal runs it (look for colleagues' work, take a key, draw), so the time the console
/// spends following the import counts against the key that waits behind it.
public enum KeysDuringImportBenchmark {
    /// The workspace both processes open: the console's store on it, the address the import
    /// is given (`--workspace`), and how to remove it afterwards.
    public struct Target {
        public var store: WorkspaceStore
        public var address: String
        public var remove: () -> Void

        public init(store: WorkspaceStore, address: String, remove: @escaping () -> Void) {
            (self.store, self.address, self.remove) = (store, address, remove)
        }

        /// A copy of the program without orders in a scratch folder beside it.
        public static func folder(_ benchmark: ImportBenchmark) throws -> Target {
            let scratch = benchmark.folder.appendingPathComponent("team-scratch-\(getpid())")
            try? FileManager.default.removeItem(at: scratch)
            try FileManager.default.copyItem(at: benchmark.creatorsOnly, to: scratch)
            return Target(store: try WorkspaceStore.open(at: scratch.path), address: scratch.path) {
                try? FileManager.default.removeItem(at: scratch)
            }
        }
    }

    /// `session` is the terminal's own session on the store; `target` makes the workspace
    /// (a folder by default, a server's with `chorus bench --postgres`).
    public static func run(_ benchmark: ImportBenchmark, today: Day, target makeTarget: (ImportBenchmark) throws -> Target = Target.folder,
                           session makeSession: (WorkspaceStore) -> ConsoleSession) throws -> String {
        let target = try makeTarget(benchmark)
        let store = target.store
        defer {
            store.close()
            target.remove()
        }
        let session = makeSession(store)
        let console = Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default", noColor: false,
                              today: today, size: Size(width: 200, height: 60))
        _ = console.frame()

        let importer = BenchmarkProcess.chorus(["import", "orders", benchmark.ordersFile.path, "--workspace", target.address])
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
