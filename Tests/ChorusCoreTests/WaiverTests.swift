import XCTest
@testable import ChorusCore

/// An approval over a failing check stays visible: the draft and the asset it made carry the
/// waived checks and the reason, and a plain approval carries none.
final class WaiverTests: XCTestCase {
    private var workspace = ProgramFixture.workspace

    func testAnOverrideLeavesAWaiverOnTheDraftAndItsAsset() throws {
        try workspace.run(.approveWithOverride(ProgramFixture.undisclosedDraft, reason: "the label says paid partnership"))
        let waiver = try XCTUnwrap(workspace.submission(ProgramFixture.undisclosedDraft)?.waiver)
        XCTAssertEqual(waiver, Waiver(checks: ["ad disclosure missing (#ad, #sponsored, paid partnership, #gifted)"],
                                      reason: "the label says paid partnership", reviewer: "ana", day: ProgramFixture.today))
        XCTAssertEqual(waiver.summary,
                       "waived 1 check: the label says paid partnership — ad disclosure missing (#ad, #sponsored, paid partnership, #gifted)")
        let asset = try XCTUnwrap(workspace.assets.last)
        XCTAssertEqual(workspace.waiver(of: asset), waiver)
    }

    func testAPlainApprovalAndAPendingDraftWaiveNothing() throws {
        try workspace.run(.approve([ProgramFixture.compliantDraft]))
        XCTAssertNil(workspace.submission(ProgramFixture.compliantDraft)?.waiver)
        XCTAssertNil(workspace.waiver(of: try XCTUnwrap(workspace.assets.last)))
        XCTAssertNil(workspace.submission(ProgramFixture.undisclosedDraft)?.waiver, "still pending")
        XCTAssertNil(workspace.waiver(of: try XCTUnwrap(workspace.asset(ProgramFixture.approvedAsset))))
    }
}
