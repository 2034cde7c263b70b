import XCTest
@testable import ChorusCore

/// The approval gate: an undisclosed ad never goes out.
final class ComplianceTests: XCTestCase {
    private let workspace = ProgramFixture.workspace
    private var giftingOnlyWave: Wave { workspace.wave(ProgramFixture.spring)! }
    private var paidWave: Wave { workspace.wave(ProgramFixture.summer)! }

    private func failures(caption: String, onScreen: String = "", in wave: Wave?, incentives: IncentivePlan? = nil) -> [String] {
        var submission = ProgramFixture.draft("SUB-9", caption: caption, onScreenText: onScreen, submittedAt: "2026-03-12T08:00:00Z")
        submission.waveID = wave?.id ?? "W-none"
        submission.deliverableID = nil
        return Compliance.failures(for: submission, in: wave, incentives: incentives).map(\.summary)
    }

    private func isDisclosed(_ caption: String, onScreen: String = "", in wave: Wave? = nil) -> Bool {
        !failures(caption: caption, onScreen: onScreen, in: wave).contains { $0.hasPrefix("ad disclosure missing") }
    }

    func testAdDisclosureIsAWholeTag() {
        XCTAssertTrue(isDisclosed("Loving this #ad"))
        XCTAssertTrue(isDisclosed("#AD loving this"), "case does not matter")
        XCTAssertTrue(isDisclosed("Loving this (#ad)!"))
        XCTAssertTrue(isDisclosed("loving this\n#ad"))
        XCTAssertFalse(isDisclosed("Weekend #adventure"))
        XCTAssertFalse(isDisclosed("so #bad"))
        XCTAssertFalse(isDisclosed("##ad"), "a tag glued to another sigil is another token")
        XCTAssertFalse(isDisclosed("#ad_free skincare"))
        XCTAssertFalse(isDisclosed("I added it to my routine"))
        XCTAssertTrue(isDisclosed("Thanks to the brand #Sponsored"))
    }

    func testPaidPartnershipCountsInAnyCase() {
        XCTAssertTrue(isDisclosed("Paid partnership with Lumen"))
        XCTAssertTrue(isDisclosed("PAID PARTNERSHIP"))
        XCTAssertTrue(isDisclosed("a paid Partnership."))
        XCTAssertFalse(isDisclosed("unpaid partnership"))
    }

    func testGiftedDisclosesOnlyWhenTheWavePaysNothingButProduct() {
        XCTAssertTrue(isDisclosed("Thanks for the serum #gifted", in: giftingOnlyWave))
        XCTAssertFalse(isDisclosed("Thanks for the serum #gifted", in: paidWave), "a paid creator must say #ad")
        XCTAssertFalse(isDisclosed("Thanks for the serum #gifted", in: nil))
        let message = failures(caption: "Thanks #gifted", in: paidWave).first
        XCTAssertEqual(message, "ad disclosure missing (#ad, #sponsored, paid partnership)")
        XCTAssertEqual(failures(caption: "Thanks", in: giftingOnlyWave).first,
                       "ad disclosure missing (#ad, #sponsored, paid partnership, #gifted)")
    }

    func testAFeeOnTheEnrollmentOverridesAGiftingOnlyWave() {
        let fee = IncentivePlan(gifting: true, flatFee: eur("80"))
        XCTAssertTrue(failures(caption: "#gifted #LumenGlow @lumenskin", in: giftingOnlyWave, incentives: fee)
            .contains { $0.hasPrefix("ad disclosure missing") })
    }

    func testOnScreenTextCounts() {
        XCTAssertTrue(isDisclosed("Morning routine", onScreen: "#ad"))
        XCTAssertEqual(failures(caption: "Morning routine #ad", onScreen: "#LumenGlow @lumenskin", in: giftingOnlyWave), [])
    }

    func testRequiredHashtagsAndMentionsFromTheBrief() {
        XCTAssertEqual(failures(caption: "#ad #LumenGlow @lumenskin", in: giftingOnlyWave), [])
        XCTAssertEqual(failures(caption: "#ad #lumenglow @LUMENSKIN", in: giftingOnlyWave), [], "case does not matter")
        XCTAssertEqual(failures(caption: "#ad #LumenGlowing @lumenskin_fan", in: giftingOnlyWave),
                       ["#LumenGlow missing", "@lumenskin missing"])
        XCTAssertEqual(failures(caption: "#ad", in: paidWave), ["#LumenGlow missing", "@lumenskin missing"],
                       "the brief may write the tags with or without # and @")
        XCTAssertEqual(failures(caption: "#ad #LumenGlow mail me at x@lumenskin.com", in: giftingOnlyWave), ["@lumenskin missing"])
    }

    func testBannedWords() {
        XCTAssertEqual(failures(caption: "#ad #LumenGlow @lumenskin it's a MIRACLE", in: giftingOnlyWave),
                       ["banned claim \"miracle\" used"])
        XCTAssertEqual(failures(caption: "#ad #LumenGlow @lumenskin cures nothing, secure", in: giftingOnlyWave), [],
                       "a banned word inside another word is not the claim")
        XCTAssertEqual(failures(caption: "#ad #LumenGlow @lumenskin", onScreen: "a cure for dull skin", in: giftingOnlyWave),
                       ["banned claim \"cure\" used"])
    }

    func testUsageRightsMustBeAgreedForTheDeliverable() {
        var submission = ProgramFixture.draft("SUB-9", caption: "#ad #LumenGlow @lumenskin", submittedAt: "2026-03-12T08:00:00Z")
        XCTAssertEqual(Compliance.failures(for: submission, in: giftingOnlyWave).map(\.summary), [])
        submission.deliverableID = ProgramFixture.story
        XCTAssertEqual(Compliance.failures(for: submission, in: giftingOnlyWave).map(\.summary),
                       ["usage rights not agreed for this deliverable"])
    }

    func testChecksListEveryRuleWithItsOutcome() {
        let submission = ProgramFixture.draft("SUB-9", caption: "#ad #LumenGlow", submittedAt: "2026-03-12T08:00:00Z")
        let checks = Compliance.checks(for: submission, in: giftingOnlyWave)
        XCTAssertEqual(checks.map(\.kind), [.disclosure, .hashtag, .mention, .usageRights])
        XCTAssertEqual(checks.map(\.passed), [true, true, false, true])
        XCTAssertEqual(checks.map(\.summary), ["ad disclosure present", "#LumenGlow present", "@lumenskin missing", "usage rights agreed"])
    }
}
