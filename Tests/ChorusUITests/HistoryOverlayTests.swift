import ChorusCore
@testable import ChorusUI
import XCTest

/// `H` shows who changed what, and when, over whichever pane is open, newest at the bottom.
final class HistoryOverlayTests: XCTestCase {
    func testHistoryOpensFromEveryPaneAndShowsTheNewestChangeLast() throws {
        let console = ConsoleDriver(size: Size(width: 100, height: 30))
        console.press(">")  // a change to remember: the first prospect invited
        let summary = try XCTUnwrap(console.state.message?.text)
        for pane in Pane.allCases {
            console.press(.character(Character(String(pane.rawValue)))).press("H")
            guard case .history? = console.state.overlay else { return XCTFail("\(pane): no history\n\(console.dump)") }
            let frame = console.frame
            let title = try XCTUnwrap(frame.row(containing: "History · 1 change · Esc closes"), "\(pane)\n\(console.dump)")
            XCTAssertTrue(frame.lines[title + 1].contains("test"), console.dump)
            XCTAssertTrue(frame.lines[title + 1].contains(summary), "\(pane): \(summary)\n\(console.dump)")
            console.press(.escape)
            XCTAssertNil(console.state.overlay, "\(pane): Esc closes it")
        }
    }

    func testTheHistoryIsReadWhenItOpensAndHClosesIt() {
        let console = ConsoleDriver(size: Size(width: 100, height: 30))
        console.press("H")
        XCTAssertNotNil(console.frame.row(containing: "nothing has been changed yet"), console.dump)
        console.press("H")
        XCTAssertNil(console.state.overlay)
        console.press(">", ">").press("H")
        XCTAssertNotNil(console.frame.row(containing: "History · 2 changes"), console.dump)
    }
}
