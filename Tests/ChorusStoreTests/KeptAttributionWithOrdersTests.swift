import ChorusCore
import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// `chorus report attribution --format csv` and `chorus export ledger` read only the orders
/// beside the attribution kept for the workspace's state: not the survey answers, not an index
/// of the orders. On random programs, what they add up must be what computing everything gives,
/// for the whole program and for each wave, and without a fitting file they compute as before.
final class KeptAttributionWithOrdersTests: XCTestCase {
    private let today = Day(year: 2026, month: 3, day: 16)!

    /// A random program saved with its attribution kept, and the program itself.
    private func keptProgram(_ name: String = #function) throws -> (folder: String, workspace: Workspace) {
        let seed = UInt64.random(in: 1...1_000_000)
        let workspace = SampleProgram.generate(options: GeneratorOptions(creators: 150, orders: 2_500, seed: seed, today: today))
        let folder = StoreFixtures.temporaryFolder(name + "\(seed)")
        let store = try WorkspaceStore.create(at: folder, workspace: workspace)
        store.remember(Attribution.compute(store.workspace))
        store.close()
        return (folder, workspace)
    }

    private func assertSameFigures(_ found: (result: AttributionResult, orders: [Order]), _ workspace: Workspace, wave: WaveID?,
                                   file: StaticString = #filePath, line: UInt = #line) {
        let computed = Attribution.compute(workspace, wave: wave)
        XCTAssertEqual(found.orders, workspace.orders.rows, file: file, line: line)
        XCTAssertEqual(found.result.credits, computed.credits, file: file, line: line)
        XCTAssertEqual(found.result.totals, computed.totals, file: file, line: line)
        XCTAssertEqual(found.result.counts, computed.counts, file: file, line: line)
        XCTAssertEqual(found.result.revenue, computed.revenue, file: file, line: line)
    }

    func testAKeptFileIsAddedUpFromTheOrdersAloneAsComputingEverythingWould() throws {
        let (folder, workspace) = try keptProgram()
        // Neither the answers nor anything else of the history is read: junk there changes nothing.
        try "not the answers".write(toFile: folder + "/surveyResponses-1.json", atomically: true, encoding: .utf8)
        for wave in [nil] + workspace.waves.map(\.id) {
            let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
            let found = try store.keptAttributionWithOrders(wave: wave)
            assertSameFigures(found, workspace, wave: wave)
            let ledger = Ledger(store.workspace, orders: found.orders, attribution: found.result, today: today, wave: wave)
            let plain = Ledger(workspace, attribution: Attribution.compute(workspace), today: today, wave: wave)
            XCTAssertEqual(ledger.rows, plain.rows)
            XCTAssertEqual(ledger.kpis, plain.kpis)
            XCTAssertNotNil(store.pendingOrderHistory, "the history was not loaded")
            store.close()
        }
    }

    func testWithoutAFittingFileTheWholeHistoryIsReadAndComputed() throws {
        let (folder, workspace) = try keptProgram()
        let kept = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("attribution-") })
        for damage in ["[1,2,3]", nil] {
            if let damage { try damage.write(toFile: folder + "/" + kept, atomically: true, encoding: .utf8) } else {
                try FileManager.default.removeItem(atPath: folder + "/" + kept)
            }
            let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
            let wave = workspace.waves.rows.last?.id
            assertSameFigures(try store.keptAttributionWithOrders(wave: wave), workspace, wave: wave)
            XCTAssertNil(store.pendingOrderHistory, "the history was loaded to compute attribution")
            store.close()
        }
    }
}
