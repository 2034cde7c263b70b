@testable import ChorusCore
@testable import ChorusUI
import XCTest

/// A manager ranks the sample program's live wave, promotes winners and takes it back; finance
/// reads the ledger and drills into a row (the orders behind a row: `LedgerTests`).
final class LeaderboardAndLedgerTests: XCTestCase {
    func testBothPanesFitSmallAndLargeTerminals() {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            let leaderboard = ConsoleDriver(size: size).press("5").frame
            XCTAssertNotNil(leaderboard.row(containing: "Leaderboard · "), "\(size)")
            XCTAssertNotNil(leaderboard.row(containing: "P promotes the marked creators into "), "\(size)")
            XCTAssertEqual(leaderboard.role(of: " 5 Leaderboard"), .activeTab)
            let ledger = ConsoleDriver(size: size).press("6").frame
            XCTAssertNotNil(ledger.row(containing: "Ledger · every wave"), "\(size)")
            XCTAssertNotNil(ledger.row(containing: " Total cost "), "\(size)")
            XCTAssertEqual(ledger.role(of: " 6 Ledger"), .activeTab)
        }
    }

    func testPromotingTheTopThreeByMarginAndUndoingIt() throws {
        let console = ConsoleDriver(size: Size(width: 120, height: 40)).press("5", "s")
        XCTAssertEqual(console.state.leaderboard.metric, .contributionMargin)
        let before = console.workspace
        console.press(" ", " ", " ", "P")
        let marked = console.state.leaderboard.marks
        XCTAssertEqual(marked.count, 3)
        guard case .promote(_, let wave)? = console.state.prompt?.purpose else { return XCTFail("the promote prompt is open") }
        console.press(.enter)
        XCTAssertTrue(console.state.message?.text.hasPrefix("promoted 3 creators to ") == true, console.state.message?.text ?? "")
        for id in marked {
            let plan = try XCTUnwrap(console.workspace.enrollment(id, in: wave)?.incentiveOverride)
            let base = before.enrollment(id, in: wave)?.incentiveOverride ?? before.wave(wave)!.incentivePlan
            XCTAssertEqual(plan.commissionBasisPoints, (base.commissionBasisPoints ?? 0) + 500)
        }
        console.press("z")
        XCTAssertEqual(console.workspace, before)
        XCTAssertTrue(console.state.message?.text.hasPrefix("undone: promoted 3 creators") == true)
    }

    func testAChangeThatIsNotAChangeKeepsThePromptOpen() {
        let console = ConsoleDriver(size: Size(width: 120, height: 40)).press("5", "P", .control("u")).type("lots more").press(.enter)
        XCTAssertNotNil(console.state.prompt)
        XCTAssertEqual(console.state.message?.text, "type a change such as +5 (commission points) or bonus 50 at 20 orders")
    }

    func testTheLedgerDrillsIntoTheOrdersAndParcelsBehindARow() {
        let console = ConsoleDriver(size: Size(width: 120, height: 40)).press("6", "s")
        XCTAssertEqual(console.state.ledger.sort, .directRevenue)
        console.press(.enter)
        guard case .ledgerDetail? = console.state.overlay else { return XCTFail("the drill-down is open") }
        let frame = console.frame
        XCTAssertNotNil(frame.row(containing: "Total cost"))
        XCTAssertNotNil(frame.row(containing: "Commission"))
        XCTAssertNotNil(frame.row(containing: "Plan       gifting"), console.dump)
    }

    /// Orders the shop took in dollars show what it charged and the rate they were converted
    /// at, so finance can check a converted figure from the pane.
    func testTheLedgerShowsTheRatesConvertedOrdersWereTakenAt() {
        var workspace = CreatorAttributionTests.workspaceWithOrders()
        let rate = ExchangeRate(day: Day("2025-03-01")!, currency: Currency("USD"), rate: DecimalRate("0.9234")!)
        workspace.orders = EntityTable(workspace.orders.map { order in
            var order = order
            order.original = ForeignAmounts(subtotal: Money(minorUnits: order.subtotal.minorUnits * 10_000 / 9_234, currency: Currency("USD")),
                                            refunded: Money.zero(Currency("USD")), rate: rate)
            return order
        })
        let console = ConsoleDriver(workspace, size: Size(width: 120, height: 40)).press("6", "s", .enter)
        guard case .ledgerDetail? = console.state.overlay else { return XCTFail("the drill-down is open") }
        XCTAssertNotNil(console.frame.row(containing: "Rates      USD 0.9234 of 2025-03-01 ("), console.dump)
        XCTAssertNotNil(console.frame.row(containing: " USD at 0.9234)"), console.dump)
    }
}
