import ChorusCore
@testable import ChorusUI
import XCTest

/// A colleague's work arrives while this console is open: the rows change in place, the
/// status line says who did what, and the person's own last message is not wiped unread.
final class LiveColleaguesTests: XCTestCase {
    private func status(_ console: ConsoleDriver, _ number: Int) -> SubmissionStatus? {
        console.workspace.submission(ApprovalsSample.id(number))?.status
    }

    func testAColleaguesApprovalsShowInPlaceWithWhoDidThem() throws {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3")
        XCTAssertNotNil(console.frame.row(containing: "SU-0002"), console.dump)
        XCTAssertFalse(console.console.followColleagues(), "nothing happened, nothing to draw")

        try console.session.colleague("maria", .approve([ApprovalsSample.id(2), ApprovalsSample.id(3)]))
        XCTAssertTrue(console.console.followColleagues())
        XCTAssertEqual(console.state.message?.kind, .info)
        XCTAssertTrue(console.state.message?.text.hasPrefix("maria approved ") ?? false, "\(String(describing: console.state.message))")
        XCTAssertNil(console.frame.row(containing: "SU-0002"), "the pending inbox no longer lists maria's approvals\n\(console.dump)")
        XCTAssertNotNil(console.frame.row(containing: "SU-0001"), console.dump)

        console.press("a")  // the person's own approval, on the cursor's draft
        XCTAssertEqual(status(console, 1), .approved)
        let own = try XCTUnwrap(console.state.message?.text)
        try console.session.colleague("sam", .requestChanges([ApprovalsSample.id(4)], note: "brighter"))
        XCTAssertTrue(console.console.followColleagues())
        XCTAssertEqual(console.state.message?.text.hasPrefix(own + " · sam "), true,
                       "the person's own outcome stays, with the news after it: \(String(describing: console.state.message))")
    }

    func testTheCursorStaysOnItsDraftWhenAColleagueDecidesOneAboveIt() throws {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3", "j", "j")
        let held = console.console.inbox.id(at: console.state.approvals.cursor)
        XCTAssertEqual(held, ApprovalsSample.id(3))
        try console.session.colleague("maria", .approve([ApprovalsSample.id(1)]))
        XCTAssertTrue(console.console.followColleagues())
        XCTAssertEqual(console.console.inbox.id(at: console.state.approvals.cursor), held, "the row above went; the cursor did not move to another draft")
    }

    func testManyChangesAtOnceAreCountedAndTheNewestNamed() {
        let changes = (1...5).map { ColleagueChange(actor: "sam", summary: "marked SH-000\($0) shipped") }
        XCTAssertEqual(ColleagueChange.sentence(changes),
                       "2 earlier changes · sam marked SH-0003 shipped · sam marked SH-0004 shipped · sam marked SH-0005 shipped")
    }
}
