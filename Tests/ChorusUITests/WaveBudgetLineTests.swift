import ChorusCore
@testable import ChorusUI
import XCTest

/// The wave's budget where spending happens: the Seeding pane and the Pipeline say how much of
/// the wave's budget is spent, committed and left, so nobody seeds blind.
///
/// The figures by hand for `SeedingSample`: Wave 1's budget is 5000.00 EUR; six parcels of one
/// Glow Serum (12.50) are queued, so 6 × 12.50 = 75.00 is committed (reserved, not yet shipped);
/// nothing has shipped, no fee or credit is due and there are no orders, so 0.00 is spent and
/// 5000.00 − 75.00 = 4925.00 is left.
final class WaveBudgetLineTests: XCTestCase {
    private func overBudget() throws -> Workspace {
        var workspace = SeedingSample.workspace()
        var wave = try XCTUnwrap(workspace.wave(Sample.wave1))
        wave.budget = Money(minorUnits: 5_000, currency: .eur)   // 50.00, against 75.00 committed: 25.00 over
        try workspace.apply(.updateWave(wave), context: CommandContext(now: Sample.now, actor: "test"))
        return workspace
    }

    func testTheSeedingPaneShowsEveryFigureOnItsCountsLineWhenWide() {
        let console = ConsoleDriver(SeedingSample.workspace(), size: Size(width: 200, height: 60)).press("2")
        let counts = console.frame.line(2)
        XCTAssertTrue(counts.hasSuffix("budget 5000.00 · spent 0.00 · committed 75.00 · left 4925.00"), console.dump)
        XCTAssertTrue(counts.hasPrefix(" queued 6"), console.dump)
        XCTAssertEqual(console.frame.role(of: "left 4925.00"), .mutedText)
    }

    func testAt80ColumnsTheSeedingPaneSaysWhatIsLeftOnItsTitleBar() {
        let console = ConsoleDriver(SeedingSample.workspace()).press("2")
        let title = console.frame.line(1)
        XCTAssertTrue(title.hasPrefix(" Seeding · Wave 1 (live) · 6 parcels"), console.dump)
        XCTAssertTrue(title.hasSuffix("0.00 + 75.00 of 5000.00 · left 4925.00"), console.dump)
        XCTAssertFalse(console.frame.line(2).contains("4925.00"), "the counts line keeps its counts whole")
    }

    func testTheOverBudgetWaveSaysByHowMuchInTheDangerRole() throws {
        let wide = ConsoleDriver(try overBudget(), size: Size(width: 200, height: 60)).press("2")
        XCTAssertTrue(wide.frame.line(2).hasSuffix("budget 50.00 · spent 0.00 · committed 75.00 · left -25.00"), wide.dump)
        XCTAssertEqual(wide.frame.role(of: "left -25.00"), .danger)
        let pipeline = ConsoleDriver(try overBudget())
        XCTAssertTrue(pipeline.frame.line(1).hasSuffix("left -25.00"), pipeline.dump)
        XCTAssertEqual(pipeline.frame.role(of: "left -25.00"), .danger)
    }

    func testThePipelineTitleBarShowsTheWaveOnScreen() {
        let wide = ConsoleDriver(SeedingSample.workspace(), size: Size(width: 200, height: 60))
        XCTAssertTrue(wide.frame.line(1).hasSuffix("budget 5000.00 · spent 0.00 · committed 75.00 · left 4925.00"), wide.dump)
        let narrow = ConsoleDriver(SeedingSample.workspace())
        let title = narrow.frame.line(1)
        XCTAssertTrue(title.hasPrefix(" Pipeline · Wave 1 (live) · 8 creators · sort: stage"), narrow.dump)
        XCTAssertTrue(title.hasSuffix(" left 4925.00"), "words and lesser figures go first at 80 columns: \(narrow.dump)")
        // A filter leaves no room even for "left …": the line says nothing rather than a bare number.
        narrow.press("/").type("gl").press(.enter)
        XCTAssertFalse(narrow.frame.line(1).contains("4925.00"), narrow.dump)
        narrow.press(.escape)
        // Wave 2 has no parcels: all of its budget is left.
        narrow.press("w")
        XCTAssertTrue(narrow.frame.line(1).hasSuffix(" left 5000.00"), narrow.dump)
    }

    func testQueueingParcelsUpdatesTheLineButMovingTheCursorDerivesNothing() {
        let console = ConsoleDriver(SeedingSample.workspace(queued: 0), size: Size(width: 200, height: 60))
        XCTAssertTrue(console.frame.line(1).hasSuffix("committed 0.00 · left 5000.00"), console.dump)
        let computes = console.console.budgetLineComputes
        console.press("j", "j", "k", "j")
        _ = console.frame
        XCTAssertEqual(console.console.budgetLineComputes, computes, "moving the cursor does not derive the budget again")
        // S on the cursor's creator queues one parcel: 12.50 serum + 2 × 4.00 mist = 20.50 committed.
        console.press("S")
        XCTAssertEqual(console.console.budgetLineComputes, computes + 1)
        XCTAssertTrue(console.frame.line(1).hasSuffix("committed 20.50 · left 4979.50"), console.dump)
        console.press("2", "j", "j")
        XCTAssertEqual(console.console.budgetLineComputes, computes + 1, "nor does switching to the Seeding pane and moving there")
    }

    /// Commission is paid on orders, so only a wave that pays it waits for them; a gifting wave's
    /// figures are whole without the ledger.
    private func payingCommission(_ workspace: Workspace) throws -> Workspace {
        var workspace = workspace
        var wave = try XCTUnwrap(workspace.wave(Sample.wave1))
        wave.incentivePlan.commissionBasisPoints = 1_000
        try workspace.apply(.updateWave(wave), context: CommandContext(now: Sample.now, actor: "test"))
        return workspace
    }

    func testWhileOrderHistoryLoadsTheLineSaysCommissionIsStillToCome() throws {
        let gifting = ConsoleDriver(SeedingSample.workspace(), size: Size(width: 200, height: 60))
        gifting.session.isLoadingOrderHistory = true
        gifting.console.announce("loading orders in the background…")
        XCTAssertTrue(gifting.frame.line(1).hasSuffix("committed 75.00 · left 4925.00"), "a gifting wave pays nothing on orders: \(gifting.dump)")

        let console = ConsoleDriver(try payingCommission(SeedingSample.workspace()), size: Size(width: 200, height: 60))
        console.session.isLoadingOrderHistory = true
        console.console.announce("loading orders in the background…")
        XCTAssertTrue(console.frame.line(1).hasSuffix("committed 75.00 · left 4925.00 · commission pending…"), console.dump)
        console.session.isLoadingOrderHistory = false
        console.console.announce("loaded 0 orders")
        XCTAssertTrue(console.frame.line(1).hasSuffix("committed 75.00 · left 4925.00"), console.dump)
    }

    func testInABigProgramAStageMoveDoesNotWaitForTheLedgerAndCommissionShowsAsPending() throws {
        let console = ConsoleDriver(try payingCommission(ResponsivenessTests.big), size: Size(width: 200, height: 60))
        XCTAssertTrue(console.frame.line(1).hasSuffix("left 5000.00 · commission pending…"), console.dump)
        console.press(">")
        XCTAssertTrue(console.frame.line(1).hasSuffix("left 5000.00 · commission pending…"), console.dump)
        console.press("7")   // the Waves pane builds the ledger; back in the Pipeline the figures are whole
        _ = console.frame
        console.press("1")
        XCTAssertTrue(console.frame.line(1).hasSuffix("committed 0.00 · left 5000.00"), console.dump)
    }
}
