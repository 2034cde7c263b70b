import ChorusCore
@testable import ChorusUI
import XCTest

/// The Waves pane (7) as a manager sees it: every wave with status, dates, budget, creators
/// and parcels, and the brief and incentive plan of the wave under the cursor.
final class WavesFrameTests: XCTestCase {
    private func briefedWorkspace() -> Workspace {
        var workspace = SeedingSample.workspace()
        var wave = workspace.wave(Sample.wave1)!
        wave.endDate = Sample.today.adding(days: 60)
        wave.brief.keyMessages = ["Glow in 7 days"]
        wave.brief.requiredHashtags = ["#GlowWave"]
        wave.brief.requiredMentions = ["@glow"]
        wave.brief.bannedWords = ["miracle"]
        wave.brief.deliverables = [Deliverable(id: "D-1", platform: .instagram, format: .reel, dueDate: Sample.today.adding(days: 30))]
        wave.incentivePlan = IncentivePlan(gifting: true, commissionBasisPoints: 1_000,
                                           bonusTiers: [BonusTier(metric: .directOrders, threshold: 20, bonus: Money(minorUnits: 5_000, currency: .eur))])
        try! workspace.apply(.updateWave(wave), context: CommandContext(now: Sample.now, actor: "test"))
        return workspace
    }

    func testWavesAt80x24() {
        let console = ConsoleDriver(briefedWorkspace()).press("7")
        let lines = console.frame.lines
        XCTAssertEqual(Array(lines[0...19]), [
            " 1 Pipeline 2 Seeding 3 Approvals 4 Library 5 Leaderboard 6 Ledger 7 Waves",
            " Waves · 2 waves · n new · e edit · C copy · v overview",
            "  WAVE          STATUS     STARTS     ENDS              BUDGET CREATORS PARCELS",
            "▸ Wave 1        live       2025-03-10 2025-05-09   5000.00 EUR        8       6",
            "  Wave 2        planning   2025-03-10 —            5000.00 EUR        2       0",
            "────────────────────────────────────────────────────────────────────────────────",
            " Wave 1",
            " live · slug wave-1",
            " Budget     5000.00 EUR",
            " Results    spent 75.00 · ROAS 0.00× · ROI on margin -100.00% · contribution",
            "            margin -75.00",
            " Products   Glow Serum ×1, Face Mist ×2",
            " Messages   Glow in 7 days",
            " Hashtags   #GlowWave",
            " Mentions   @glow",
            " Banned     miracle",
            " Deliver    Instagram reel due 2025-04-09",
            " Rights     not agreed: drafts fail the usage-rights check",
            " Incentives gifting · 10 % commission",
            " Bonuses    20 orders: 50.00",
        ], console.dump)
        XCTAssertEqual(console.frame.role(of: "Wave 1        live"), .selection)
        XCTAssertEqual(lines[23], " n new  e edit  C copy  / filter  Space mark  Enter details  ? help         1/2")
    }

    func testWavesAt120x40FollowTheCursor() {
        let console = ConsoleDriver(briefedWorkspace(), size: Size(width: 120, height: 40)).press("7", "j")
        let frame = console.frame
        XCTAssertEqual(frame.line(0), " Chorus  1 Pipeline  2 Seeding  3 Approvals  4 Library  5 Leaderboard  6 Ledger  7 Waves                 Glow Always-On")
        XCTAssertEqual(frame.line(4), "  Wave 2                                                planning   2025-03-10 —            5000.00 EUR        2       0", console.dump)
        XCTAssertEqual(frame.role(of: "  Wave 2     "), .selection)
        XCTAssertEqual(frame.line(6), " Wave 2")
        XCTAssertEqual(frame.line(9), " Results    spent 0.00 · ROAS — · ROI on margin — · contribution margin 0.00")
        XCTAssertEqual(frame.line(10), " Products   —")
        XCTAssertTrue(frame.line(39).hasSuffix("2/2"))

        console.press(.enter)
        XCTAssertEqual(console.state.pipeline.waveID, Sample.wave2, "Enter works in the wave under the cursor")
        XCTAssertEqual(console.frame.line(4).prefix(2), "▸ ")
    }
}
