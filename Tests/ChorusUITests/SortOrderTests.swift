import ChorusCore
@testable import ChorusUI
import XCTest

/// Every pane that sorts shows which column it sorts by, with the whole header and its mark
/// on screen at 80 and 200 columns, and `I` turns the order round in each of them.
final class SortOrderTests: XCTestCase {
    private let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    /// For each `s` press in `pane`, the header that must carry the mark.
    private func assertMarks(_ workspace: @autoclosure () -> Workspace, pane: Key, header: String, titles: [String],
                             file: StaticString = #filePath, line: UInt = #line) {
        for size in sizes {
            let console = ConsoleDriver(workspace(), size: size).press(pane)
            for title in titles {
                let row = console.frame.lines.first { $0.contains(header) } ?? ""
                XCTAssertTrue(row.contains(title + "▾"), "\(title) at \(size.width)\n\(console.dump)", file: file, line: line)
                XCTAssertFalse(row.contains("…"), "no header is cut at \(size.width)\n\(console.dump)", file: file, line: line)
                console.press("s")
            }
        }
    }

    func testThePipelineMarksEverySortColumnWhole() {
        assertMarks(Sample.workspace(), pane: "1", header: "Handle", titles: ["Stage", "Score", "Followers", "Eng", "Handle"])
    }

    func testTheLibraryMarksEverySortColumnWhole() {
        assertMarks(LibrarySample.workspace(), pane: "4", header: "ASSET", titles: ["VIEWS", "ER", "CLICKS", "POSTED", "UNTIL"])
    }

    func testTheLeaderboardMarksEveryMetricWhole() {
        assertMarks(LedgerReturnsTests.workspace, pane: "5", header: "CREATOR",
                    titles: ["REVENUE", "MARGIN", "ROAS", "MARGIN ROI", "ASSETS", "ENGAGED"])
    }

    func testTheLedgerMarksEverySortColumnWhole() {
        assertMarks(LedgerReturnsTests.workspace, pane: "6", header: "CREATOR",
                    titles: ["COST", "REVENUE", "MARGIN", "ROAS", "MARGIN ROI", "CPA", "COMMISSION"])
    }

    func testIReversesTheOrderInEverySortablePane() {
        for size in sizes {
            let ledger = ConsoleDriver(LedgerReturnsTests.workspace, size: size).press("6")
            XCTAssertLessThan(ledger.frame.row(containing: "@eve")!, ledger.frame.row(containing: "@ana")!, "most cost first")
            ledger.press("I")
            XCTAssertLessThan(ledger.frame.row(containing: "@ana")!, ledger.frame.row(containing: "@eve")!, "least cost first")
            XCTAssertTrue(ledger.frame.lines.contains { $0.contains("COST▴") }, ledger.dump)
            XCTAssertEqual(ledger.state.message?.text, "sorted by total cost, reversed")
            ledger.press("s")
            XCTAssertFalse(ledger.state.ledger.sortReversed, "a new column starts in its own order")

            let board = ConsoleDriver(LedgerReturnsTests.workspace, size: size).press("5", "I")
            XCTAssertLessThan(board.frame.row(containing: "@eve")!, board.frame.row(containing: "@ana")!, "lowest revenue first")
            XCTAssertTrue(board.frame.lines[board.frame.row(containing: "@eve")!].hasPrefix("      2 "), "ranks stay those of the metric")
            XCTAssertNotNil(board.frame.row(containing: "ranked by direct revenue, worst first"), board.dump)

            let pipeline = ConsoleDriver(size: size).press("s", "s")   // followers, most first
            let first = pipeline.frame.row(containing: "@dara.skin")!, last = pipeline.frame.row(containing: "@eli.daily")!
            XCTAssertLessThan(first, last)
            pipeline.press("I")
            XCTAssertLessThan(pipeline.frame.row(containing: "@eli.daily")!, pipeline.frame.row(containing: "@dara.skin")!)
            XCTAssertNotNil(pipeline.frame.row(containing: "sort: followers, reversed"), pipeline.dump)
            XCTAssertNotNil(pipeline.frame.row(containing: "Followers▴"), pipeline.dump)

            let library = ConsoleDriver(LibrarySample.workspace(), size: size).press("4")
            let most = library.frame.row(containing: "AS-0003")!, least = library.frame.row(containing: "AS-0004")!
            XCTAssertLessThan(most, least, "most views first")
            library.press("I")
            XCTAssertLessThan(library.frame.row(containing: "AS-0004")!, library.frame.row(containing: "AS-0003")!)
            XCTAssertNotNil(library.frame.row(containing: "VIEWS▴"), library.dump)
        }
    }

    func testIIsOneKeyDeclaredOnceAndFreeInEverySortablePane() {
        let reverse = KeyMap.bindings.filter { $0.action == .reverseSort }
        XCTAssertEqual(reverse.count, 1)
        for pane in [Pane.pipeline, .library, .leaderboard, .ledger] {
            XCTAssertEqual(KeyMap.action(for: .character("I"), in: pane), .reverseSort, "\(pane)")
            XCTAssertEqual(KeyMap.bindings.filter { $0.keys.contains(.character("I")) && $0.scope.applies(to: pane) }.count, 1)
        }
    }

    /// @eve and @ana of `LedgerReturnsTests`, and @gil, who has cost nothing yet (no ROAS).
    func testReversedRowsWithoutAFigureStayLast() {
        let base = LedgerReturnsTests.workspace
        let gil = Creator(id: "CR-3", handle: "gil", name: "Gil Amsel")
        let workspace = Workspace(program: base.program, waves: base.waves.rows, creators: base.creators + [gil],
                                  enrollments: base.enrollments + [Enrollment(creatorID: "CR-3", waveID: "W-1", stage: .invited,
                                                                              stageChangedAt: base.enrollments[0].stageChangedAt)],
                                  shipments: base.shipments.rows, discountCodes: base.discountCodes.rows, orders: base.orders.rows)
        let ledger = ConsoleDriver(workspace, size: Size(width: 120, height: 30)).press("6", "s", "s", "s")
        XCTAssertEqual(ledger.state.ledger.sort, .roas)
        let rows = { ["@ana", "@eve", "@gil"].sorted { ledger.frame.row(containing: $0)! < ledger.frame.row(containing: $1)! } }
        XCTAssertEqual(rows(), ["@ana", "@eve", "@gil"])
        ledger.press("I")
        XCTAssertEqual(rows(), ["@eve", "@ana", "@gil"], "smallest ROAS first; no ROAS is not the smallest")

        let board = ConsoleDriver(workspace, size: Size(width: 120, height: 30)).press("5", "s", "s", "I")
        XCTAssertEqual(board.state.leaderboard.metric, .roas)
        let ranked = { ["@ana", "@eve", "@gil"].sorted { board.frame.row(containing: $0)! < board.frame.row(containing: $1)! } }
        XCTAssertEqual(ranked(), ["@eve", "@ana", "@gil"])

        let library = ConsoleDriver(LibrarySample.workspace(), size: Size(width: 120, height: 30)).press("4", "s", "s", "s", "s", "I")
        XCTAssertEqual(library.state.library.sort, .rightsEnd)
        let last = library.frame.lines.last { $0.hasPrefix("  AS-") } ?? ""
        XCTAssertTrue(last.hasPrefix("  AS-0004"), "the asset without rights stays last, latest end first\n" + library.dump)
    }
}
