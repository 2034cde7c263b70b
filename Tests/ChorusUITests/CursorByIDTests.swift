import ChorusCore
@testable import ChorusUI
import XCTest

/// A change never retargets the next key: after a bulk action (or any change) each pane's
/// cursor stays on the item it was on, found by id, however the rows regrouped; if that item
/// left the list, the cursor is on the row that took its place.
final class CursorByIDTests: XCTestCase {
    func testPipelineBulkAdvanceKeepsTheCursorOnItsCreator() {
        let console = ConsoleDriver().press(" ", " ")   // @cleo.glow and @ana.lima marked; the cursor on the third row
        let before = pipelineCursor(console)
        XCTAssertEqual(before, "CR-0002")
        console.press(">")
        XCTAssertEqual(console.stage(of: "cleo.glow"), .invited)
        XCTAssertEqual(pipelineCursor(console), before, "the cursor follows @ben_makes, not the row number")
        console.press("i")
        XCTAssertEqual(console.stage(of: "ben_makes"), .invited, "the next key acts on the creator the cursor was on")
    }

    func testSeedingPackOfMarkedRowsKeepsTheCursorOnItsParcel() {
        let console = ConsoleDriver(SeedingSample.workspace()).press("2", " ", " ")   // SH-0001, SH-0002 marked
        XCTAssertEqual(seedingCursor(console), "SH-0003")
        console.press("p")
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .packed)
        XCTAssertEqual(seedingCursor(console), "SH-0003", "packed parcels regroup; the cursor stays on SH-0003")
        console.press("x", "y")
        XCTAssertEqual(console.workspace.shipment("SH-0003")?.status, .cancelled)
        XCTAssertEqual(console.workspace.shipment("SH-0005")?.status, .queued, "the parcel two rows down is untouched")
    }

    func testAParcelThatLeavesTheListLeavesTheCursorOnTheRowThatTookItsPlace() {
        let console = ConsoleDriver(SeedingSample.workspace()).press("2", "f", "j")   // queued only; SH-0002
        console.press("p")
        XCTAssertEqual(seedingCursor(console), "SH-0003")
    }

    func testSwitchingWavesDropsMarksOnParcelsNoLongerShown() {
        let console = ConsoleDriver(SeedingSample.workspace()).press("2", " ")   // SH-0001 in Wave 1 marked
        console.press("w")
        XCTAssertEqual(console.state.pipeline.waveID, Sample.wave2)
        console.press("p")
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .queued, "a parcel of a wave not on screen is not packed")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "no parcel to act on"))
    }

    func testApprovalsBulkApproveKeepsTheCursorOnItsDraft() {
        let console = ConsoleDriver(ApprovalsSample.workspace()).press("3", " ", " ")
        XCTAssertEqual(approvalsCursor(console), ApprovalsSample.id(3))
        console.press("a", "y")
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(1))?.status, .approved)
        XCTAssertEqual(approvalsCursor(console), ApprovalsSample.id(3), "approved drafts left the list above the cursor")
    }

    func testLibraryTagChangeThatEmptiesAFilteredRowKeepsTheCursorOnItsAsset() {
        let console = ConsoleDriver(LibrarySample.workspace()).press("4", "/").type("#spf").press(.enter)
        console.press(" ")   // AS-0003 marked; the cursor on AS-0001
        XCTAssertEqual(libraryCursor(console), "AS-0001")
        console.press("-").type("spf").press(.enter)
        XCTAssertEqual(console.workspace.asset("AS-0003")?.tags.contains("spf"), false)
        XCTAssertEqual(libraryCursor(console), "AS-0001", "AS-0003 left the filtered list; the cursor did not slide to AS-0005")
    }

    func testTheLeaderboardAndLedgerCursorsFollowTheirRowsWhenAChangeElsewhereReranksThem() {
        let console = ConsoleDriver(SeedingSample.workspace(queued: 0), size: Size(width: 140, height: 30))
        console.press("6", "j", "j")   // the ledger by total cost: @cleo.glow in Wave 1
        XCTAssertEqual(ledgerCursor(console), LedgerRows.RowKey(creator: "CR-0003", wave: Sample.wave1))
        console.press("5", "s", "G", "k")   // the leaderboard by contribution margin: @gus.grooms
        XCTAssertEqual(leaderboardCursor(console), "CR-0007")

        console.press("1", "j", "j", "j", "j", "j", "S")   // @fay.routine seeded: her cost re-ranks both
        XCTAssertEqual(console.workspace.shipments.map(\.creatorID), ["CR-0006"])
        console.press("6")
        XCTAssertEqual(console.console.ledgerRows.key(at: 0)?.creator, "CR-0006", "the parcel's cost puts her first")
        XCTAssertEqual(ledgerCursor(console), LedgerRows.RowKey(creator: "CR-0003", wave: Sample.wave1))
        console.press("5")
        XCTAssertEqual(console.console.rankings.entry(at: 7)?.row.creatorID, "CR-0006", "her margin is now the lowest")
        XCTAssertEqual(leaderboardCursor(console), "CR-0007")
    }

    // MARK: - Changes from outside (lazygit's "keep the selected commit after an external commit")

    func testADraftArrivingAboveTheCursorKeepsItsDraftSelectedAndTheNextApprovalActsOnIt() throws {
        let console = ConsoleDriver(ApprovalsSample.workspace()).press("3", "j", "j")
        XCTAssertEqual(approvalsCursor(console), ApprovalsSample.id(3))
        var early = try XCTUnwrap(console.workspace.submission(ApprovalsSample.id(1)))
        (early.id, early.submittedAt) = ("SU-0006", Timestamp("2025-03-01T09:00:00Z")!)
        try console.session.colleague("maria", .addSubmissions([early]))
        XCTAssertTrue(console.console.followColleagues())
        XCTAssertEqual(console.console.inbox.id(at: 0), "SU-0006", "the oldest draft leads the inbox: every row moved down one")
        XCTAssertEqual(approvalsCursor(console), ApprovalsSample.id(3), "the cursor stayed on its draft, not on its old row")

        console.press("a")
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(3))?.status, .approved)
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(2))?.status, .pending, "the draft now on the old row is untouched")
    }

    func testAColleaguesPackingWhileAnotherPaneIsShownKeepsTheSeedingCursorOnItsParcel() throws {
        let console = ConsoleDriver(SeedingSample.workspace()).press("2", "j", "j", "j", "1")   // SH-0004, then the Pipeline
        XCTAssertEqual(seedingCursor(console), "SH-0004")
        try console.session.colleague("sam", .markPacked(["SH-0001", "SH-0002"]))
        XCTAssertTrue(console.console.followColleagues())
        console.press("2")
        XCTAssertEqual(console.console.parcels.id(at: 3), "SH-0006", "packed parcels regrouped under the queued ones")
        XCTAssertEqual(seedingCursor(console), "SH-0004", "held by id until the Seeding rows were next rebuilt")
        console.press("p")
        XCTAssertEqual(console.workspace.shipment("SH-0004")?.status, .packed)
        XCTAssertEqual(console.workspace.shipment("SH-0006")?.status, .queued)
    }

    // MARK: - The item under each cursor

    private func pipelineCursor(_ console: ConsoleDriver) -> CreatorID? {
        console.console.table.creatorID(at: console.state.pipeline.cursor, in: console.workspace)
    }

    private func seedingCursor(_ console: ConsoleDriver) -> ShipmentID? { console.console.parcels.id(at: console.state.seeding.cursor) }
    private func approvalsCursor(_ console: ConsoleDriver) -> SubmissionID? { console.console.inbox.id(at: console.state.approvals.cursor) }
    private func leaderboardCursor(_ console: ConsoleDriver) -> CreatorID? {
        console.console.rankings.entry(at: console.state.leaderboard.cursor)?.row.creatorID
    }

    private func ledgerCursor(_ console: ConsoleDriver) -> LedgerRows.RowKey? { console.console.ledgerRows.key(at: console.state.ledger.cursor) }
    private func libraryCursor(_ console: ConsoleDriver) -> AssetID? { console.console.assets.id(at: console.state.library.cursor) }
}
