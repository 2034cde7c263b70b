import ChorusBench
import Foundation

/// `chorus bench --peers` and `--scale`: the figures beside DuckDB and Python on the same data,
/// and their growth with the workspace's size (the measuring is in ChorusBench; this wires in
/// what the executable owns: generating workspaces and opening the console).
extension BenchCommand {
    func runBesidePeers(creators: Int, orders: Int) throws {
        let base = smoke ? try SampleWorkspace.makeTemporaryFolder(prefix: "chorus-bench-peers") : benchFolder
        defer { if smoke { try? FileManager.default.removeItem(at: base) } }
        let chorus = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if peers {
            let folder = try workspace.map { URL(fileURLWithPath: $0).standardizedFileURL }
                ?? prepareGenerated(creators: creators, orders: orders, in: base)
            try Output.print("chorus bench --peers — \(folder.path)")
            try Output.print(ConsoleBenchmark.keepAttribution(folder))
            let opening = try ConsoleBenchmark.measureOpening(folder, today: SampleWorkspace.anchorDay)
            try Output.print("open to first frame: " + ConsoleBenchmark.Opening.describe(opening.picture, opening.keysAnswered) + "; peak memory (RSS) with everything loaded: "
                             + "\(opening.peakResidentMegabytes) MB (target: 450 MB)")
            let imports = noImport ? nil : try ImportBenchmark.prepare(in: base, creators: creators, orders: orders, seed: seed)
            let benchmark = PeerBenchmark(workspace: folder, base: base, chorus: chorus, repetitions: smoke ? 1 : repetitions,
                                          importFiles: imports.map { ($0.ordersFile, $0.creatorsOnly) })
            try Output.print(try benchmark.run(log: Output.notice))
        }
        if scale {
            let sizes = smoke ? [ScaleBenchmark.Size(creators: creators, orders: orders), ScaleBenchmark.Size(creators: creators * 2, orders: orders * 3)]
                : ScaleBenchmark.standard + (includeTenMillion ? [ScaleBenchmark.largest] : [])
            let growth = ScaleBenchmark(sizes: sizes, base: base, chorus: chorus)
            try Output.print(try growth.run(prepare: { size in
                let folder = try prepareGenerated(creators: size.creators, orders: size.orders, in: base)
                Output.notice(ConsoleBenchmark.keepAttribution(folder))
                return folder
            }, opening: { folder in
                let opening = try ConsoleBenchmark.measureOpening(folder, today: SampleWorkspace.anchorDay)
                return (Stopwatch.seconds(opening.firstFrame), Stopwatch.seconds(opening.keysAnswered), Stopwatch.seconds(opening.ledgerReady),
                        opening.peakResidentMegabytes)
            }, log: Output.notice))
        }
    }
}
