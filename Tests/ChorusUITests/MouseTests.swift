import ChorusCore
@testable import ChorusUI
import XCTest

/// Clicks and the wheel as lazygit, k9s and htop users reach for them: a tab click shows the
/// pane, a row click puts the cursor there, the wheel moves three rows; none of it while a
/// prompt or filter is being typed.
final class MouseTests: XCTestCase {
    private func click(_ x: Int, _ y: Int) -> Key { .mouse(MouseEvent(.click, x: x, y: y)) }
    private let wheelDown = Key.mouse(MouseEvent(.wheelDown, x: 10, y: 8))
    private let wheelUp = Key.mouse(MouseEvent(.wheelUp, x: 10, y: 8))

    func testClickingARowPutsTheCursorOnIt() {
        let console = ConsoleDriver()
        let frame = console.frame
        let third = try! XCTUnwrap(frame.lines.firstIndex { $0.hasPrefix("  @") }) + 2
        let handle = String(frame.line(third).dropFirst(2).prefix { $0 != " " })
        console.press(click(10, third))
        XCTAssertEqual(console.state.pipeline.cursor, 2)
        XCTAssertEqual(console.frame[4, third].role, .selection, "the clicked row \(handle) is the selected one:\n\(console.dump)")
        console.press(click(10, 22))
        XCTAssertEqual(console.state.pipeline.cursor, 2, "a click below the last creator moves nothing")
    }

    func testClickingATabShowsThatPane() {
        let console = ConsoleDriver()
        let x = try! XCTUnwrap(console.frame.column(of: "3 Approvals", inRow: 0))
        console.press(click(x + 4, 0))
        XCTAssertEqual(console.state.pane, .approvals)
        let seeding = try! XCTUnwrap(console.frame.column(of: "2 Seeding", inRow: 0))
        console.press(click(seeding, 0))
        XCTAssertEqual(console.state.pane, .seeding)
    }

    func testTheWheelMovesThreeRowsAndScrollsTheHelp() {
        let console = ConsoleDriver()
        console.press(wheelDown)
        XCTAssertEqual(console.state.pipeline.cursor, 3)
        console.press(wheelUp, wheelUp)
        XCTAssertEqual(console.state.pipeline.cursor, 0)
        console.press("?", wheelDown)
        XCTAssertEqual(console.state.overlay, .help(scroll: 3))
        XCTAssertEqual(console.state.pipeline.cursor, 0, "the list behind the help stays put")
    }

    func testTheSidePanelIsNotTheList() {
        let console = ConsoleDriver(size: Size(width: 120, height: 30))
        let row = try! XCTUnwrap(console.frame.lines.firstIndex { $0.hasPrefix("  @") }) + 2
        console.press(click(115, row))
        XCTAssertEqual(console.state.pipeline.cursor, 0)
        console.press(click(5, row))
        XCTAssertEqual(console.state.pipeline.cursor, 2)
    }

    func testTheMouseLeavesAPromptOrAFilterBeingTypedAlone() {
        let console = ConsoleDriver()
        let row = try! XCTUnwrap(console.frame.lines.firstIndex { $0.hasPrefix("  @") }) + 1
        console.press("/")
        console.press(click(10, row), wheelDown)
        XCTAssertEqual(console.state.pipeline.cursor, 0)
        XCTAssertTrue(console.state.pipeline.filter.isEditing)
        console.press(.escape, " ", "d")
        XCTAssertNotNil(console.state.prompt, "the drop reason prompt is open")
        console.press(click(10, row + 2))
        XCTAssertEqual(console.state.pipeline.cursor, 1, "the drop still applies to the marked creator, and the cursor did not move")
        let x = try! XCTUnwrap(console.frame.column(of: "3 Approvals", inRow: 0))
        console.press(click(x, 0))
        XCTAssertEqual(console.state.pane, .pipeline)
    }

    func testAClickInAnotherPaneSelectsItsRow() {
        let console = ConsoleDriver(LibrarySample.workspace(), size: Size(width: 120, height: 30))
        console.press("4")
        let row = try! XCTUnwrap(console.frame.lines.firstIndex { $0.contains("AS-0002") })
        console.press(click(5, row), "y")
        XCTAssertEqual(console.console.takeTerminalRequests(), [.copy("https://example.com/p/2")], "y copies the clicked asset's post")
    }
}
