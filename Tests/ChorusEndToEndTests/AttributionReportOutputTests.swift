import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// `chorus report attribution` writes its CSV and JSON as it goes (a report of a million orders
/// names millions of creators). Read back the way scripts read it — JSON with
/// JSONSerialization, CSV with Python's `csv` module — it must say exactly what the figures
/// worked out the plain way say: every credit added up per creator, every ambiguous answer
/// matched again. Random generated programs, with handles a spreadsheet or a JSON writer
/// could trip over.
final class AttributionReportOutputTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try ChorusProcess.temporaryFolder("chorus-report-output")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testTheReportSaysWhatThePlainSumsSayOnRandomPrograms() throws {
        var ambiguousSeen = 0
        for seed in (0..<3).map({ _ in UInt64.random(in: 1...1_000_000) }) {
            let workspace = try program(seed: seed)
            let expected = try plainReport(of: workspace)
            ambiguousSeen += expected.ambiguous.count

            let json = try chorus(["report", "attribution", "--format", "json", "-w", workspace.path])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let plainJSON = String(decoding: try encoder.encode(expected), as: UTF8.self) + "\n"
            XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary,
                           try JSONSerialization.jsonObject(with: Data(plainJSON.utf8)) as? NSDictionary, "seed \(seed)")
            // Laid out as before too, so a diff against yesterday's report shows only changed figures.
            XCTAssertEqual(json, plainJSON, "seed \(seed)")
            // Beside attribution kept for the workspace's state it reads no whole order, and says the same.
            try keepAttribution(in: workspace)
            XCTAssertEqual(try chorus(["report", "attribution", "--format", "json", "-w", workspace.path]), plainJSON, "seed \(seed), kept")

            let rows = [expected.total] + expected.otherOrders
            let plainCells = [ExpectedReport.Row.columns] + (expected.creators + rows).map(\.cells)
            XCTAssertEqual(try pythonCSV(chorus(["report", "attribution", "--format", "csv", "--raw", "-w", workspace.path])),
                           plainCells, "seed \(seed)")
            let guarded = try pythonCSV(chorus(["report", "attribution", "--format", "csv", "-w", workspace.path]))
            let tricky = try XCTUnwrap(guarded.first { $0[1].contains("SUM") }, "seed \(seed)")
            XCTAssertEqual(tricky[1], "'" + Self.trickyHandle, "a spreadsheet shows the handle instead of running it")
        }
        XCTAssertGreaterThan(ambiguousSeen, 0, "the programs have survey answers naming several creators")
    }

    func testOneWaveOnlyCountsThatWavesOrders() throws {
        let workspace = try program(seed: UInt64.random(in: 1...1_000_000))
        let store = try WorkspaceStore.open(at: workspace.path, mode: .readOnly)
        let wave = try XCTUnwrap(store.workspace.waves.rows.first)
        store.close()
        let expected = try plainReport(of: workspace, wave: wave.id)
        let json = try chorus(["report", "attribution", "--format", "json", "--wave", wave.id.rawValue, "-w", workspace.path])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        XCTAssertEqual(json, String(decoding: try encoder.encode(expected), as: UTF8.self) + "\n")
        try keepAttribution(in: workspace)
        XCTAssertEqual(try chorus(["report", "attribution", "--format", "json", "--wave", wave.id.rawValue, "-w", workspace.path]), json, "kept")
        XCTAssertTrue(json.contains("\"wave\" : \"\(wave.id.rawValue)\""))
    }

    // MARK: - The program and the plain figures

    /// `=SUM(1),"x"\ü/`: a formula, a comma, quotes, a backslash, a slash and an accent.
    static let trickyHandle = "=SUM(1),\"x\"\\ü/"

    /// A generated program in which three creators credited by their codes have handles that
    /// need quoting or escaping (a code credits whatever the handle says).
    private func program(seed: UInt64) throws -> URL {
        let generated = scratch.appendingPathComponent("generated-\(seed)")
        _ = try chorus(["generate", "--creators", "300", "--orders", "4000", "--seed", String(seed), "--out", generated.path])
        let store = try WorkspaceStore.open(at: generated.path, mode: .readOnly)
        defer { store.close() }
        try store.finishLoadingOrderHistory()
        let workspace = store.workspace
        var creators = workspace.creators.rows
        let byCode = Attribution.compute(workspace).credits.filter { $0.outcome == .directByCode }.compactMap { $0.creatorPosition.index }
        let renamed = Array(Set(byCode)).sorted().prefix(3)
        XCTAssertEqual(renamed.count, 3, "seed \(seed): creators credited by their codes")
        for (position, handle) in zip(renamed, [Self.trickyHandle, "zoë,\"quoted\"", "名前"]) { creators[position].handle = handle }
        let folder = scratch.appendingPathComponent("program-\(seed)")
        try WorkspaceStore.create(at: folder.path, workspace: Workspace(
            program: workspace.program, waves: workspace.waves.rows, creators: creators, enrollments: workspace.enrollments.rows,
            skus: workspace.skus.rows, shipments: workspace.shipments.rows, submissions: workspace.submissions.rows,
            assets: workspace.assets.rows, discountCodes: workspace.discountCodes.rows, trackingLinks: workspace.trackingLinks.rows,
            orders: workspace.orders.rows, surveyResponses: workspace.surveyResponses.rows, payoutRuns: workspace.payoutRuns.rows)).close()
        return folder
    }

    /// The report worked out the plain way: each order's credit added to its creator, and each
    /// ambiguous order's answers matched again, in file order.
    private func plainReport(of folder: URL, wave: WaveID? = nil) throws -> ExpectedReport {
        let store = try WorkspaceStore.open(at: folder.path, mode: .readOnly)
        defer { store.close() }
        try store.finishLoadingOrderHistory()
        let workspace = store.workspace
        let result = Attribution.compute(workspace)
        let wavePosition = wave.flatMap { id in workspace.waves.rows.firstIndex { $0.id == id } }
        let money = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: workspace.program.currency).decimalString }
        var sums: [Int: (direct: Int, directNet: Int64, assisted: Int, assistedNet: Int64)] = [:]
        var counts: [AttributionResult.Outcome: (orders: Int, net: Int64)] = [:]
        var ambiguousOrders: [Int] = []
        for (index, credit) in result.credits.enumerated() where wavePosition.map({ credit.wavePosition.index == $0 }) ?? true {
            let net = credit.outcome == .notCounted ? 0 : workspace.orders[index].netRevenue.minorUnits
            counts[credit.outcome, default: (0, 0)].orders += 1
            counts[credit.outcome, default: (0, 0)].net += net
            let creator = credit.creatorPosition.index ?? -1
            switch credit.outcome {
            case .directByCode, .directByLink:
                sums[creator, default: (0, 0, 0, 0)].direct += 1
                sums[creator, default: (0, 0, 0, 0)].directNet += net
            case .assistedBySurvey:
                sums[creator, default: (0, 0, 0, 0)].assisted += 1
                sums[creator, default: (0, 0, 0, 0)].assistedNet += net
            case .ambiguous: ambiguousOrders.append(index)
            default: break
            }
        }
        let row = { (kind: String, handle: String?, sum: (direct: Int, directNet: Int64, assisted: Int, assistedNet: Int64)) in
            ExpectedReport.Row(kind: kind, handle: handle, directOrders: sum.direct, directNetRevenue: money(sum.directNet),
                               assistedOrders: sum.assisted, assistedNetRevenue: money(sum.assistedNet), orders: sum.direct + sum.assisted,
                               netRevenue: money(sum.directNet + sum.assistedNet))
        }
        let ranked = sums.sorted { lhs, rhs in
            lhs.value.directNet != rhs.value.directNet ? lhs.value.directNet > rhs.value.directNet
                : workspace.creators[lhs.key].handle < workspace.creators[rhs.key].handle
        }
        let total = sums.values.reduce((0, Int64(0), 0, Int64(0))) { ($0.0 + $1.direct, $0.1 + $1.directNet, $0.2 + $1.assisted, $0.3 + $1.assistedNet) }
        let labels: [(AttributionResult.Outcome, String)] = [(.paidOrAffiliate, "paid/affiliate"), (.unattributed, "unattributed"),
                                                              (.ambiguous, "ambiguous"), (.notCounted, "cancelled/void")]
        let mentions = CreatorMentions(workspace.creators.rows)
        let answered = SurveyAnswerOrders(workspace)
        let ambiguous = ambiguousOrders.map { index in
            let order = workspace.orders[index].id
            let texts = workspace.surveyResponses.rows.filter { answered.order($0.orderID) == order }.flatMap { [$0.response, $0.other].compactMap { $0 } }
            return ExpectedReport.Ambiguous(orderId: order.rawValue,
                                            handles: mentions.creators(namedIn: texts).compactMap { $0.index.map { workspace.creators[$0].handle } })
        }
        return ExpectedReport(currency: workspace.program.currency.code, wave: wave?.rawValue,
                              creators: ranked.map { row("creator", workspace.creators[$0.key].handle, $0.value) },
                              total: row("total", nil, total),
                              otherOrders: labels.map { outcome, label in
                                  ExpectedReport.Row(kind: label, orders: counts[outcome]?.orders ?? 0, netRevenue: money(counts[outcome]?.net ?? 0))
                              },
                              ambiguous: ambiguous)
    }

    /// Keeps attribution beside the snapshot, as a console does once it has shown it.
    private func keepAttribution(in folder: URL) throws {
        let store = try WorkspaceStore.open(at: folder.path, mode: .readWrite)
        store.remember(Attribution.compute(store.workspace))
        store.close()
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix("attribution-") })
    }

    // MARK: - Running and reading

    private func chorus(_ arguments: [String]) throws -> String {
        let result = try ChorusProcess.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// The rows Python's `csv.reader` reads from `text`.
    private func pythonCSV(_ text: String) throws -> [[String]] {
        let file = scratch.appendingPathComponent("report-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        let script = "import csv, json, sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        let read = try Spawn.run("/usr/bin/env", ["python3", "-c", script, file.path])
        XCTAssertEqual(read.status, 0, String(decoding: read.stderr, as: UTF8.self))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: read.stdout) as? [[String]])
    }
}

/// The report's documented shape (README, `chorus report attribution --help`), encoded by
/// Foundation as the command did before it wrote its output itself.
private struct ExpectedReport: Encodable {
    struct Row: Encodable {
        var kind: String
        var handle: String?
        var directOrders: Int?
        var directNetRevenue: String?
        var assistedOrders: Int?
        var assistedNetRevenue: String?
        var orders: Int
        var netRevenue: String

        static let columns = ["kind", "handle", "direct_orders", "direct_net_revenue", "assisted_orders", "assisted_net_revenue",
                              "orders", "net_revenue"]
        var cells: [String] {
            [kind, handle ?? "", directOrders.map(String.init) ?? "", directNetRevenue ?? "",
             assistedOrders.map(String.init) ?? "", assistedNetRevenue ?? "", String(orders), netRevenue]
        }
    }

    struct Ambiguous: Encodable {
        var orderId: String
        var handles: [String]
    }

    var currency: String
    var wave: String?
    var creators: [Row]
    var total: Row
    var otherOrders: [Row]
    var ambiguous: [Ambiguous]
}
