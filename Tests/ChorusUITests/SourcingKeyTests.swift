import ChorusCore
@testable import ChorusUI
import XCTest

/// A coordinator recruits for Wave 1 from creators in no wave: the best fit first, filters by
/// typing, marks and invites, and is told by name who cannot be invited.
final class SourcingKeyTests: XCTestCase {
    private static func customer(_ orders: Int, consent: Bool) -> CustomerSignals {
        CustomerSignals(orders: orders, totalSpent: Money(minorUnits: Int64(orders) * 4_500, currency: .eur), acceptsMarketing: consent)
    }

    /// Iris: a 5 000-follower customer at 7.5 % (9 orders). Jon: a 90 000-follower stranger at
    /// 1 %. Kim: a customer (6 orders) who never accepted marketing. Hana is only dropped from
    /// Wave 1, so she is in no wave either.
    private func console() throws -> ConsoleDriver {
        let found = [
            Creator(id: "CR-0009", handle: "iris.hikes", name: "Iris Vogel",
                    profiles: [SocialProfile(platform: .instagram, handle: "iris.hikes", followers: 5_000)], engagementRate: 0.075,
                    niches: ["outdoors"], sources: [.customerList], customer: Self.customer(9, consent: true)),
            Creator(id: "CR-0010", handle: "jon.big", name: "Jon Berg",
                    profiles: [SocialProfile(platform: .instagram, handle: "jon.big", followers: 90_000)], engagementRate: 0.01,
                    niches: ["fitness"], sources: [.marketplace]),
            Creator(id: "CR-0011", handle: "kim.quiet", name: "Kim Park",
                    profiles: [SocialProfile(platform: .tiktok, handle: "kim.quiet", followers: 3_000)], engagementRate: 0.03,
                    niches: ["skincare"], sources: [.loyalty], customer: Self.customer(6, consent: false)),
        ]
        var workspace = Sample.workspace()
        _ = try workspace.apply(.importCreators(found, codes: []), context: CommandContext(now: Sample.now, actor: "test"))
        return ConsoleDriver(workspace, size: Size(width: 120, height: 30))
    }

    private func handles(_ console: ConsoleDriver) -> [String] {
        (0..<console.console.table.count).map { console.workspace.creators[console.console.table.creatorPosition(at: $0)].handle }
    }

    func testRecruitListsCreatorsInNoWaveBestFitFirst() throws {
        let console = try console().press("R")
        XCTAssertTrue(console.state.pipeline.sourcing)
        XCTAssertEqual(handles(console), ["iris.hikes", "hana.beauty", "kim.quiet", "jon.big"],
                       "the engaged small customer first, the big stranger last")
        XCTAssertNotNil(console.frame.row(containing: "Recruit · for Wave 1, creators in no wave"), console.dump)
        XCTAssertEqual(console.frame.role(of: "no consent"), .warning, "Kim is shown as not contactable")
        XCTAssertTrue(console.frame.line(2).hasPrefix(" niches: skincare 2 · fitness 1 · outdoors 1  "), "clustered by niche, biggest first")
        console.press("R")
        XCTAssertFalse(console.state.pipeline.sourcing)
        XCTAssertEqual(console.console.table.count, 8, "back to Wave 1's pipeline")
    }

    func testInviteMarkedMovesThemIntoTheWavesPipeline() throws {
        let console = try console().press("R", " ", " ", "i")
        XCTAssertEqual(console.session.performed, [.enroll(creators: ["CR-0008", "CR-0009"], wave: Sample.wave1, stage: .invited)])
        XCTAssertEqual(console.stage(of: "iris.hikes"), .invited)
        XCTAssertEqual(console.stage(of: "hana.beauty"), .invited, "a dropped creator can be invited back")
        XCTAssertEqual(handles(console), ["kim.quiet", "jon.big"], "invited creators leave the recruit list")
        XCTAssertEqual(console.state.pipeline.marks, [])
    }

    func testACustomerWithoutConsentIsRefusedByName() throws {
        let console = try console().press("R", "/").type("no consent").press(.enter)
        XCTAssertEqual(handles(console), ["kim.quiet"], "the filter finds who cannot be contacted")
        console.press(" ", "i")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "Kim Park (@kim.quiet) has not accepted marketing and cannot be invited"))
        XCTAssertTrue(console.session.performed.isEmpty, "nothing is sent, nobody is skipped silently")
        XCTAssertEqual(console.state.pipeline.marks, ["CR-0011"])
    }

    func testTheDetailExplainsTheScore() throws {
        let console = try console().press("R", .enter)
        let frame = console.dump
        XCTAssertTrue(frame.contains("Fit score"), frame)
        XCTAssertTrue(frame.contains("engagement"), frame)
        XCTAssertTrue(frame.contains("audience"), frame)
    }

    func testFilterWordsAreEachMatchedAndTheNicheLineFollowsTheFilter() throws {
        let console = try console().press("R", "/").type("contactable skincare").press(.enter)
        XCTAssertEqual(handles(console), ["hana.beauty"], "Kim does skincare but cannot be contacted; Iris and Jon do not do skincare")
        XCTAssertTrue(console.frame.line(2).hasPrefix(" niches: skincare 1  "), console.dump)
        console.press(.escape, "/").type("skincare contactable")
        XCTAssertEqual(handles(console), ["hana.beauty"], "the order of the words does not matter")
        console.press(.escape, "/").type("outdoors fitness")
        XCTAssertEqual(handles(console), [], "nobody does both")
        XCTAssertTrue(console.frame.line(2).hasPrefix(" niches: none"), console.dump)
    }
}
