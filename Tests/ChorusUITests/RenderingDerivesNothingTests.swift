import ChorusCore
@testable import ChorusUI
import XCTest

/// Drawing only reads: attribution, the ledger, payout balances and overviews are derived by
/// their owner (`DerivedFigures`) when the screen asks for them after an event, never while a
/// frame is drawn. Every pane, with every overlay it can open, at two sizes, with figures had,
/// with order history still loading, and before anything was asked for.
final class RenderingDerivesNothingTests: XCTestCase {
    /// Ways into each overlay and view, after the pane's own key.
    private static let openers: [[Key]] = {
        let key = { (action: Action) in KeyMap.keys(for: action).first.map { [$0] } ?? [] }
        let surveyQueue = KeyMap.commands.first { $0.action == .showSurveyAnswers }?.command ?? "survey"
        return [[], key(.openDetail), key(.help), key(.showHistory), [":"], [":"] + surveyQueue.map { Key.character($0) } + [.enter],
                key(.cycleWavesView), key(.cycleWavesView) + key(.cycleWavesView), key(.showPayouts), ["j"] + key(.openDetail)]
    }()

    private func assertFramesDeriveNothing(_ makeConsole: () -> ConsoleDriver, _ situation: String) {
        for pane in Pane.allCases {
            for opener in Self.openers {
                let console = makeConsole()
                console.press(KeyMap.keys(for: .showPane(pane))[0])
                opener.forEach { console.console.press($0) }
                let before = console.session.derived.computes
                let frame = console.frame
                _ = console.frame
                XCTAssertEqual(console.session.derived.computes, before, "\(situation), \(pane) after \(opener)")
                XCTAssertFalse(frame.lines.isEmpty)
            }
        }
    }

    func testNoPaneOrOverlayDerivesAnythingWhileDrawing() {
        for size in [Size(width: 80, height: 24), Size(width: 160, height: 50)] {
            assertFramesDeriveNothing({ ConsoleDriver(CreatorAttributionTests.workspaceWithOrders(), size: size) }, "figures had at \(size)")
            assertFramesDeriveNothing({ ConsoleDriver(CreatorAttributionTests.workspaceWithOrders(), size: size, loadingOrderHistory: true) },
                                      "orders loading at \(size)")
        }
    }

    func testFiguresAskedForAfterAnEventAreWhatTheFrameShows() {
        let console = ConsoleDriver(CreatorAttributionTests.workspaceWithOrders(), size: Size(width: 120, height: 40))
        XCTAssertEqual(console.session.derived.computes.attribution, 1, "the side panel asked for attribution when the console opened")
        XCTAssertEqual(console.session.derived.computes.ledger, 0, "no pane on screen needs the ledger")
        console.press("5")
        XCTAssertEqual(console.session.derived.computes.ledger, 1, "the Leaderboard asked for it with the key that showed it")
        XCTAssertNotNil(console.frame.row(containing: "@ana.lima"), console.dump)
    }

    func testWhileNothingIsHadTheFrameSaysComputingAndDerivesNothing() {
        // The owner knows nothing for this position until it is asked; drawing must not ask.
        let console = ConsoleDriver(CreatorAttributionTests.workspaceWithOrders(), size: Size(width: 120, height: 40))
        guard var ana = console.workspace.creator("CR-0001") else { return XCTFail("the sample has @ana.lima") }
        ana.linkSlug = "ana-glow"
        // Applied by the session (and recorded with the owner) before any event reached the console.
        XCTAssertNoThrow(try console.session.perform(.updateCreator(ana)))
        let renderer = console.console.renderer
        let before = console.session.derived.computes
        XCTAssertTrue(renderer.frame().lines.contains { $0.hasSuffix("│ attribution: computing…") }, console.dump)
        XCTAssertEqual(console.session.derived.computes, before)
    }
}
