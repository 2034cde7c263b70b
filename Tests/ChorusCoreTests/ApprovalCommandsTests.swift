import XCTest
@testable import ChorusCore

/// The approval inbox: approve, request changes, reject, resubmit, record the post.
final class ApprovalCommandsTests: XCTestCase {
    private var workspace = ProgramFixture.workspace
    private let compliant = ProgramFixture.compliantDraft, undisclosed = ProgramFixture.undisclosedDraft
    private let rejected = ProgramFixture.rejectedDraft, awaitingChanges = ProgramFixture.draftAwaitingChanges
    private let approved = ProgramFixture.approvedDraft
    private let now = ProgramFixture.context.now

    private func submission(_ id: SubmissionID) -> Submission { workspace.submission(id)! }

    // MARK: New drafts

    func testAddingSubmissions() throws {
        let draft = ProgramFixture.draft("SUB-0006", caption: "#ad first look", submittedAt: "2026-03-12T07:00:00Z")
        XCTAssertEqual(try workspace.run(.addSubmissions([draft])).summary, "added 1 submission")
        XCTAssertEqual(submission("SUB-0006").status, .pending)
    }

    func testSubmissionRefusals() {
        let draft = ProgramFixture.draft("SUB-0006", caption: "#ad", submittedAt: "2026-03-12T07:00:00Z")
        assertRefused(.addSubmissions([]), on: workspace, saying: "no submissions given")
        assertRefused(.addSubmissions([draft, submission(compliant)]), on: workspace, saying: "submission SUB-0001 already exists")
        assertRefused(.addSubmissions([draft, draft]), on: workspace, saying: "submission SUB-0006 already exists")
        var stranger = draft
        stranger.creatorID = ProgramFixture.jonas
        assertRefused(.addSubmissions([stranger]), on: workspace, saying: "@jonas.outdoors is not in Spring Glow, so cannot submit for it")
        var wrongDeliverable = draft
        wrongDeliverable.deliverableID = "D-3"
        assertRefused(.addSubmissions([wrongDeliverable]), on: workspace, saying: "Spring Glow has no deliverable D-3")
        var alreadyApproved = draft
        alreadyApproved.status = .approved
        assertRefused(.addSubmissions([alreadyApproved]), on: workspace, saying: "a new submission must be pending, not approved")
    }

    // MARK: Approving

    func testApprovingACompliantDraftAddsItToTheLibraryWithItsAgreedRights() throws {
        let applied = try workspace.run(.approve([compliant]))
        XCTAssertEqual(applied.summary, "approved 1 submission")
        XCTAssertEqual(submission(compliant).status, .approved)
        XCTAssertEqual(submission(compliant).reviews.last, Review(action: .approved, reviewer: "ana", at: now, round: 1))

        let asset = try XCTUnwrap(workspace.asset("AS-0002"), "numbered after AS-0001")
        XCTAssertEqual(asset.submissionID, compliant)
        XCTAssertEqual(asset.creatorID, ProgramFixture.sakura)
        XCTAssertEqual(asset.kind, .video, "a reel is a video")
        XCTAssertEqual(asset.caption, "Morning glow with @lumenskin #LumenGlow #gifted")
        XCTAssertEqual(asset.rights?.uses, [.organicRepost, .paidSocial])
        XCTAssertEqual(asset.rights?.territory, .countries(["DE", "FR"]))
        XCTAssertEqual(asset.rights?.start, ProgramFixture.today)
        XCTAssertEqual(asset.rights?.end, Day("2026-06-09"), "90 days counting the approval day: the last day is the 90th")
    }

    /// Extra content (no deliverable of the brief) has no agreed rights: the approval says its
    /// asset has none when it happens, rather than leaving "no rights" to be found in the Library.
    func testApprovingExtraContentSaysItsAssetHasNoRights() throws {
        var extra = ProgramFixture.draft("SUB-0006", caption: "#ad Morning glow with @lumenskin #LumenGlow", submittedAt: "2026-03-12T07:00:00Z")
        extra.deliverableID = nil
        try workspace.run(.addSubmissions([extra]))
        let approved = try workspace.run(.approve(["SUB-0006", compliant]))
        XCTAssertEqual(approved.summary, "approved 2 submissions; SUB-0006 has no usage rights agreed in the brief")
        guard case .restore(_, let label) = approved.undo else { return XCTFail("an approval is undone by a restore") }
        XCTAssertEqual(label, "approved 2 submissions", "undoing it takes back the approval, not the warning")
        XCTAssertNil(workspace.asset("AS-0002")?.rights)
        XCTAssertNotNil(workspace.asset("AS-0003")?.rights, "the compliant draft's deliverable has its rights")
    }

    /// Rights of partnership ads only are agreed: they start with the ad code once the post is
    /// live, so the asset has none yet and the approval has nothing to warn of.
    func testApprovingUnderPartnershipAdRightsOnlyAddsNoNote() throws {
        var wave = try XCTUnwrap(workspace.wave(submission(compliant).waveID))
        for index in wave.brief.deliverables.indices {
            wave.brief.deliverables[index].rights = RightsTemplate(uses: [.whitelisting], territory: .worldwide, durationDays: 90)
        }
        try workspace.run(.updateWave(wave))
        XCTAssertEqual(try workspace.run(.approve([compliant])).summary, "approved 1 submission")
        XCTAssertNil(workspace.asset("AS-0002")?.rights)
    }

    func testApprovingADraftWithoutAdDisclosureIsRefusedNamingTheCheck() {
        let message = assertRefused(.approve([undisclosed]), on: workspace)
        XCTAssertEqual(message, "submission SUB-0002 by @sakura_hibi cannot be approved: "
            + "ad disclosure missing (#ad, #sponsored, paid partnership, #gifted) "
            + "(approve with override and a reason to publish anyway)")
    }

    func testEveryFailingCheckIsNamed() throws {
        let draft = ProgramFixture.draft("SUB-0006", caption: "A miracle in a bottle", submittedAt: "2026-03-12T07:00:00Z")
        try workspace.run(.addSubmissions([draft]))
        assertRefused(.approve(["SUB-0006"]), on: workspace,
                      saying: "ad disclosure missing", "#LumenGlow missing", "@lumenskin missing", "banned claim \"miracle\" used")
    }

    func testABatchFailingOnItsSecondDraftApprovesNothing() {
        assertRefused(.approve([compliant, undisclosed]), on: workspace, saying: "submission SUB-0002", "ad disclosure missing")
        assertRefused(.approve([compliant, compliant]), on: workspace, saying: "a submission is listed twice")
        assertRefused(.approve([]), on: workspace, saying: "no submissions given")
        assertRefused(.approve([compliant, "SUB-0099"]), on: workspace, saying: "submission SUB-0099 does not exist")
    }

    func testGiftedIsNotEnoughForACreatorPaidAFeeInAGiftingWave() throws {
        var fixture = ProgramFixture()
        fixture.enrollments[1].incentiveOverride = IncentivePlan(gifting: true, flatFee: eur("80"))
        let workspace = fixture.build()
        assertRefused(.approve([compliant]), on: workspace,
                      saying: "ad disclosure missing (#ad, #sponsored, paid partnership)")
    }

    func testOnlyPendingDraftsCanBeApproved() {
        assertRefused(.approve([rejected]), on: workspace, saying: "submission SUB-0003 cannot be approved: it was rejected")
        assertRefused(.approve([approved]), on: workspace, saying: "submission SUB-0005 cannot be approved: it is already approved")
        assertRefused(.approve([awaitingChanges]), on: workspace,
                      saying: "submission SUB-0004 cannot be approved: it is waiting for the creator's changes")
        assertRefused(.approveWithOverride(rejected, reason: "client insists"), on: workspace,
                      saying: "submission SUB-0003 cannot be approved: it was rejected")
    }

    // MARK: Overriding

    func testOverrideNeedsAReasonAndRecordsTheWaivedChecks() throws {
        assertRefused(.approveWithOverride(undisclosed, reason: "  "), on: workspace, saying: "a reason for the override is required")

        let applied = try workspace.run(.approveWithOverride(undisclosed, reason: "disclosure is in the platform's paid-partnership label"))
        XCTAssertEqual(applied.summary, "approved SUB-0002 with override")
        let review = try XCTUnwrap(submission(undisclosed).reviews.last)
        XCTAssertEqual(review.action, .approvedWithOverride)
        XCTAssertEqual(review.reviewer, "ana")
        XCTAssertEqual(review.note, "disclosure is in the platform's paid-partnership label")
        XCTAssertEqual(review.overriddenChecks, ["ad disclosure missing (#ad, #sponsored, paid partnership, #gifted)"])
        XCTAssertEqual(submission(undisclosed).status, .approved)
        XCTAssertEqual(workspace.assets.last?.submissionID, undisclosed)
    }

    // MARK: Requesting changes and resubmitting

    func testRequestingChangesNeedsANote() throws {
        assertRefused(.requestChanges([undisclosed], note: ""), on: workspace, saying: "a note for the creator is required")
        let applied = try workspace.run(.requestChanges([undisclosed], note: "Please add #ad at the start"))
        XCTAssertEqual(applied.summary, "requested changes on 1 submission")
        XCTAssertEqual(submission(undisclosed).status, .changesRequested)
        XCTAssertEqual(submission(undisclosed).reviews.last,
                       Review(action: .changesRequested, reviewer: "ana", at: now, round: 1, note: "Please add #ad at the start"))
        assertRefused(.requestChanges([compliant, approved], note: "again"), on: workspace,
                      saying: "submission SUB-0005 cannot be sent back for changes: it is already approved")
    }

    func testResubmittingBumpsTheRoundAndKeepsEarlierCaptions() throws {
        try workspace.run(.requestChanges([undisclosed], note: "Please add #ad"))
        let applied = try workspace.run(.resubmit(undisclosed, caption: "#ad My new favourite serum #LumenGlow @lumenskin", onScreenText: "#ad"))
        XCTAssertEqual(applied.summary, "recorded round 2 of SUB-0002")
        var draft = submission(undisclosed)
        XCTAssertEqual(draft.round, 2)
        XCTAssertEqual(draft.status, .pending)
        XCTAssertEqual(draft.submittedAt, now)
        XCTAssertEqual(draft.onScreenText, "#ad")
        XCTAssertEqual(draft.previousCaptions, ["My new favourite serum #LumenGlow @lumenskin"])
        XCTAssertEqual(draft.reviews.map(\.action), [.changesRequested, .resubmitted])

        try workspace.run(.requestChanges([undisclosed], note: "Swap the music"))
        try workspace.run(.resubmit(undisclosed, caption: "#ad Round three #LumenGlow @lumenskin", onScreenText: nil))
        draft = submission(undisclosed)
        XCTAssertEqual(draft.round, 3)
        XCTAssertEqual(draft.onScreenText, "#ad", "nil keeps the on-screen text")
        XCTAssertEqual(draft.previousCaptions, ["My new favourite serum #LumenGlow @lumenskin",
                                                "#ad My new favourite serum #LumenGlow @lumenskin"])

        try workspace.run(.approve([undisclosed]))
        XCTAssertEqual(submission(undisclosed).reviews.last?.round, 3)
    }

    func testOnlyADraftWaitingForChangesCanBeResubmitted() {
        assertRefused(.resubmit(compliant, caption: "x", onScreenText: nil), on: workspace,
                      saying: "submission SUB-0001 cannot be resubmitted: it is pending, not waiting for changes")
        assertRefused(.resubmit("SUB-0099", caption: "x", onScreenText: nil), on: workspace, saying: "submission SUB-0099 does not exist")
    }

    // MARK: Rejecting

    func testRejectingNeedsAReason() throws {
        assertRefused(.reject([undisclosed], reason: " "), on: workspace, saying: "a reason for the rejection is required")
        XCTAssertEqual(try workspace.run(.reject([undisclosed, awaitingChanges], reason: "off-brief")).summary, "rejected 2 submissions")
        XCTAssertEqual(submission(undisclosed).status, .rejected)
        XCTAssertEqual(submission(awaitingChanges).reviews.last?.note, "off-brief")
    }

    func testARejectedOrApprovedDraftCannotBeRejectedAgain() {
        assertRefused(.reject([undisclosed, rejected], reason: "x"), on: workspace,
                      saying: "submission SUB-0003 cannot be rejected: it is already rejected")
        assertRefused(.reject([approved], reason: "x"), on: workspace, saying: "it is already approved")
        assertRefused(.reject([], reason: "x"), on: workspace, saying: "no submissions given")
        assertRefused(.reject([undisclosed, undisclosed], reason: "x"), on: workspace, saying: "a submission is listed twice")
    }

    // MARK: Posting

    func testRecordingThePostUpdatesTheAssetAndThePipeline() throws {
        let applied = try workspace.run(.recordPost(approved, url: " https://instagram.com/p/abc ", postedOn: ProgramFixture.today))
        XCTAssertEqual(applied.summary, "recorded the post for SUB-0005")
        XCTAssertEqual(submission(approved).postURL, "https://instagram.com/p/abc")
        XCTAssertEqual(workspace.asset(ProgramFixture.approvedAsset)?.postURL, "https://instagram.com/p/abc")
        XCTAssertEqual(workspace.asset(ProgramFixture.approvedAsset)?.postedOn, ProgramFixture.today)
        XCTAssertEqual(workspace.enrollment(ProgramFixture.sakura, in: ProgramFixture.spring)?.stage, .posted)
    }

    func testOnlyAnApprovedDraftCanBePosted() {
        assertRefused(.recordPost(compliant, url: "https://x", postedOn: ProgramFixture.today), on: workspace,
                      saying: "submission SUB-0001 is not approved, so it cannot have been posted")
        assertRefused(.recordPost(approved, url: "", postedOn: ProgramFixture.today), on: workspace, saying: "a post URL is required")
    }
}
