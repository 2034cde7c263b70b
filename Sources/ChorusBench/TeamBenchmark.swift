import ChorusCore
import ChorusStore
import Foundation

/// How a shared workspace feels to a team: how long an append takes while two colleagues
/// append too, and how long one person's change takes to reach another's console. Each
/// writer and follower is a store of its own (its own descriptors and locks, as a process
/// has), on its own thread, on a fresh workspace. Prints; never asserts.
public enum TeamBenchmark {
    /// The console looks for colleagues' work on every wake-up of its key loop.
    static let consoleTick = 0.1

    /// Who appends, and when: the executable's clock and person, read at each append.
    public typealias Context = @Sendable () -> CommandContext

    /// On a fresh workspace made in `folder`, an empty scratch folder the caller removes.
    public static func run(in folder: URL, appendsPerWriter: Int, changes: Int, context: @escaping Context) throws -> String {
        let workspacePath = folder.appendingPathComponent("workspace").path
        try WorkspaceStore.create(at: workspacePath, workspace: try program(context: context())).close()
        return try run(appendsPerWriter: appendsPerWriter, changes: changes, label: "team", context: context) { try WorkspaceStore.open(at: workspacePath) }
    }

    /// Three counters, one for each writer.
    public static func program(context: CommandContext) throws -> Workspace {
        var program = Workspace(program: Program(name: "Bench", brand: "Bench", currency: Currency("EUR"), landingURL: "https://bench.example"))
        _ = try program.apply(.addSKUs((0..<3).map { SKU(id: SKUID("TEAM-\($0)"), name: "Counter", unitCost: .zero(Currency("EUR")), stockOnHand: 0) }),
                              context: context)
        return program
    }

    /// The same figures for stores that `open` makes (each a process's own, on a folder or a server).
    public static func run(appendsPerWriter: Int, changes: Int, label: String, appendTarget: Int = 5, context: @escaping Context,
                           open: () throws -> WorkspaceStore) throws -> String {
        let appends = try appendLatencies(open, writers: 3, each: appendsPerWriter, context: context)
        let arrivals = try followLatencies(open, changes: changes, context: context)
        return "\(label): append with 3 writers at once, \(appends.count) appends: p50 \(milliseconds(percentile(appends, 0.5))), "
            + "p99 \(milliseconds(percentile(appends, 0.99))) (target ≤ \(appendTarget) ms); one console's change on another's screen, "
            + "\(arrivals.count) changes, console tick \(Int(consoleTick * 1000)) ms: p50 \(milliseconds(percentile(arrivals, 0.5))), "
            + "p99 \(milliseconds(percentile(arrivals, 0.99))) (target ≤ 250 ms)"
    }

    private final class Samples: @unchecked Sendable {
        // @unchecked: `values` is only touched under `lock`.
        private let lock = NSLock()
        private var values: [Double] = []
        func add(_ more: [Double]) { lock.withLock { values += more } }
        var all: [Double] { lock.withLock { values } }
    }

    private static func appendLatencies(_ open: () throws -> WorkspaceStore, writers: Int, each: Int, context: @escaping Context) throws -> [Double] {
        let stores = try (0..<writers).map { _ in try open() }
        defer { stores.forEach { $0.close() } }
        let samples = Samples()
        let box = StoresBox(stores)
        DispatchQueue.concurrentPerform(iterations: writers) { index in
            var mine: [Double] = []
            for _ in 0..<each {
                let start = Date()
                _ = try? box.stores[index].perform(.adjustStock(sku: SKUID("TEAM-\(index)"), delta: 1, reason: "bench"), context: context())
                mine.append(Date().timeIntervalSince(start))
            }
            samples.add(mine)
        }
        return samples.all
    }

    /// One store appends now and then; another, on its own thread, does what a console does:
    /// wakes every tick, compares the change hint, catches up. The time from the append's
    /// return to the follower having applied it is the latency.
    private static func followLatencies(_ open: () throws -> WorkspaceStore, changes: Int, context: Context) throws -> [Double] {
        let writer = try open()
        let follower = try open()
        defer { writer.close(); follower.close() }
        let box = StoresBox([follower])
        let appended = Samples(), arrived = Samples()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var hint = box.stores[0].changeHint
            var seen = 0
            while seen < changes {
                Thread.sleep(forTimeInterval: consoleTick)
                guard box.stores[0].changeHint != hint else { continue }
                hint = box.stores[0].changeHint
                let news = (try? box.stores[0].catchUp()) ?? []
                arrived.add(news.map { _ in Date().timeIntervalSince1970 })
                seen += news.count
            }
            done.signal()
        }
        for _ in 0..<changes {
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.25))
            try writer.perform(.adjustStock(sku: "TEAM-0", delta: 1, reason: "bench"), context: context())
            appended.add([Date().timeIntervalSince1970])
        }
        done.wait()
        return zip(appended.all, arrived.all).map { max(0, $1 - $0) }
    }

    private final class StoresBox: @unchecked Sendable {
        // @unchecked: each store is used by one thread only.
        let stores: [WorkspaceStore]
        init(_ stores: [WorkspaceStore]) { self.stores = stores }
    }

    private static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
    }

    private static func milliseconds(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
}
