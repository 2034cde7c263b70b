import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation

/// `chorus bench --peers`: Chorus beside DuckDB (and Python's csv reader) on the same generated
/// data in the same run, each target printed as measured / peer / ratio. Every program is run
/// from outside and measured the same way (`MeasuredRun`), so the ratios hold on a busy machine.
///
/// DuckDB reads the workspace's attribution inputs exported as CSV (`PeerData`, written once
/// and not timed) and computes the same per-creator figures as `chorus report attribution`;
/// the bench checks that the two agree, so a fast peer cannot be fast by being wrong.
public struct PeerBenchmark {
    public var workspace: URL
    /// Where the DuckDB environment and the exported data are kept between runs.
    public var base: URL
    /// The `chorus` executable measured.
    public var chorus: String
    public var repetitions: Int
    /// The Shopify order export and the workspace without orders it is imported into.
    public var importFiles: (orders: URL, creatorsOnly: URL)?

    public init(workspace: URL, base: URL, chorus: String, repetitions: Int, importFiles: (orders: URL, creatorsOnly: URL)?) {
        self.workspace = workspace
        self.base = base
        self.chorus = chorus
        self.repetitions = repetitions
        self.importFiles = importFiles
    }

    public func run(log: (String) -> Void) throws -> String {
        let duckDB = try DuckDBPeer.prepare(in: base, log: log)
        let data = PeerData(folder: base.appendingPathComponent("peers-" + workspace.lastPathComponent))
        let (orders, compute, medium, paid) = try Self.measureCompute(workspace, exportingTo: data, log: log)
        let scratch = data.folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let chorusCSV = scratch.appendingPathComponent("chorus-attribution.csv"), peerCSV = scratch.appendingPathComponent("duckdb-attribution.csv")
        let peer = try duckDB.attribute(data, creatorMedium: medium, paidMediums: paid, output: peerCSV, repetitions: repetitions)
        let report = { (format: String, file: String) in
            try MeasuredRun.best(of: repetitions, [chorus, "report", "attribution", "--format", format, "-w", workspace.path],
                                 outputFile: scratch.appendingPathComponent(file))
        }
        let csv = try report("csv", chorusCSV.lastPathComponent)
        let json = try report("json", "chorus-attribution.json")
        let ledger = try MeasuredRun.best(of: repetitions, [chorus, "export", "ledger", "--format", "csv", "--force", "-o",
                                                            scratch.appendingPathComponent("ledger.csv").path, "-w", workspace.path])
        var table = PeerTable(peer: "DuckDB")
        table.add("attribution compute, \(orders) orders (peer: its crediting step)", chorus: compute, peer: peer.creditSeconds)
        table.add("report attribution --format csv, end to end", chorus: csv, peer: peer.run)
        table.add("report attribution --format json, end to end", chorus: json, peer: peer.run)
        table.add("export ledger --format csv, end to end", chorus: ledger, peer: peer.run)
        var lines = ["beside peers, best of \(max(1, repetitions)) (ratio: Chorus ÷ peer, below 1 is better; DuckDB reads "
                     + String(format: "%.1f MB", Double(data.byteCount) / 1_000_000) + " of exported CSV, timed from reading it):"]
        lines += table.lines
        lines.append("  " + (try Self.agreement(chorus: chorusCSV, peer: peerCSV)))
        if let importFiles { lines += try importLines(importFiles, duckDB: duckDB) }
        return lines.joined(separator: "\n")
    }

    /// Exports the workspace for the peer when not done yet, and times `Attribution.compute`
    /// in this process, best of `times`. The workspace is closed again before anything else runs.
    static func measureCompute(_ folder: URL, exportingTo data: PeerData, times: Int = 3, log: (String) -> Void) throws
        -> (orders: Int, seconds: Double, creatorMedium: String, paidMediums: [String]) {
        let store = try WorkspaceStore.open(at: folder.path, mode: .readOnly)
        defer { store.close() }
        try store.finishLoadingOrderHistory()
        let workspace = store.workspace
        if !data.isComplete {
            log("exporting the workspace's orders, codes, creators and survey answers for DuckDB to \(data.folder.path) …")
            try data.write(workspace)
        }
        var best = Duration.seconds(1_000)
        for _ in 0..<max(1, times) {
            let start = ContinuousClock.now
            _ = Attribution.compute(workspace)
            best = min(best, ContinuousClock.now - start)
        }
        return (workspace.orders.count, best.seconds, workspace.program.settings.creatorMedium, workspace.program.settings.paidMediums)
    }

    /// `chorus import orders` into a copy of the workspace without orders, against DuckDB's
    /// `read_csv` into a table and Python's `csv.reader`, all reading the same export.
    private func importLines(_ files: (orders: URL, creatorsOnly: URL), duckDB: DuckDBPeer) throws -> [String] {
        let scratch = files.creatorsOnly.deletingLastPathComponent().appendingPathComponent("peers-import-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var chorusImport: MeasuredRun?, toDurable = Double.infinity
        for _ in 0..<max(1, repetitions) {
            try? FileManager.default.removeItem(at: scratch)
            try FileManager.default.copyItem(at: files.creatorsOnly, to: scratch)
            let run = try MeasuredRun.run([chorus, "import", "orders", files.orders.path, "-w", scratch.path])
            if chorusImport.map({ run.seconds < $0.seconds }) ?? true { chorusImport = run }
            toDurable = min(toDurable, run.firstOutputSeconds ?? run.seconds)
        }
        let readCSV = try duckDB.readCSV(files.orders, repetitions: repetitions)
        let python = try MeasuredRun.best(of: repetitions, ["/usr/bin/env", "python3", "-c", """
            import csv, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                for row in csv.reader(f): pass
            """, files.orders.path])
        let megabytes = ((try? FileManager.default.attributesOfItem(atPath: files.orders.path)[.size] as? Int) ?? 0) / 1_000_000
        // Durable when it prints its summary; what it does after (attribution decided and kept
        // for the next open) is in the whole run's time, the second line.
        var duckTable = PeerTable(peer: "DuckDB")
        duckTable.add("import orders, \(megabytes) MB, to durable (peer: read_csv into a table)",
                      chorus: toDurable, peer: readCSV.seconds)
        duckTable.add("  to exit, attribution kept for the next open", chorus: chorusImport!, peer: readCSV)
        var pythonTable = PeerTable(peer: "Python")
        pythonTable.add("import orders, to durable (peer: csv.reader reading the file)",
                        chorus: toDurable, peer: python.seconds)
        return duckTable.lines + pythonTable.lines
    }

    /// Whether DuckDB's per-creator figures are Chorus's: same creators, orders and net revenue.
    static func agreement(chorus: URL, peer: URL) throws -> String {
        let ours = try figures(chorus, amountsInMinorUnits: false), theirs = try figures(peer, amountsInMinorUnits: true)
        let differing = Set(ours.keys).union(theirs.keys).filter { ours[$0] != theirs[$0] }.sorted()
        guard let first = differing.first else {
            return "DuckDB's per-creator figures are Chorus's: the same \(ours.count) creators, orders and net revenue"
        }
        let show = { (figures: [Int64]?) in figures.map { $0.map(String.init).joined(separator: "/") } ?? "none" }
        return "DuckDB's per-creator figures differ from Chorus's for \(differing.count) of \(max(ours.count, theirs.count)) creators, "
            + "e.g. @\(first): Chorus \(show(ours[first])), DuckDB \(show(theirs[first])) (direct orders/net, assisted orders/net)"
    }

    /// Creator rows of a report CSV: handle → direct orders, direct net, assisted orders,
    /// assisted net (minor units). Chorus writes amounts as decimals, DuckDB in minor units.
    private static func figures(_ file: URL, amountsInMinorUnits: Bool) throws -> [String: [Int64]] {
        var reader = CSVReader(bytes: Array(try Data(contentsOf: file)), fileName: file.lastPathComponent)
        _ = try reader.next()
        var rows: [String: [Int64]] = [:]
        let amount = { (text: String) -> Int64 in
            amountsInMinorUnits ? Int64(text) ?? 0 : Int64(text.replacingOccurrences(of: ".", with: "")) ?? 0
        }
        while let record = try reader.next() {
            guard record.count >= 6, record[0] == "creator" else { continue }
            rows[record[1]] = [Int64(record[2]) ?? 0, amount(record[3]), Int64(record[4]) ?? 0, amount(record[5])]
        }
        return rows
    }
}
