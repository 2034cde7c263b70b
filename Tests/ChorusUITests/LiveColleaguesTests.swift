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

    func testManyChangesAtOnceAreSummedPerPersonAndKind() {
        let scans = (1...12).map { ColleagueChange(actor: "sam", summary: "marked SH-\(String(format: "%04d", $0)) shipped") }
        let approvals = [ColleagueChange(actor: "maria", summary: "approved 1 submission"),
                         ColleagueChange(actor: "maria", summary: "approved 2 submissions")]
        XCTAssertEqual(ColleagueChange.sentence([approvals[0]] + scans + [approvals[1]]),
                       "maria approved 3 submissions · sam marked 12 parcels shipped")
        XCTAssertEqual(ColleagueChange.sentence([ColleagueChange(actor: "sam", summary: "marked SH-0001 shipped")]), "sam marked SH-0001 shipped",
                       "one change is said as it was")
        let many = ["ana", "ben", "cleo", "dev"].map { ColleagueChange(actor: $0, summary: "archived the wave") }
            + [ColleagueChange(actor: "dev", summary: "archived the wave")]
        XCTAssertEqual(ColleagueChange.sentence(many), "1 earlier change · ben archived the wave · cleo archived the wave · dev archived the wave (2 times)")
    }

    /// The draft open in the detail is decided by a colleague: the detail stays on it and says
    /// so, and a key that would decide it is refused naming who — it does not fall through to
    /// the next pending draft that slid under the cursor.
    func testADraftOpenInTheDetailThatAColleagueDecidesStaysAndRefusesKeys() throws {
        let console = ConsoleDriver(ApprovalsSample.workspace(), size: Size(width: 100, height: 30))
        console.press("3", "j", .enter)
        XCTAssertEqual(console.state.overlay, .submissionDetail)
        XCTAssertNotNil(console.frame.row(containing: "SU-0002 — Enter or Esc closes"), console.dump)

        try console.session.colleague("maria", .approve([ApprovalsSample.id(2)]))
        XCTAssertTrue(console.console.followColleagues())
        XCTAssertNotNil(console.frame.row(containing: "SU-0002 — approved by maria at 09:00 while you had it open — Esc closes"), console.dump)

        console.press("a")
        XCTAssertEqual(console.state.message?.kind, .error)
        XCTAssertEqual(console.state.message?.text,
                       "SU-0002 was approved by maria at 09:00 while you had it open; nothing was changed — Esc closes it")
        XCTAssertEqual(status(console, 3), .pending, "the draft that slid under the cursor was not approved by mistake")
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(2))?.reviews.count, 1, "nor was maria's approved twice")

        console.press(.escape, .enter)
        XCTAssertNotNil(console.frame.row(containing: "SU-0003 — Enter or Esc closes"), "opened again, the detail follows the cursor\n\(console.dump)")
    }

    /// A catch-up that failed leaves the screen behind the team's: the status bar says so for
    /// as long as it lasts, whatever else the status line says meanwhile, and no longer once
    /// following works again.
    func testWhileColleaguesCannotBeFollowedTheStatusBarSaysSo() {
        let console = ConsoleDriver()
        console.session.notFollowing = "journal.jsonl, line 12: this line cannot be read"
        XCTAssertTrue(console.console.followColleagues(), "the screen is drawn again")
        console.press("j", "/").type("ana").press(.enter)
        XCTAssertTrue(console.frame.lines.last?.contains("not following colleagues") ?? false, console.dump)
        console.session.notFollowing = nil
        XCTAssertTrue(console.console.followColleagues())
        XCTAssertFalse(console.frame.lines.last?.contains("not following colleagues") ?? true, console.dump)
        XCTAssertFalse(console.console.followColleagues(), "nothing changed since")
    }
}
