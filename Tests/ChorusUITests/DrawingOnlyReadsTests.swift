import ChorusCore
import ChorusGenerator
@testable import ChorusUI
import XCTest

/// Drawing only reads: the Leaderboard's and Ledger's sparklines, the Waves list's tallies and
/// the inbox's compliance checks are derived where the rows are rebuilt after an event, so a
/// frame drawn once or twice derives nothing.
final class DrawingOnlyReadsTests: XCTestCase {
    private static let program = SampleProgram.generate(options: GeneratorOptions(today: Sample.today))

    /// Sparkline rows spread over weeks, wave tallies counted, drafts checked.
    private func derivations(_ console: ConsoleDriver) -> [Int] {
        [console.console.trends.computes, console.console.tallies.computes, console.console.inbox.checks]
    }

    func testDrawingEachPaneTwiceDerivesNothing() {
        let console = ConsoleDriver(Self.program, size: Size(width: 140, height: 30))
        for pane: Key in ["5", "6", "7", "3", "1", "2", "4"] {
            console.press(pane)
            let onTheKey = derivations(console)
            _ = console.frame
            _ = console.frame
            XCTAssertEqual(derivations(console), onTheKey, "drawing pane \(pane.label) derived something")
        }
        let (trends, tallies, checks) = (console.console.trends.computes, console.console.tallies.computes, console.console.inbox.checks)
        XCTAssertGreaterThan(trends, 0, "the sparklines on screen were spread over weeks when the rows were rebuilt")
        XCTAssertGreaterThan(tallies, 0, "the Waves list was tallied when it was shown")
        XCTAssertGreaterThan(checks, 0, "the drafts on screen were checked when the inbox was rebuilt")
    }

    func testScrollingDerivesTheNewlyShownRowsOnTheKeyNotOnTheFrame() throws {
        let console = ConsoleDriver(Self.program, size: Size(width: 140, height: 30)).press("6")
        let shown = console.console.trends.computes
        console.press("G")
        let scrolled = console.console.trends.computes
        XCTAssertGreaterThan(scrolled, shown, "the last page's rows are spread over weeks on the key")
        let frame = console.frame
        XCTAssertEqual(console.console.trends.computes, scrolled)
        let header = try XCTUnwrap(frame.row(containing: "NET/WEEK"), console.dump)
        // The first row shown after the jump carries the sparkline derived on the key.
        let position = try XCTUnwrap(console.console.ledgerRows.position(at: console.state.ledger.scroll))
        let sparkline = try XCTUnwrap(console.console.trends.sparkline(.net, row: position))
        XCTAssertTrue(frame.line(header + 1).hasSuffix(sparkline.trimmingCharacters(in: .whitespaces)), console.dump)
    }
}
