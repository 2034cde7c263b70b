import ChorusCore
@testable import ChorusUI
import XCTest

/// The creator detail shows each creator's direct and assisted orders and net revenue, the
/// same figures `chorus report attribution` prints, computed once per workspace change.
final class CreatorAttributionTests: XCTestCase {
    /// @ana.lima: one order by her code (50.00 less 10.00 refunded), one through her link
    /// (30.00), one a survey credits to her (25.00); a cancelled code order counts for nothing.
    static func workspaceWithOrders() -> Workspace {
        let base = Sample.workspace()
        let ana = CreatorID("CR-0001")
        let placed = Timestamp(day: Sample.today, hour: 12)
        let money = { (minor: Int64) in Money(minorUnits: minor, currency: .eur) }
        let orders = [
            Order(id: "#1", email: nil, financialStatus: "partially_refunded", createdAt: placed, subtotal: money(5_000),
                  refunded: money(1_000), discountCodes: "WELCOME10, ana15"),
            Order(id: "#2", email: nil, financialStatus: "paid", createdAt: placed, subtotal: money(3_000), refunded: money(0),
                  utmSource: "instagram", utmMedium: "creator", utmCampaign: "wave-1", utmContent: "ana.lima"),
            Order(id: "#3", email: nil, financialStatus: "paid", createdAt: placed, subtotal: money(2_500), refunded: money(0)),
            Order(id: "#4", email: nil, financialStatus: "paid", createdAt: placed, cancelledAt: placed, subtotal: money(9_900),
                  refunded: money(0), discountCodes: "ANA15"),
        ]
        return Workspace(program: base.program, waves: base.waves.rows, creators: base.creators.rows, enrollments: base.enrollments.rows,
                         discountCodes: [DiscountCode(code: "ANA15", creatorID: ana, waveID: Sample.wave1, kind: .percent, value: 1_500)],
                         orders: orders,
                         surveyResponses: [SurveyResponse(id: "S-1", orderID: "#3", response: "Saw it on @ana.lima's stories")])
    }

    func testTheSidePanelShowsTheSameNumbersAsTheAttributionReport() {
        let workspace = Self.workspaceWithOrders()
        let totals = Attribution.compute(workspace).totals(for: "CR-0001")
        XCTAssertEqual([totals.directOrders, totals.assistedOrders], [2, 1])
        XCTAssertEqual([totals.directNetRevenue, totals.assistedNetRevenue], [7_000, 2_500])

        let console = ConsoleDriver(workspace, size: Size(width: 120, height: 40)).press("j")
        let lines = console.frame.lines
        XCTAssertTrue(lines.contains { $0.hasSuffix("│ Direct     2 orders · 70.00 EUR") }, console.dump)
        XCTAssertTrue(lines.contains { $0.hasSuffix("│ Assisted   1 order · 25.00 EUR") }, console.dump)
    }

    func testTheEnterDetailShowsThemAt80x24AndZerosForACreatorWithoutOrders() {
        let console = ConsoleDriver(Self.workspaceWithOrders()).press("j", .enter)
        XCTAssertNotNil(console.frame.row(containing: "Direct     2 orders · 70.00 EUR"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "Assisted   1 order · 25.00 EUR"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "Code       ANA15 · 15 %"), console.dump)

        console.press(.escape, "k", .enter)
        XCTAssertNotNil(console.frame.row(containing: "@cleo.glow — e edits · Esc closes"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "Direct     0 orders · 0.00 EUR"), console.dump)
    }

    func testAttributionIsComputedOnlyWhenADetailIsDrawnAndOncePerChange() {
        let narrow = ConsoleDriver(Self.workspaceWithOrders())
        _ = narrow.press("j", "j").frame
        XCTAssertEqual(narrow.console.attributionComputes, 0, "no detail on screen at 80 columns, nothing to compute")

        let wide = ConsoleDriver(Self.workspaceWithOrders(), size: Size(width: 120, height: 40))
        _ = wide.frame
        XCTAssertEqual(wide.console.attributionComputes, 1)
        for key: Key in ["j", "j", "k", .enter, .escape, "G", "g"] { _ = wide.press(key).frame }
        XCTAssertEqual(wide.console.attributionComputes, 1, "cursor moves and overlays reuse the result")

        _ = wide.press(">").frame
        XCTAssertEqual(wide.console.attributionComputes, 1, "a stage move cannot change attribution")
        _ = wide.press("z").frame
        XCTAssertEqual(wide.console.attributionComputes, 1, "nor can its undo")
        _ = wide.press(":").type("slug ana-lima").press(.enter).frame
        XCTAssertEqual(wide.console.attributionComputes, 2, "a slug change can, so it computes again, once")
        _ = wide.press("j").frame
        XCTAssertEqual(wide.console.attributionComputes, 2)
        _ = wide.press("z").frame
        XCTAssertEqual(wide.console.attributionComputes, 3, "and so can its undo")
    }

    func testABigProgramIsAttributedOnceForTheDetailAndTheLeaderboardWhicheverAsksFirst() {
        let small = Self.workspaceWithOrders()
        let placed = Timestamp(day: Sample.today, hour: 9)
        let unattributed = (0..<DerivedFigures.backgroundThreshold).map { number in
            Order(id: OrderID("#9\(number)"), email: nil, financialStatus: "paid", createdAt: placed,
                  subtotal: Money(minorUnits: 1_000, currency: .eur), refunded: Money(minorUnits: 0, currency: .eur))
        }
        let big = Workspace(program: small.program, waves: small.waves.rows, creators: small.creators.rows, enrollments: small.enrollments.rows,
                            discountCodes: small.discountCodes.rows, orders: small.orders + unattributed, surveyResponses: small.surveyResponses.rows)
        for panes: [Key] in [["1", "5"], ["5", "1"]] {
            let console = ConsoleDriver(big, size: Size(width: 120, height: 40))
            for pane in panes {
                _ = console.press(pane).frame
                XCTAssertEqual(console.console.attributionComputes, 1, "\(panes): started once, by whichever pane asked first")
            }
            let deadline = Date().addingTimeInterval(60)
            while console.console.isWorkingInBackground, Date() < deadline {
                _ = console.console.collectBackgroundWork()
                Thread.sleep(forTimeInterval: 0.01)
            }
            XCTAssertEqual(console.console.attributionComputes, 1, "\(panes): the other pane waited for the same computation")
            _ = console.press("1", "j").frame
            XCTAssertTrue(console.frame.lines.contains { $0.hasSuffix("│ Direct     2 orders · 70.00 EUR") }, console.dump)
            XCTAssertEqual(console.console.attributionComputes, 1)
        }
    }

    func testWhileOrderHistoryLoadsTheDetailSaysSoInsteadOfShowingZeros() {
        let console = ConsoleDriver(Self.workspaceWithOrders(), size: Size(width: 120, height: 40), loadingOrderHistory: true)
        console.console.announce("loading 4 orders in the background…")
        console.press("j")
        XCTAssertTrue(console.frame.lines.contains { $0.hasSuffix("│ attribution: loading orders…") }, console.dump)
        XCTAssertNil(console.frame.row(containing: "Direct "))
        XCTAssertEqual(console.console.attributionComputes, 0)

        console.session.isLoadingOrderHistory = false
        console.console.announce("loaded 4 orders and 1 survey responses")
        XCTAssertTrue(console.frame.lines.contains { $0.hasSuffix("│ Direct     2 orders · 70.00 EUR") }, console.dump)
        XCTAssertEqual(console.console.attributionComputes, 1)
    }

    func testAttributionTheWorkspaceKeptIsShownWithoutComputingAndWhatIsComputedIsHandedBack() {
        let workspace = Self.workspaceWithOrders()
        let console = ConsoleDriver(workspace, size: Size(width: 120, height: 40), keptAttribution: Attribution.compute(workspace))
        console.press("j")
        XCTAssertTrue(console.frame.lines.contains { $0.hasSuffix("│ Direct     2 orders · 70.00 EUR") }, console.dump)
        XCTAssertEqual(console.console.attributionComputes, 0, "kept for this state, so nothing is computed")

        _ = console.press(":").type("slug ana-lima").press(.enter).frame
        XCTAssertEqual(console.console.attributionComputes, 1, "a slug change makes what was kept stale")
        XCTAssertEqual(console.session.remembered, 1, "the owner of derived figures hands the new result to the store, to keep for the next open")
        XCTAssertNotNil(console.session.knownAttribution)
        _ = console.press("j").frame
        _ = console.console.collectBackgroundWork()
        XCTAssertEqual(console.session.remembered, 1, "and only once")
    }
}
