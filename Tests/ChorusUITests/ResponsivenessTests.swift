import ChorusCore
@testable import ChorusUI
import XCTest

/// With 100 000 creators a key press must finish its frame within a frame's time. These tests
/// prove the caching that makes that possible (a cursor move rebuilds nothing) and that the
/// fast paths give the right rows at that size. How fast is measured by `chorus bench`, not
/// asserted here: timings on a shared machine would make the suite flaky.
final class ResponsivenessTests: XCTestCase {
    static let big: Workspace = {
        let creators = (1...100_000).map { number in
            Sample.creator(1_000 + number, "creator\(number)", "Creator Number \(number)",
                           followers: (number * 7_919) % 200_000, engagement: Double(number % 90) / 1_000, orders: number % 13)
        }
        return Sample.workspace(extraCreators: creators)
    }()

    func testCursorMovesAndFilterKeysDoNotRebuildTheTable() {
        let console = ConsoleDriver(Self.big, size: Size(width: 120, height: 40))
        let start = console.console.tableRebuilds
        XCTAssertEqual(start, PipelineRows.Rebuilds(columns: 1, rows: 1, order: 1, filter: 1))
        console.press("j", "j", .pageDown, "G", "g", " ")
        XCTAssertEqual(console.console.tableRebuilds, start, "moving and marking derive nothing again")
        console.press("/").type("creator99")
        XCTAssertEqual(console.console.tableRebuilds.filter, start.filter + 9)
        XCTAssertEqual(console.console.tableRebuilds.order, start.order, "filtering does not re-sort")
        console.press(.escape, "s")
        XCTAssertEqual(console.console.tableRebuilds.order, start.order, "a big wave was sorted every way on another thread")
        console.press(">")
        XCTAssertEqual(console.console.tableRebuilds.rows, start.rows, "a stage move moves the rows it touched")
        XCTAssertEqual(console.console.tableRebuilds.moves, start.moves + 1)
        XCTAssertEqual(console.console.tableRebuilds.columns, start.columns, "and leaves the per-creator columns")
    }

    func testOtherPanesAreBuiltOnceTheFirstFrameIsOnScreen() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        XCTAssertEqual(console.console.inbox.count, 0, "opening builds only what the first frame shows")
        _ = console.frame
        _ = console.console.collectBackgroundWork()
        XCTAssertEqual(console.console.inbox.count, 5, "built while the first frame is read, so a first visit is instant")
        console.press("3", "a", "1")
        XCTAssertEqual(console.console.inbox.count, 4)
    }

    func testFilteringAHundredThousandCreatorsFindsExactlyTheMatchingOnes() {
        let console = ConsoleDriver(Self.big, size: Size(width: 200, height: 60))
        console.press("j", "j")
        console.press("/").type("number 4")
        // Each word anywhere: every creator's name says "Number"; a 4 is in 100 000 − 9⁵ = 40 951 of the numbers.
        XCTAssertTrue(console.frame.line(1).hasPrefix(" Pipeline · Wave 1 (live) · 40951 of 100008 creators · filter \"number 4\" · sort: stage  "))
        console.press(.escape, "/").type("4 number 99")
        // Both a 4 and "99" in the number (499, 994, 4990…), counted from the numbers themselves.
        let both = (1...100_000).filter { String($0).contains("4") && String($0).contains("99") }.count
        XCTAssertTrue(console.frame.line(1).hasPrefix(" Pipeline · Wave 1 (live) · \(both) of 100008 creators · filter \"4 number 99\" · sort: stage  "))
    }
}
