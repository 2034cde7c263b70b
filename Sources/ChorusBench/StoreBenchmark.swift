import ChorusCore
import ChorusStore
import Foundation

/// Measures what the snapshot format was designed for, on a real workspace folder: opening
/// with the byte-level reader against Foundation's `JSONDecoder` on the same data, and the
/// latency of a synced journal append. `chorus bench` prints its report; figures depend on the
/// machine, so nothing here asserts a threshold.
public enum StoreBenchmark {
    public struct Report: Sendable, CustomStringConvertible {
        public var creators: Int
        public var orders: Int
        /// Bytes of the snapshot files the manifest names.
        public var snapshotBytes: Int
        /// Best of the repetitions: read-only open (read, decode, index, replay).
        public var openSeconds: Double
        /// The same collections as synthesized-`Codable` JSON, and the best time to decode them
        /// and build the `Workspace`; nil when the baseline was skipped.
        public var baselineBytes: Int?
        public var baselineSeconds: Double?
        /// Synced journal appends (perform + fdatasync), in seconds.
        public var appendP50: Double
        public var appendP99: Double

        public var description: String {
            var lines = [
                "workspace: \(creators) creators, \(orders) orders, snapshot \(megabytes(snapshotBytes))",
                "open (Chorus reader): \(milliseconds(openSeconds))",
            ]
            if let baselineSeconds, let baselineBytes {
                lines.append("open (JSONDecoder baseline, \(megabytes(baselineBytes))): \(milliseconds(baselineSeconds))"
                             + String(format: " — %.1f× slower", baselineSeconds / openSeconds))
            }
            lines.append("journal append with fdatasync: p50 \(milliseconds(appendP50)), p99 \(milliseconds(appendP99))")
            return lines.joined(separator: "\n")
        }

        private func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
        private func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
    }

    /// Seconds to write `workspace` as a snapshot generation, the work a background compaction
    /// does, into a scratch folder beside `folder` (same disk) that is removed afterwards.
    public static func snapshotWriteSeconds(_ workspace: Workspace, beside folder: String) throws -> Double {
        let scratch = folder + "-snapshot-bench-\(getpid())"
        let fileSystem = POSIXFileSystem()
        try fileSystem.createDirectory(at: scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let start = ContinuousClock.now
        _ = try Snapshot.writeFiles(workspace, to: scratch, generation: 1, fileSystem: fileSystem)
        return seconds(since: start)
    }

    /// Benchmarks the workspace in `folder` without changing it: opens are read-only, and the
    /// appends go to a scratch workspace created beside it (same disk) and removed afterwards.
    public static func run(folder: String, repetitions: Int = 3, includeJSONDecoderBaseline: Bool = true,
                           appends: Int = 200) throws -> Report {
        var best = Double.infinity
        var workspace: Workspace?
        for _ in 0..<max(1, repetitions) {
            workspace = nil  // free the previous copy first, so memory measures one workspace
            let start = ContinuousClock.now
            workspace = try WorkspaceStore.open(at: folder, mode: .readOnly).workspace
            best = min(best, seconds(since: start))
        }
        let opened = workspace!
        let manifest = try Manifest.decode(try POSIXFileSystem().readFile(at: folder + "/" + Manifest.fileName), file: folder)
        let snapshotBytes = manifest.files.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0)
        }
        var report = Report(creators: opened.creators.count, orders: opened.orders.count, snapshotBytes: snapshotBytes,
                            openSeconds: best, appendP50: 0, appendP99: 0)
        // Appends before the baseline: freeing its gigabytes can stall the disk for a moment.
        (report.appendP50, report.appendP99) = try appendLatencies(beside: folder, count: appends)
        if includeJSONDecoderBaseline {
            let data = try JSONEncoder().encode(BaselineSnapshot(opened))
            workspace = nil
            var baselineBest = Double.infinity
            for _ in 0..<max(1, repetitions) {
                let start = ContinuousClock.now
                _ = try JSONDecoder().decode(BaselineSnapshot.self, from: data).workspace
                baselineBest = min(baselineBest, seconds(since: start))
            }
            report.baselineBytes = data.count
            report.baselineSeconds = baselineBest
        }
        return report
    }

    private static func appendLatencies(beside folder: String, count: Int) throws -> (Double, Double) {
        let scratch = folder.hasSuffix("/") ? String(folder.dropLast()) + ".bench-\(getpid())" : folder + ".bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let currency = Currency.eur
        let sku = SKU(id: "SKU-BENCH", name: "Benchmark SKU", unitCost: Money(minorUnits: 100, currency: currency), stockOnHand: 1_000_000)
        let store = try WorkspaceStore.create(
            at: scratch, workspace: Workspace(program: Program(name: "Bench", brand: "Bench", currency: currency, landingURL: ""), skus: [sku]))
        defer { store.close() }
        var samples: [Double] = []
        for index in 0..<max(1, count) {
            let context = CommandContext(now: Timestamp(secondsSinceEpoch: 1_773_000_000 + Int64(index)), actor: "bench")
            let start = ContinuousClock.now
            try store.perform(.adjustStock(sku: sku.id, delta: 1, reason: "benchmark"), context: context)
            samples.append(seconds(since: start))
        }
        samples.sort()
        return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)])
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// The whole workspace as one synthesized-`Codable` document: what a store built on
/// `JSONDecoder` alone would read. Exists only as the benchmark's baseline.
private struct BaselineSnapshot: Codable {
    var program: Program, waves: [Wave], creators: [Creator], enrollments: [Enrollment], skus: [SKU]
    var shipments: [Shipment], submissions: [Submission], assets: [Asset], discountCodes: [DiscountCode]
    var trackingLinks: [TrackingLink], orders: [Order], surveyResponses: [SurveyResponse]

    init(_ workspace: Workspace) {
        program = workspace.program; waves = workspace.waves.rows; creators = workspace.creators.rows
        enrollments = workspace.enrollments.rows; skus = workspace.skus.rows; shipments = workspace.shipments.rows
        submissions = workspace.submissions.rows; assets = workspace.assets.rows; discountCodes = workspace.discountCodes.rows
        trackingLinks = workspace.trackingLinks.rows; orders = workspace.orders.rows; surveyResponses = workspace.surveyResponses.rows
    }

    var workspace: Workspace {
        Workspace(program: program, waves: waves, creators: creators, enrollments: enrollments, skus: skus, shipments: shipments,
                  submissions: submissions, assets: assets, discountCodes: discountCodes, trackingLinks: trackingLinks,
                  orders: orders, surveyResponses: surveyResponses)
    }
}
