import XCTest
@testable import ChorusCore

/// A customer who never accepted marketing stays visible as a prospect but is never invited,
/// and the refusal names them instead of skipping them quietly.
final class MarketingConsentTests: XCTestCase {
    private var workspace = ProgramFixture.workspace

    private func withoutConsent(_ id: CreatorID) throws {
        var creator = try XCTUnwrap(workspace.creator(id))
        creator.customer = CustomerSignals(orders: 3, totalSpent: Money(minorUnits: 9_000, currency: .eur), acceptsMarketing: false)
        try workspace.run(.updateCreator(creator))
    }

    func testACustomerWithoutConsentIsAProspectButCannotBeInvited() throws {
        try withoutConsent(ProgramFixture.lea)
        let lea = try XCTUnwrap(workspace.creator(ProgramFixture.lea))
        XCTAssertFalse(lea.isContactable)
        assertRefused(.advanceStage(creators: [ProgramFixture.lea], wave: ProgramFixture.spring), on: workspace,
                      saying: "\(lea.name) (@lea.lumiere) has not accepted marketing and cannot be invited")
        assertRefused(.enroll(creators: [ProgramFixture.mila, ProgramFixture.lea], wave: ProgramFixture.summer, stage: .invited),
                      on: workspace, saying: "\(lea.name) (@lea.lumiere) has not accepted marketing and cannot be invited")
        XCTAssertNil(workspace.enrollment(ProgramFixture.mila, in: ProgramFixture.summer), "nothing half-applied")
        try workspace.run(.enroll(creators: [ProgramFixture.lea], wave: ProgramFixture.summer, stage: .prospect))
        XCTAssertEqual(workspace.enrollment(ProgramFixture.lea, in: ProgramFixture.summer)?.stage, .prospect)
    }

    func testAnInviteAJournalAcknowledgedUnderOlderRulesStillReplays() throws {
        try withoutConsent(ProgramFixture.lea)
        let invite = Command.enroll(creators: [ProgramFixture.lea], wave: ProgramFixture.summer, stage: .invited)
        let replaying = CommandContext(now: ProgramFixture.context.now, actor: "ana", isReplay: true)
        XCTAssertNoThrow(try workspace.apply(invite, context: replaying), "history replays, or the workspace would not open")
        XCTAssertEqual(workspace.enrollment(ProgramFixture.lea, in: ProgramFixture.summer)?.stage, .invited)
    }

    func testCreatorsWhoAreNotCustomersAreContactable() throws {
        XCTAssertTrue(Creator(id: "CR-1", handle: "applicant", name: "Applicant").isContactable)
    }

    func testAnOlderProgramFileWithoutFitWeightsOpensWithTheDefaults() throws {
        let json = #"{"creatorMedium":"creator","overdueBusinessDays":5}"#
        let settings = try JSONDecoder().decode(ProgramSettings.self, from: Data(json.utf8))
        XCTAssertEqual(settings.overdueBusinessDays, 5)
        XCTAssertEqual(settings.fitScore, FitScoreWeights())
        let partial = try JSONDecoder().decode(ProgramSettings.self, from: Data(#"{"fitScore":{"engagement":40}}"#.utf8))
        XCTAssertEqual(partial.fitScore.engagement, 40)
        XCTAssertEqual(partial.fitScore.audience, FitScoreWeights().audience)
    }
}
