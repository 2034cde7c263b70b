import ChorusCore
@testable import ChorusUI
import XCTest

/// The order history's file could not be read: every place that shows figures over orders says
/// why (whole where there is room, short beside the Pipeline) instead of "loading" for the rest
/// of the session, and says nothing of it again once the history is read after all.
final class UnreadableOrderHistoryPanesTests: XCTestCase {
    private let reason = "/work/fjord/orders-3.json, line 4: column email: expected a string, found 'oops],'"

    private func console(width: Int = 120) -> ConsoleDriver {
        let console = ConsoleDriver(size: Size(width: width, height: 40), loadingOrderHistory: true)
        console.session.derived.recordOrderHistoryUnreadable(reason)
        return console
    }

    private func screen(_ console: ConsoleDriver) -> String { console.frame.lines.joined(separator: "\n") }

    func testEveryPaneOverOrdersSaysWhyAndWhatToRun() {
        let console = console()
        for pane in ["5", "6"] {
            let shown = screen(console.press(.character(Character(pane))))
            XCTAssertTrue(shown.contains("order history could not be read: /work/fjord/orders-3.json, line 4: column email:"), shown)
            XCTAssertTrue(shown.contains("chorus check says more"), shown)
            XCTAssertFalse(shown.contains("Loading order history"), shown)
        }
        let overview = screen(console.press(.character("7"), .character("v")))
        XCTAssertTrue(overview.contains("overview: order history could not be read"), overview)
        let queue = screen(console.press(.character("5"), .character(":")).type("resolve").press(.enter))
        XCTAssertTrue(queue.contains("order history could not be read"), queue)
        XCTAssertFalse(queue.contains("working out which answers"), queue)
    }

    /// At 200 columns the creator detail sits beside the Pipeline: one short line, so the
    /// creator's codes and link stay in view.
    func testBesideThePipelineTheCreatorDetailSaysItInOneLine() {
        let shown = screen(console(width: 200))
        XCTAssertTrue(shown.contains("attribution: order history unreadable (the Leaderboard"), shown)
        XCTAssertFalse(shown.contains("orders-3.json"), shown)
    }

    func testOnceTheHistoryIsReadAfterAllThePanesShowItsFigures() {
        let console = console()
        XCTAssertEqual(console.session.derived.attribution.unreadableReason, reason)
        console.session.isLoadingOrderHistory = false
        XCTAssertNil(console.session.derived.orderHistoryProblem)
        XCTAssertNil(console.session.derived.attribution.unreadableReason)
        XCTAssertFalse(screen(console.press(.character("5"))).contains("could not be read"))
    }
}
