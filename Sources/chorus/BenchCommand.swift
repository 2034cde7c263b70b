import ArgumentParser
import ChorusBench
import ChorusCore
import ChorusGenerator
import ChorusStore
import ChorusUI
import Foundation

/// `chorus bench`: the speed figures, measured on a generated workspace with baselines taken in
/// the same run, so the ratios hold on a shared, noisy machine. Prints; never asserts.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure opening, journaling and console keystrokes on a large generated workspace.",
        discussion: """
        Without --workspace, generates (or reuses) bench-workspaces/c<creators>-o<orders>-s<seed> in the \
        current folder. Use a release build for real figures: swift build -c release && .build/release/chorus bench
        """)

    @Option(help: "Creators in the generated workspace.") var creators = 100_000
    @Option(help: "Orders in the generated workspace.") var orders = 1_000_000
    @Option(help: "Seed of the generated workspace.") var seed: UInt64 = 1
    @Option(name: [.customLong("workspace"), .customShort("w")], help: ArgumentHelp("Benchmark this workspace instead of a generated one.", valueName: "dir"))
    var workspace: String?
    @Option(help: "Repetitions of each measurement.") var repetitions = 3
    @Flag(help: "A small, quick run (CI uses it so the benchmark cannot rot).") var smoke = false
    @Flag(help: "Skip the Foundation JSONDecoder baseline (slow and memory-hungry at full size).") var noBaseline = false
    @Flag(help: "Skip importing the program's Shopify order export (and Python reading it, the baseline).") var noImport = false
    @Option(help: ArgumentHelp("Measure a team's appends, console-to-console latency and opening the generated workspace on this PostgreSQL server (beside a folder's), and nothing else.", valueName: "url"))
    var postgres: String?

    @Flag(help: "Only the team figures: appends with three writers, one console's change on another's screen, and a console's keys while another process imports the order export.")
    var team = false

    @Flag(help: "Only the figures beside peers: DuckDB (from PyPI, into bench-workspaces/.peers-venv, on first use) and Python's csv reader on the same data, each as measured / peer / ratio.")
    var peers = false
    @Flag(help: "Only the growth curve: 100k creators / 1M orders and 200k / 3M, each generated once.") var scale = false
    @Flag(name: .customLong("first-frame"), help: "Only the console's opening to its first frame (order history deferred, not loaded), once per repetition.")
    var firstFrameOnly = false
    @Flag(name: .customLong("cold-open"), help: "Only the console's opening with nothing kept for the workspace's state, until the Leaderboard and Ledger are ready (attribution computed), once per repetition.")
    var coldOpenOnly = false
    @Flag(name: .customLong("open"), help: "Only the console's opening as it finds the workspace (attribution kept for its state read, when there is one), until the Leaderboard and Ledger are ready, once per repetition: what the morning after a nightly `chorus import` meets.")
    var openOnly = false
    @Flag(name: .customLong("keys"), help: "Only the console's keys, on the workspace opened whole with attribution kept (press to finished frame).")
    var keysOnly = false
    @Flag(name: .customLong("scale-to-10m"), help: "With --scale: also 1M creators / 10M orders (generating it takes long).")
    var includeTenMillion = false

    func run() throws {
        try reportingErrors {
            let creators = smoke ? 2_000 : self.creators
            let orders = smoke ? 20_000 : self.orders
            if let postgres {
                let large = try workspace.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? prepareGenerated(creators: creators, orders: orders)
                defer { if smoke && workspace == nil { try? FileManager.default.removeItem(at: large.deletingLastPathComponent()) } }
                let base = smoke ? try SampleWorkspace.makeTemporaryFolder(prefix: "chorus-bench-import") : benchFolder
                defer { if smoke { try? FileManager.default.removeItem(at: base) } }
                let imports = noImport ? nil : try ImportBenchmark.prepare(in: base, creators: creators, orders: orders, seed: seed)
                return try ServerBenchmark.run(server: postgres, appendsPerWriter: smoke ? 10 : 200, changes: smoke ? 3 : 30,
                                               large: large, repetitions: smoke ? 1 : repetitions, imports: imports)
            }
            if peers || scale { return try runBesidePeers(creators: creators, orders: orders) }
            if firstFrameOnly {
                let folder = try workspace.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? prepareGenerated(creators: creators, orders: orders)
                defer { if smoke && workspace == nil { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) } }
                for _ in 0..<repetitions {
                    let opening = try ConsoleBenchmark.measureFirstFrame(folder, today: SampleWorkspace.anchorDay)
                    try Output.print("open to first frame: \(opening.firstFrame), peak memory (RSS) until then: \(opening.peakResidentMegabytes) MB")
                }
                return
            }
            if coldOpenOnly && openOnly { throw ValidationError("--open and --cold-open time different opens; give one of them") }
            if coldOpenOnly || openOnly {
                let folder = try workspace.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? prepareGenerated(creators: creators, orders: orders)
                defer { if smoke && workspace == nil { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) } }
                for _ in 0..<repetitions {
                    let opening = coldOpenOnly ? try ConsoleBenchmark.measureColdOpening(folder, today: SampleWorkspace.anchorDay)
                                               : try ConsoleBenchmark.measureOpening(folder, today: SampleWorkspace.anchorDay)
                    try Output.print(opening.description)
                }
                return
            }
            if keysOnly {
                let folder = try workspace.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? prepareGenerated(creators: creators, orders: orders)
                defer { if smoke && workspace == nil { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) } }
                try Output.print(ConsoleBenchmark.keepAttribution(folder))
                let opening = try ConsoleBenchmark.measureOpening(folder, today: SampleWorkspace.anchorDay)
                try Output.print(ConsoleBenchmark(workspace: opening.workspace, knownAttribution: opening.attribution, presses: smoke ? 20 : 200,
                                                  folder: folder, today: SampleWorkspace.anchorDay).run())
                return
            }
            if team {
                try Output.print(try TeamBenchmark.run(appendsPerWriter: smoke ? 10 : 200, changes: smoke ? 3 : 30))
                let base = smoke ? try SampleWorkspace.makeTemporaryFolder(prefix: "chorus-bench-import") : benchFolder
                defer { if smoke { try? FileManager.default.removeItem(at: base) } }
                try Output.print(try KeysDuringImportBenchmark.run(try ImportBenchmark.prepare(in: base, creators: creators, orders: orders, seed: seed)))
                return
            }
            let folder = try workspace.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? prepareGenerated(creators: creators, orders: orders)
            defer { if smoke && workspace == nil { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) } }
            try Output.print("chorus bench — \(folder.path)")
            #if DEBUG
            try Output.print("(a debug build: its timings say nothing; swift build -c release for real figures)")
            #endif
            try Output.print(ConsoleBenchmark.keepAttribution(folder))
            // The console's own path first, with the peak memory reset, so it is the console's own.
            let opening = try ConsoleBenchmark.measureOpening(folder, today: SampleWorkspace.anchorDay)
            try Output.print(opening.description)
            try Output.print("with nothing kept for this state (the first open after an import):\n"
                             + (try ConsoleBenchmark.measureColdOpening(folder, today: SampleWorkspace.anchorDay).description))
            let report = try StoreBenchmark.run(folder: folder.path, repetitions: smoke ? 1 : repetitions,
                                                includeJSONDecoderBaseline: !noBaseline, appends: smoke ? 20 : 500)
            try Output.print(report.description)
            try Output.print(ConsoleBenchmark(workspace: opening.workspace, knownAttribution: opening.attribution, presses: smoke ? 20 : 200, folder: folder,
                                              today: SampleWorkspace.anchorDay).run())
            try Output.print(ConsoleBenchmark.ledgerLine(opening.workspace, today: Clock.now.day))
            try Output.print(ConsoleBenchmark.figuresLine(opening.workspace, today: SampleWorkspace.anchorDay))
            try Output.print(try TeamBenchmark.run(appendsPerWriter: smoke ? 10 : 200, changes: smoke ? 3 : 30))
            if !noImport {
                let base = smoke ? try SampleWorkspace.makeTemporaryFolder(prefix: "chorus-bench-import") : benchFolder
                defer { if smoke { try? FileManager.default.removeItem(at: base) } }
                let imports = try ImportBenchmark.prepare(in: base, creators: creators, orders: orders, seed: seed)
                try Output.print(try imports.run(repetitions: smoke ? 1 : max(2, repetitions)))
                try Output.print(try KeysDuringImportBenchmark.run(imports))
            }
            if workspace == nil, !smoke {
                // The medium program (a tenth of the large one), opened the same way.
                let medium = try prepareGenerated(creators: creators / 10, orders: orders / 10)
                let firstFrames = try (0..<3).map { _ in try ConsoleBenchmark.measureOpening(medium, today: SampleWorkspace.anchorDay).firstFrame }
                try Output.print("medium workspace (\(creators / 10) creators, \(orders / 10) orders): open to first frame, best of 3: "
                             + Stopwatch.format(firstFrames.min()!))
            }
        }
    }

    /// Where generated workspaces are kept between runs.
    var benchFolder: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bench-workspaces")
    }

    private func prepareGenerated(creators: Int, orders: Int) throws -> URL {
        try prepareGenerated(creators: creators, orders: orders, in: smoke ? try SampleWorkspace.makeTemporaryFolder(prefix: "chorus-bench") : benchFolder)
    }

    func prepareGenerated(creators: Int, orders: Int, in base: URL) throws -> URL {
        let folder = base.appendingPathComponent("c\(creators)-o\(orders)-s\(seed)")
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("chorus.json").path) {
            Output.notice("reusing \(folder.path)")
            return folder
        }
        Output.notice("generating \(creators) creators and \(orders) orders in \(folder.path) …")
        let start = ContinuousClock.now
        let generated = SampleProgram.generate(options: GeneratorOptions(creators: creators, orders: orders, seed: seed,
                                                                         today: SampleWorkspace.anchorDay))
        try SampleWorkspace.prepareEmptyFolder(folder)
        try SampleWorkspace.write(generated: generated, to: folder)
        Output.notice("generated in \(Stopwatch.format(ContinuousClock.now - start))")
        return folder
    }
}

/// The bench's figures wired to the executable's own parts: its clock and person, its scratch
/// folders, `chorus import orders`, and the terminal's store session.
extension TeamBenchmark {
    /// On a fresh scratch folder, removed afterwards.
    static func run(appendsPerWriter: Int, changes: Int) throws -> String {
        let folder = try SampleWorkspace.makeTemporaryFolder(prefix: "chorus-bench-team")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try run(in: folder, appendsPerWriter: appendsPerWriter, changes: changes) { Clock.context }
    }
}

extension ImportBenchmark {
    static func prepare(in base: URL, creators: Int, orders: Int, seed: UInt64) throws -> ImportBenchmark {
        try prepare(in: base, creators: creators, orders: orders, seed: seed, today: SampleWorkspace.anchorDay, notice: Output.notice)
    }

    func run(repetitions: Int) throws -> String {
        try run(repetitions: repetitions) { file, store in
            let (input, name) = try FileImport.open(file)
            return try ImportOrdersCommand.apply(input, fileName: name, to: store, skipInvalid: false).parsed.rowCount
        }
    }
}

extension KeysDuringImportBenchmark {
    static func run(_ benchmark: ImportBenchmark) throws -> String {
        try run(benchmark, today: SampleWorkspace.anchorDay) { StoreSession(store: $0) }
    }
}
