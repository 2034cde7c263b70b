import XCTest
@testable import ChorusCore

/// How the inbox judges a draft before anyone presses a key: its age in working days, whether
/// it is overdue, which drafts of a batch may be approved, and what changed between rounds.
final class SubmissionReviewTests: XCTestCase {
    private let thursday = "2026-03-05T16:00:00Z"

    func testAWeekendDoesNotAgeADraft() {
        let draft = ProgramFixture.draft("SUB-9", caption: "#ad", submittedAt: thursday)
        XCTAssertEqual(draft.ageInBusinessDays(on: Day("2026-03-05")!), 0, "sent today")
        XCTAssertEqual(draft.ageInBusinessDays(on: Day("2026-03-06")!), 1, "Friday")
        XCTAssertEqual(draft.ageInBusinessDays(on: Day("2026-03-08")!), 1, "Sunday: Saturday and Sunday do not count")
        XCTAssertEqual(draft.ageInBusinessDays(on: Day("2026-03-09")!), 2, "Monday")
        XCTAssertEqual(draft.ageInBusinessDays(on: Day("2026-03-10")!), 3, "Tuesday, five calendar days later")
    }

    func testADraftIsOverdueAfterTheProgramsThresholdOfBusinessDays() {
        let draft = ProgramFixture.draft("SUB-9", caption: "#ad", submittedAt: thursday)
        let threshold = ProgramSettings().overdueBusinessDays
        XCTAssertEqual(threshold, 3)
        XCTAssertFalse(draft.isOverdue(on: Day("2026-03-10")!, after: threshold), "three business days is not yet overdue")
        XCTAssertTrue(draft.isOverdue(on: Day("2026-03-11")!, after: threshold), "the fourth is")
        XCTAssertFalse(draft.isOverdue(on: Day("2026-03-11")!, after: 5), "a program may allow longer")
        var decided = draft
        decided.status = .changesRequested
        XCTAssertFalse(decided.isOverdue(on: Day("2026-03-20")!, after: threshold), "only a draft waiting for us is overdue")
    }

    func testABatchSplitsIntoDraftsThatMayBeApprovedAndDraftsThatFailACheck() {
        let workspace = ProgramFixture.workspace
        let split = workspace.approvable([ProgramFixture.compliantDraft, ProgramFixture.undisclosedDraft])
        XCTAssertEqual(split.passing, [ProgramFixture.compliantDraft])
        XCTAssertEqual(split.failing.map(\.0), [ProgramFixture.undisclosedDraft])
        XCTAssertEqual(split.failing.first?.1.map(\.kind), [.disclosure])
    }

    func testTheChecksFollowTheCreatorsOwnIncentivesInTheWave() {
        var fixture = ProgramFixture()
        fixture.enrollments[1].incentiveOverride = IncentivePlan(gifting: true, flatFee: eur("80"))
        let workspace = fixture.build()
        let draft = workspace.submission(ProgramFixture.compliantDraft)!
        XCTAssertEqual(workspace.complianceFailures(for: draft).map(\.summary), ["ad disclosure missing (#ad, #sponsored, paid partnership)"],
                       "#gifted is not enough for a creator paid a fee")
    }

    func testTheRevisionDiffShowsOnlyTheWordsTheCreatorChanged() {
        let diff = CaptionDiff(from: "My new favourite serum #LumenGlow", to: "#ad My favourite serum #LumenGlow @lumenskin")
        XCTAssertEqual(diff.plainText, "{+#ad+} My [-new-] favourite serum #LumenGlow {+@lumenskin+}")
        XCTAssertTrue(diff.hasChanges)
        XCTAssertFalse(CaptionDiff(from: "same  words", to: "same words").hasChanges, "spacing alone is not a change")
        XCTAssertEqual(CaptionDiff(from: "", to: "all new").plainText, "{+all+} {+new+}")
        XCTAssertEqual(CaptionDiff(from: "all gone", to: "").plainText, "[-all-] [-gone-]")
    }

    func testAResubmissionCarriesItsDiffAgainstThePreviousRound() throws {
        var workspace = ProgramFixture.workspace
        let id = ProgramFixture.undisclosedDraft
        XCTAssertNil(workspace.submission(id)!.captionDiff, "round one has nothing to compare with")
        try workspace.run(.requestChanges([id], note: "Please add #ad"))
        try workspace.run(.resubmit(id, caption: "#ad My new favourite serum #LumenGlow @lumenskin", onScreenText: nil))
        let draft = workspace.submission(id)!
        XCTAssertEqual(draft.round, 2)
        XCTAssertEqual(draft.captionDiff?.plainText, "{+#ad+} My new favourite serum #LumenGlow @lumenskin")
        XCTAssertTrue(workspace.complianceFailures(for: draft).isEmpty, "the new round passes")
    }
}
