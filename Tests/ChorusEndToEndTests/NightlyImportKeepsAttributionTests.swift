@testable import chorus
import ChorusCore
import ChorusGenerator
import ChorusInterchange
@testable import ChorusStore
import Foundation
import XCTest

/// A cron job imports last night's Shopify orders before anyone comes in, then a coordinator
/// opens the console and a manager runs the attribution report. In a workspace of many orders
/// the import folds its entry into a new snapshot, so the console's first frame does not wait
/// for every order to be read to replay it; and the import leaves attribution decided and kept for
/// the state it made, so the console shows the Leaderboard from that file and the report reads
/// it, instead of each reading every order to decide them again (15 s at ten million orders).
/// What they give is what deciding gives.
final class NightlyImportKeepsAttributionTests: XCTestCase {
    /// A program whose first orders are in the workspace and the rest are last night's.
    private static let program = SampleProgram.generate(options: GeneratorOptions(creators: 400, orders: 24_000, seed: 5,
                                                                                  today: SampleWorkspace.anchorDay))
    private var workspace: URL!
    private var nightly: URL!

    override func tearDownWithError() throws {
        for folder in [workspace, nightly].compactMap({ $0 }) { try? FileManager.default.removeItem(at: folder) }
    }

    /// The workspace with the program's first `ordersSoFar` orders (and the survey answers about
    /// them), and Shopify's export of the next `lastNight` as last night's file.
    private func programWithLastNightsExport(ordersSoFar: Int, lastNight: Int) throws -> URL {
        let program = Self.program
        let soFar = Array(program.orders.rows.prefix(ordersSoFar)), known = Set(soFar.map(\.id))
        let before = Workspace(program: program.program, waves: program.waves.rows, creators: program.creators.rows,
                               enrollments: program.enrollments.rows, skus: program.skus.rows, shipments: program.shipments.rows,
                               submissions: program.submissions.rows, assets: program.assets.rows,
                               discountCodes: program.discountCodes.rows, trackingLinks: program.trackingLinks.rows, orders: soFar,
                               surveyResponses: program.surveyResponses.rows.filter { known.contains($0.orderID) },
                               payoutRuns: program.payoutRuns.rows)
        workspace = try ChorusProcess.temporaryFolder()
        try WorkspaceStore.create(at: workspace.path, workspace: before).close()
        nightly = try ChorusProcess.temporaryFolder("chorus-e2e-nightly")
        try FileManager.default.createDirectory(at: nightly, withIntermediateDirectories: true)
        let file = nightly.appendingPathComponent("orders-last-night.csv")
        let orders = Array(program.orders.rows[ordersSoFar..<(ordersSoFar + lastNight)])
        try Data(ShopifyOrdersCSV.write(orders: orders, program: program.program)).write(to: file)
        return file
    }

    private func chorus(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try ChorusProcess.run(arguments + ["--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result.stdout
    }

    /// The files of kept decisions (the answers kept beside them are `keptAnswersFiles`).
    private var keptFiles: [String] { attributionFiles.filter { !$0.hasSuffix(".answers.json") } }

    /// The answers about ambiguous orders kept beside the decisions (`KeptAmbiguousAnswers`).
    private var keptAnswersFiles: [String] { attributionFiles.filter { $0.hasSuffix(".answers.json") } }

    private var attributionFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: workspace.path)) ?? []).filter { $0.hasPrefix(StoredAttribution.filePrefix) }.sorted()
    }

    /// The kept file's name for snapshot `generation` and the inputs after journal entry `sequence`.
    private func keptFile(generation: Int, sequence: Int) -> String { "attribution-r\(Attribution.rulesVersion)-\(generation)-\(sequence).json" }

    private func keptAnswersFile(generation: Int, sequence: Int) -> String {
        "attribution-r\(Attribution.rulesVersion)-\(generation)-\(sequence).answers.json"
    }

    private func decided() throws -> AttributionResult {
        let whole = try WorkspaceStore.open(at: workspace.path, mode: .readOnly)
        defer { whole.close() }
        let decided = Attribution.compute(whole.workspace)
        XCTAssertGreaterThan(decided.totals.count, 10, "the orders credit creators")
        return decided
    }

    private func assertSame(_ kept: AttributionResult, _ decided: AttributionResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(kept.credits, decided.credits, file: file, line: line)
        XCTAssertEqual(kept.totals, decided.totals, file: file, line: line)
        XCTAssertEqual(kept.counts, decided.counts, file: file, line: line)
    }

    /// The reports read from the kept files, against the same reports with nothing kept (decided).
    private func assertTheReportIsWhatDecidingGives(file: StaticString = #filePath, line: UInt = #line) throws {
        let formats = ["csv", "json"]
        let fromKept = try formats.map { try chorus("report", "attribution", "--format", $0, file: file, line: line) }
        for name in attributionFiles { try FileManager.default.removeItem(at: workspace.appendingPathComponent(name)) }
        for (format, kept) in zip(formats, fromKept) {
            XCTAssertEqual(try chorus("report", "attribution", "--format", format, file: file, line: line), kept, format, file: file, line: line)
        }
        XCTAssertEqual(attributionFiles, [], "a report reads; it keeps nothing", file: file, line: line)
    }

    func testLastNightsOrdersGoIntoANewSnapshotWithAttributionKeptForTheMorningsOpenAndReport() throws {
        let lastNight = try programWithLastNightsExport(ordersSoFar: 22_500, lastNight: 1_500)
        XCTAssertEqual(keptFiles, [], "nobody has opened the console yet")

        XCTAssertTrue(try chorus("import", "orders", lastNight.path).hasPrefix("imported orders: 1500 new, 0 updated, 0 unchanged"))

        XCTAssertEqual(keptFiles, [keptFile(generation: 2, sequence: 1)], "for the snapshot the import wrote, and only that")
        XCTAssertEqual(keptAnswersFiles, [keptAnswersFile(generation: 2, sequence: 1)], "with the answers about its ambiguous orders")
        // As the console opens: the orders are left to be read after the first frame, and the kept decisions before them.
        let opened = try WorkspaceStore.open(at: workspace.path, mode: .readOnly, deferringOrderHistory: true)
        defer { opened.close() }
        XCTAssertNotNil(opened.pendingOrderHistory, "nothing journaled since the snapshot needs the orders read to open")
        let kept = try XCTUnwrap(opened.keptAttributionRead?(), "nothing kept for the state the import left")
        XCTAssertTrue(opened.adopt(kept))
        assertSame(kept.result, try decided())
        try assertTheReportIsWhatDecidingGives()
    }

    func testASmallProgramsNightlyImportIsJournaledAndTheReportReadsWhatItKept() throws {
        let lastNight = try programWithLastNightsExport(ordersSoFar: 6_000, lastNight: 600)

        XCTAssertTrue(try chorus("import", "orders", lastNight.path).hasPrefix("imported orders: 600 new, 0 updated, 0 unchanged"))

        XCTAssertEqual(keptFiles, [keptFile(generation: 1, sequence: 1)], "journaled: still the first snapshot, and the import's entry")
        XCTAssertEqual(keptAnswersFiles, [], "answers are kept by position in the snapshot's files, which do not hold the import")
        let store = try WorkspaceStore.open(at: workspace.path, mode: .readOnly)
        defer { store.close() }
        assertSame(try store.attribution(), try decided())
        XCTAssertEqual(keptFiles.count, 1)
        try assertTheReportIsWhatDecidingGives()
    }

    func testABigImportKeepsItForTheNewSnapshot() throws {
        let lastNight = try programWithLastNightsExport(ordersSoFar: 4_000, lastNight: 12_000)

        XCTAssertTrue(try chorus("import", "orders", lastNight.path).hasPrefix("imported orders: 12000 new"))

        XCTAssertEqual(keptFiles, [keptFile(generation: 2, sequence: 1)])
        let opened = try WorkspaceStore.open(at: workspace.path, mode: .readOnly, deferringOrderHistory: true)
        defer { opened.close() }
        assertSame(try XCTUnwrap(opened.keptAttributionRead?()).result, try decided())
    }

    func testAnImportThatChangesNothingCreditedLeavesTheKeptFileAlone() throws {
        let lastNight = try programWithLastNightsExport(ordersSoFar: 22_500, lastNight: 1_500)
        _ = try chorus("import", "orders", lastNight.path)
        let kept = try XCTUnwrap(keptFiles.first)
        let before = try FileManager.default.attributesOfItem(atPath: workspace.appendingPathComponent(kept).path)

        XCTAssertTrue(try chorus("import", "orders", lastNight.path).hasPrefix("imported orders: 0 new, 0 updated, 1500 unchanged"),
                      "the same file again")

        XCTAssertEqual(keptFiles, [kept])
        let after = try FileManager.default.attributesOfItem(atPath: workspace.appendingPathComponent(kept).path)
        XCTAssertEqual(after[.systemFileNumber] as? Int, before[.systemFileNumber] as? Int, "not decided and written again")
        XCTAssertEqual(after[.modificationDate] as? Date, before[.modificationDate] as? Date)
    }

    /// `chorus generate` writes a big program whole; its first open shows the Leaderboard from
    /// attribution decided as it was written, instead of reading every order to decide it.
    func testAGeneratedProgramOpensWithAttributionKeptForIt() throws {
        workspace = try ChorusProcess.temporaryFolder()
        let made = try ChorusProcess.run(["generate", "--out", workspace.path, "--creators", "300", "--orders", "6000", "--seed", "5"])
        XCTAssertEqual(made.status, 0, made.stderr)

        XCTAssertEqual(keptFiles, [keptFile(generation: 1, sequence: 0)], "for the snapshot it wrote")
        XCTAssertEqual(keptAnswersFiles, [keptAnswersFile(generation: 1, sequence: 0)])
        let opened = try WorkspaceStore.open(at: workspace.path, mode: .readOnly, deferringOrderHistory: true)
        defer { opened.close() }
        assertSame(try XCTUnwrap(opened.keptAttributionRead?(), "nothing kept for the generated state").result, try decided())
    }
}
