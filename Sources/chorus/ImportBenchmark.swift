import ChorusCore
import ChorusGenerator
import ChorusStore
import Foundation

/// `chorus import orders` on the large program's Shopify export, from reading the file to a
/// durable snapshot, against Python's `csv.DictReader` only reading the same file, measured in
/// the same run: the ratio is what the target is about, and it holds on a noisy machine.
struct ImportBenchmark {
    /// Holds `files/shopify-orders.csv` and `creators-only/`, the program without its orders.
    let folder: URL

    var ordersFile: URL { folder.appendingPathComponent("files/shopify-orders.csv") }
    var creatorsOnly: URL { folder.appendingPathComponent("creators-only") }

    /// Generates the export and the workspace it is imported into, once per size and seed.
    static func prepare(in base: URL, creators: Int, orders: Int, seed: UInt64) throws -> ImportBenchmark {
        let benchmark = ImportBenchmark(folder: base.appendingPathComponent("import-c\(creators)-o\(orders)-s\(seed)"))
        if FileManager.default.fileExists(atPath: benchmark.creatorsOnly.appendingPathComponent("chorus.json").path),
           FileManager.default.fileExists(atPath: benchmark.ordersFile.path) {
            return benchmark
        }
        Output.notice("generating the order export of \(orders) orders in \(benchmark.folder.path) …")
        try? FileManager.default.removeItem(at: benchmark.folder)
        let generated = SampleProgram.generate(options: GeneratorOptions(creators: creators, orders: orders, seed: seed,
                                                                         today: SampleWorkspace.anchorDay))
        _ = try SampleFiles.write(workspace: generated, to: benchmark.folder.appendingPathComponent("files"))
        let withoutOrders = Workspace(
            program: generated.program, waves: generated.waves.rows, creators: generated.creators.rows, enrollments: generated.enrollments.rows,
            skus: generated.skus.rows, shipments: generated.shipments.rows, submissions: generated.submissions.rows, assets: generated.assets.rows,
            discountCodes: generated.discountCodes.rows, trackingLinks: generated.trackingLinks.rows, orders: [], surveyResponses: [],
            payoutRuns: generated.payoutRuns.rows)
        try WorkspaceStore.create(at: benchmark.creatorsOnly.path, workspace: withoutOrders).close()
        return benchmark
    }

    /// Imports the export into a fresh copy of the creators-only workspace, twice, each time
    /// after Python has read the same file, and reports each pair.
    func run(repetitions: Int) throws -> String {
        let megabytes = ((try? FileManager.default.attributesOfItem(atPath: ordersFile.path)[.size] as? Int) ?? 0) / 1_000_000
        var lines: [String] = []
        var rows = 0
        for _ in 0..<max(1, repetitions) {
            let python = pythonReadSeconds()
            let chorus: Double
            (chorus, rows) = try importSeconds()
            let ratio = python.map { $0 >= chorus ? String(format: "%.1f× faster", $0 / chorus) : String(format: "%.1f× slower", chorus / $0) }
                ?? "python3 not found, no baseline"
            lines.append("  chorus \(String(format: "%.2f s", chorus)), python \(python.map { String(format: "%.2f s", $0) } ?? "—"): \(ratio)")
        }
        return (["import \(rows) Shopify order rows (\(megabytes) MB) into the program's creators, start to durable snapshot, "
                 + "against Python's csv.DictReader reading the same file:"] + lines).joined(separator: "\n")
    }

    /// `chorus import orders`'s own code, timed from reading the file to the snapshot on disk.
    private func importSeconds() throws -> (seconds: Double, rows: Int) {
        let scratch = folder.appendingPathComponent("scratch-\(getpid())")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.copyItem(at: creatorsOnly, to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let start = ContinuousClock.now
        var bytes: [UInt8], name: String
        (bytes, name) = try FileImport.read(ordersFile.path)
        let store = try WorkspaceStore.open(at: scratch.path)
        defer { store.close() }
        let imported = try ImportOrdersCommand.apply(&bytes, fileName: name, to: store, skipInvalid: false)
        return (Stopwatch.seconds(ContinuousClock.now - start), imported.parsed.rowCount)
    }

    /// Seconds for `python3` to read every row with `csv.DictReader`; nil without python3.
    private func pythonReadSeconds() -> Double? {
        let script = """
        import csv, sys
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
            for row in csv.DictReader(f): pass
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, ordersFile.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Stopwatch.seconds(ContinuousClock.now - start)
    }
}
