import ChorusCore
@testable import ChorusUI
import XCTest

/// `/` means the same in every pane: the words typed are each matched, in any order, against
/// any column shown. (Recruit: `SourcingKeyTests`.)
final class FilterWordsTests: XCTestCase {
    private func filtered(_ console: ConsoleDriver, _ pane: Key, _ text: String) -> ConsoleDriver {
        console.press(pane, .escape, .escape, "/").type(text).press(.enter)
    }

    /// SU-0001 (Ana, 4 days old: overdue) and SU-0003 (Cleo) lack a disclosure; all five are Wave 1 reels.
    func testApprovalsMatchEachWordAgainstTheDraftWaveDeliverableAgeAndChecks() {
        let console = ConsoleDriver(ApprovalsSample.workspace(failing: [1, 3]), size: Size(width: 120, height: 30))
        let ids = { (0..<console.console.inbox.count).compactMap { console.console.inbox.id(at: $0)?.rawValue } }
        XCTAssertEqual(filtered(console, "3", "reel").state.approvals.filter.text, "reel")
        XCTAssertEqual(ids(), ["SU-0001", "SU-0002", "SU-0003", "SU-0004", "SU-0005"])
        filtered(console, "3", "disclosure")
        XCTAssertEqual(ids(), ["SU-0001", "SU-0003"], "the checks column says no ad disclosure")
        filtered(console, "3", "overdue disclosure")
        XCTAssertEqual(ids(), ["SU-0001"])
        filtered(console, "3", "W-1 reel cleo")
        XCTAssertEqual(ids(), ["SU-0003"])
        filtered(console, "3", "ben disclosure")
        XCTAssertEqual(ids(), [], "Ben's draft passes")
        filtered(console, "3", "pass instagram")
        XCTAssertEqual(ids(), ["SU-0002", "SU-0004", "SU-0005"])
    }

    func testSeedingMatchesEachWordAgainstTheParcelColumns() throws {
        var workspace = SeedingSample.workspace(queued: 3)
        try workspace.apply(.editShipment("SH-0002", items: [ShipmentItem(sku: SeedingSample.mist, quantity: 2)], note: nil),
                            context: CommandContext(now: Sample.now, actor: "test"))
        let console = ConsoleDriver(workspace, size: Size(width: 120, height: 30))
        let ids = { ["SH-0001", "SH-0002", "SH-0003"].filter { id in console.frame.lines.contains { $0.hasPrefix("  \(id)") } } }
        filtered(console, "2", "queued serum")
        XCTAssertEqual(ids(), ["SH-0001", "SH-0003"])
        filtered(console, "2", "mist ben")
        XCTAssertEqual(ids(), ["SH-0002"])
        filtered(console, "2", "DE cleo")
        XCTAssertEqual(ids(), ["SH-0003"])
        filtered(console, "2", "mist cleo")
        XCTAssertEqual(ids(), [])
    }

    func testTheLedgerAndLeaderboardMatchEachWord() {
        let console = ConsoleDriver(LedgerReturnsTests.workspace, size: Size(width: 120, height: 30))
        let title = { console.frame.line(1) }
        filtered(console, "6", "W-1 eve")
        XCTAssertTrue(title().contains(" · 1 row · "), console.dump)
        filtered(console, "6", "eve ana")
        XCTAssertTrue(title().contains(" · 0 rows · "), console.dump)
        filtered(console, "6", "lima W-1")
        XCTAssertTrue(title().contains(" · 1 row · "), console.dump)
        filtered(console, "5", "laurent eve")
        XCTAssertTrue(title().contains(" · 1 creator · "), console.dump)
        filtered(console, "5", "eve ana")
        XCTAssertTrue(title().contains(" · 0 creators · "), console.dump)
    }

    /// AS-0003 (Cleo, expired, #spf #beach), AS-0001 and AS-0005 (active, Instagram), AS-0002 (TikTok, ends in 5 days).
    func testTheLibraryMatchesEachWordAgainstTheRightsColumnToo() {
        let console = ConsoleDriver(LibrarySample.workspace(), size: Size(width: 120, height: 30))
        let ids = { ["AS-0001", "AS-0002", "AS-0003", "AS-0004", "AS-0005"].filter { id in console.frame.lines.contains { $0.hasPrefix("  \(id)") } } }
        filtered(console, "4", "expired spf")
        XCTAssertEqual(ids(), ["AS-0003"])
        filtered(console, "4", "instagram active")
        XCTAssertEqual(ids(), ["AS-0001", "AS-0005"])
        filtered(console, "4", "ends tiktok")
        XCTAssertEqual(ids(), ["AS-0002"])
    }

    /// Wave 1 is live, Wave 2 planning; typed letters go to the filter, never to the pane's keys.
    func testTheWavesListFiltersByEachWordAndEnterWorksInTheWaveShown() {
        let console = ConsoleDriver(Sample.workspace(), size: Size(width: 120, height: 30))
        filtered(console, "7", "planning wave")
        XCTAssertNil(console.state.form, "n in \"planning\" is typed, not a new wave")
        XCTAssertNotNil(console.frame.row(containing: "Waves · 1 wave · "), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "filter \"planning wave\""), console.dump)
        console.press(.enter)
        XCTAssertEqual(console.state.pipeline.waveID, Sample.wave2, "Enter works in the wave the filter shows")
        filtered(console, "7", "live planning")
        XCTAssertNotNil(console.frame.row(containing: "No wave matches — Esc clears the filter."), console.dump)
        console.press(.escape)
        XCTAssertNotNil(console.frame.row(containing: "Waves · 2 waves · "), console.dump)
    }
}
