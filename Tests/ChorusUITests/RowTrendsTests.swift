import ChorusCore
import ChorusGenerator
@testable import ChorusUI
import XCTest

/// The Leaderboard's orders per week and the Ledger's net per week, one sparkline a row, from
/// 120 columns on; narrower, the figures keep the room.
final class RowTrendsTests: XCTestCase {
    private static let program = SampleProgram.generate(options: GeneratorOptions(today: Sample.today))

    /// The row's weeks over its wave, as the overview spreads them.
    private func expected(_ creator: CreatorID, _ wave: WaveID, net: Bool) throws -> String {
        let workspace = Self.program
        let ledger = Ledger(workspace, attribution: Attribution.compute(workspace), today: Sample.today)
        let row = try XCTUnwrap(ledger.rows.firstIndex { $0.creatorID == creator && $0.waveID == wave })
        let span = try XCTUnwrap(workspace.wave(wave))
        let start = span.startDate ?? Sample.today
        let weeks = WeeklySeries(from: start, to: max(start, min(Sample.today, span.endDate ?? Sample.today))).row(row, of: ledger, workspace: workspace)
        XCTAssertEqual(weeks.orders.reduce(0, +), Int64(ledger.rows[row].results.directOrders + ledger.rows[row].results.assistedOrders))
        return Sparkline.text(net ? weeks.net : weeks.orders, width: RowTrends.weeks)
    }

    func testTheLeaderboardShowsEachCreatorsOrdersPerWeek() throws {
        let console = ConsoleDriver(Self.program, size: Size(width: 120, height: 30)).press("5")
        let frame = console.frame
        let header = try XCTUnwrap(frame.row(containing: "ORDERS/WEEK"), console.dump)
        let top = try XCTUnwrap(console.console.state.pane == .leaderboard ? frame.line(header + 1) : nil)
        let handle = try XCTUnwrap(top.split(separator: " ").first { $0.hasPrefix("@") })
        let creator = try XCTUnwrap(Self.program.creator(handle: handle))
        let wave = try XCTUnwrap(LeaderboardUpdate.wave(console.state))
        XCTAssertTrue(top.hasSuffix(try expected(creator.id, wave, net: false).trimmingCharacters(in: .whitespaces)), top)
        XCTAssertNil(ConsoleDriver(Self.program).press("5").frame.row(containing: "ORDERS/WEEK"), "no room at 80 columns")
    }

    func testTheLedgerShowsEachRowsNetPerWeek() throws {
        let console = ConsoleDriver(Self.program, size: Size(width: 140, height: 30)).press("6")
        let frame = console.frame
        let header = try XCTUnwrap(frame.row(containing: "NET/WEEK"), console.dump)
        for line in (header + 1)...(header + 5) {
            let text = frame.line(line)
            let handle = try XCTUnwrap(text.split(separator: " ").first { $0.hasPrefix("@") })
            let wave = try XCTUnwrap(text.split(separator: " ").dropFirst().first.map { WaveID(String($0)) })
            let creator = try XCTUnwrap(Self.program.creator(handle: handle))
            XCTAssertTrue(text.hasSuffix(try expected(creator.id, wave, net: true).trimmingCharacters(in: .whitespaces)), text)
        }
    }
}
