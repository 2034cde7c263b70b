import Foundation

/// `chorus bench --scale`: the same figures at growing sizes, one run each, to show whether
/// they grow in step with the data (the targets ask for linear growth up to a million
/// creators and ten million orders). DuckDB's end-to-end time on each size is printed beside
/// the report's when it is available.
public struct ScaleBenchmark {
    public struct Size: Sendable {
        public var creators: Int
        public var orders: Int

        public init(creators: Int, orders: Int) {
            self.creators = creators
            self.orders = orders
        }

        var label: String { "\(Self.short(creators)) / \(Self.short(orders))" }

        private static func short(_ count: Int) -> String {
            count >= 1_000_000 && count % 1_000_000 == 0 ? "\(count / 1_000_000)M" : count >= 1_000 && count % 1_000 == 0 ? "\(count / 1_000)k" : "\(count)"
        }
    }

    /// What `--scale` measures; `largest` only when asked (generating it takes long).
    public static let standard = [Size(creators: 100_000, orders: 1_000_000), Size(creators: 200_000, orders: 3_000_000)]
    public static let largest = Size(creators: 1_000_000, orders: 10_000_000)

    /// The console's opening, measured by the executable (it owns the console): its first frame
    /// (a preview at a big workspace), when keys are answered on the opened workspace, and when
    /// the Leaderboard and Ledger are ready (from the attribution kept for the workspace's state).
    public typealias Opening = (firstFrameSeconds: Double, keysAnsweredSeconds: Double, leaderboardSeconds: Double, peakMegabytes: Int)

    public var sizes: [Size]
    public var base: URL
    public var chorus: String

    public init(sizes: [Size], base: URL, chorus: String) {
        self.sizes = sizes
        self.base = base
        self.chorus = chorus
    }

    /// `prepare` generates or reuses the workspace of a size (keeping its attribution);
    /// `opening` opens it as the console does.
    public func run(prepare: (Size) throws -> URL, opening: (URL) throws -> Opening, log: (String) -> Void) throws -> String {
        let duckDB: DuckDBPeer?
        do { duckDB = try DuckDBPeer.prepare(in: base, log: log) } catch {
            log("DuckDB is not available, so its column stays empty: \(error)")
            duckDB = nil
        }
        var lines = ["growth, one run each (Leaderboard: from opening the console until it shows, from attribution kept for the "
                     + "state; attribution: computed in the process, and per million orders; report: "
                     + "chorus report attribution --format csv, end to end):",
                     "  " + [("workspace", 16), ("first frame", 14), ("keys answered", 15), ("Leaderboard", 13), ("open RSS", 11), ("attribution", 22),
                             ("report", 20), ("DuckDB", 0)]
                        .map { Self.pad($0.0, $0.1) }.joined()]
        for size in sizes {
            let folder = try prepare(size)
            let opened = try opening(folder)
            let data = PeerData(folder: base.appendingPathComponent("peers-" + folder.lastPathComponent))
            let (orders, compute, medium, paid) = try PeerBenchmark.measureCompute(folder, exportingTo: data, times: 1, log: log)
            let report = try MeasuredRun.run([chorus, "report", "attribution", "--format", "csv", "-w", folder.path],
                                             outputFile: data.folder.appendingPathComponent("chorus-attribution.csv"))
            let peer = try duckDB?.attribute(data, creatorMedium: medium, paidMediums: paid,
                                             output: data.folder.appendingPathComponent("duckdb-attribution.csv"), repetitions: 1)
            let perMillion = orders > 0 ? compute * 1_000_000 / Double(orders) : 0
            lines.append("  " + [
                (size.label, 16), (String(format: "%.2f s", opened.firstFrameSeconds), 14),
                (String(format: "%.2f s", opened.keysAnsweredSeconds), 15), (String(format: "%.2f s", opened.leaderboardSeconds), 13),
                ("\(opened.peakMegabytes) MB", 11),
                (String(format: "%.2f s (%.2f s/M)", compute, perMillion), 22),
                (String(format: "%.2f s, %d MB", report.seconds, report.peakMegabytes), 20),
                (peer.map { String(format: "%.2f s, %d MB", $0.run.seconds, $0.run.peakMegabytes) } ?? "—", 0),
            ].map { Self.pad($0.0, $0.1) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        width == 0 ? text : text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
