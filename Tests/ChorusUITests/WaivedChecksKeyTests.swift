import ChorusCore
@testable import ChorusUI
import XCTest

/// A draft approved over a failing check stays marked as such after it leaves the inbox: in
/// the approved list and on the asset card in the Library, with the reason.
final class WaivedChecksKeyTests: XCTestCase {

    private func approvedOverAFailingCheck(size: Size) -> ConsoleDriver {
        let console = ConsoleDriver(ApprovalsSample.workspace(failing: [1]), size: size)
        console.press("3", "o").type("the label says paid partnership").press(.enter)
        return console.press("a")   // SU-0002 passes and is approved plainly
    }

    func testTheApprovedListMarksTheWaivedApprovalWithItsReason() throws {
        let console = approvedOverAFailingCheck(size: Size(width: 200, height: 40)).press("f", "f", "f")
        XCTAssertEqual(console.state.approvals.view, .approved)
        let row = try XCTUnwrap(console.frame.row(containing: "SU-0001  @ana.lima"), console.dump)
        XCTAssertTrue(console.frame.lines[row].contains("approved · waived 1 check: the label says paid partnership — ad disclosure"),
                      "the checks column takes the spare width\n" + console.dump)
        console.press("j")
        XCTAssertEqual(console.frame.role(of: "approved · waived"), .warning, "off the cursor row it reads as a warning")
        let plain = try XCTUnwrap(console.frame.row(containing: "SU-0002"), console.dump)
        XCTAssertFalse(console.frame.lines[plain].contains("waived"), console.dump)
    }

    func testAt80ColumnsTheMarkStillShows() throws {
        let console = approvedOverAFailingCheck(size: Size(width: 80, height: 24)).press("f", "f", "f")
        let row = try XCTUnwrap(console.frame.row(containing: "SU-0001  @ana.lima"), console.dump)
        XCTAssertTrue(console.frame.lines[row].contains("approved · waived 1 check"), console.dump)
        XCTAssertTrue(console.frame.lines[row].contains("@ana.lima"), "names keep their width\n" + console.dump)
    }

    func testTheAssetCardSaysWhatWasWaivedAndWhy() {
        let console = approvedOverAFailingCheck(size: Size(width: 200, height: 50)).press("4", "/").type("ana.lima").press(.enter, .enter)
        XCTAssertNotNil(console.frame.row(containing: "Waived     ad disclosure missing (#ad, #sponsored"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "Because    the label says paid partnership (test, 2025-03-10)"), console.dump)
    }
}
