import ChorusCore
@testable import ChorusUI
import XCTest

/// The console reaches every pane through `ListPane`, never by name: a change clears the marks
/// of every pane that has them (each pane's rows are rebuilt and its cursor kept on its item
/// through the same loop: `CursorByIDTests`, `ShownPaneRefreshTests`).
final class PaneLoopTests: XCTestCase {
    func testAChangeClearsTheMarksOfEveryPane() {
        let console = ConsoleDriver(LibrarySample.workspace(), size: Size(width: 140, height: 30))
        console.press("4", " ", "1", " ")
        XCTAssertEqual(console.state.library.marks.count, 1)
        XCTAssertEqual(console.state.pipeline.marks.count, 1)
        console.press(">")
        XCTAssertEqual(console.session.performed.count, 1, console.dump)
        for pane in Pane.allCases {
            XCTAssertEqual(console.state.shownList(of: pane).marks, 0, "\(pane.title) keeps marks after the change")
        }
    }
}

private extension UIState {
    func shownList(of pane: Pane) -> (filter: Filter, marks: Int, cursor: Int) {
        var state = self
        state.pane = pane
        return state.shownList
    }
}
