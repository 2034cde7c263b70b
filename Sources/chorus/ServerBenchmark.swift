import ChorusBench
import ChorusPostgres
import ChorusStore
import Foundation

/// `chorus bench --postgres URL`: the team figures on a server (append p99 while three writers
/// append, one console's change on another's screen, through LISTEN) beside the same on a folder
/// in the same run, and the time to open a large workspace from the server beside opening the
/// same workspace's folder, and a console's keys on the server while the cron job imports the
/// order export there. The workspaces it makes on the server are removed afterwards.
enum ServerBenchmark {
    static func run(server: String, appendsPerWriter: Int, changes: Int, large folder: URL, repetitions: Int, imports: ImportBenchmark?) throws {
        let name = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let address = try PostgresAddress(server, workspace: String(name))
        try Output.print("chorus bench --postgres — \(address)")
        #if DEBUG
        try Output.print("(a debug build: its timings say nothing; swift build -c release for real figures)")
        #endif
        try PostgresLog.create(address, workspace: try TeamBenchmark.program(context: Clock.context))
        defer { try? PostgresLog.remove(address) }
        try Output.print(try TeamBenchmark.run(appendsPerWriter: appendsPerWriter, changes: changes, label: "server", appendTarget: 10,
                                                 context: { Clock.context }) {
            try ServerWorkspace.open(address).0
        })
        try Output.print(try TeamBenchmark.run(appendsPerWriter: appendsPerWriter, changes: changes))
        try Output.print(try openComparison(server: server, folder: folder, repetitions: repetitions))
        if let imports {
            try Output.print("on the server: " + (try KeysDuringImportBenchmark.run(imports, today: SampleWorkspace.anchorDay, target: { benchmark in
                try onServer(benchmark, server: server)
            }, session: { StoreSession(store: $0) })))
        }
    }

    /// The program without orders put on the server, as a workspace of its own.
    private static func onServer(_ benchmark: ImportBenchmark, server: String) throws -> KeysDuringImportBenchmark.Target {
        let source = try WorkspaceStore.open(at: benchmark.creatorsOnly.path, mode: .readOnly)
        defer { source.close() }
        let name = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let address = try PostgresAddress(server, workspace: String(name))
        try PostgresLog.create(address, workspace: source.workspace, through: source.lastSequence)
        return KeysDuringImportBenchmark.Target(store: try ServerWorkspace.open(address).0, address: address.url) {
            try? PostgresLog.remove(address)
        }
    }

    /// Opening as a console does, order history included, best of `repetitions`: the folder's
    /// snapshot files against the same snapshot's chunks read from the server.
    private static func openComparison(server: String, folder: URL, repetitions: Int) throws -> String {
        let source = try WorkspaceStore.open(at: folder.path, mode: .readOnly)
        try source.finishLoadingOrderHistory()
        let workspace = source.workspace
        let name = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let address = try PostgresAddress(server, workspace: String(name))
        let upload = ContinuousClock.now
        try PostgresLog.create(address, workspace: workspace, through: source.lastSequence)
        let uploaded = ContinuousClock.now - upload
        defer { try? PostgresLog.remove(address) }
        func best(_ open: () throws -> WorkspaceStore) throws -> Duration {
            var fastest = Duration.seconds(1_000)
            for _ in 0..<repetitions {
                let start = ContinuousClock.now
                let store = try open()
                try store.finishLoadingOrderHistory()
                fastest = min(fastest, ContinuousClock.now - start)
                store.close()
            }
            return fastest
        }
        let fromFolder = try best { try WorkspaceStore.open(at: folder.path, mode: .readOnly) }
        let fromServer = try best { try ServerWorkspace.open(address).0 }
        let ratio = Stopwatch.seconds(fromServer) / max(Stopwatch.seconds(fromFolder), 1e-9)
        return "open with order history (\(workspace.creators.count) creators, \(workspace.orders.count) orders), best of \(repetitions): "
            + "from the server \(Stopwatch.format(fromServer)), from its folder \(Stopwatch.format(fromFolder))"
            + String(format: " (%.1f×)", ratio) + "; putting it on the server took \(Stopwatch.format(uploaded))"
    }
}
