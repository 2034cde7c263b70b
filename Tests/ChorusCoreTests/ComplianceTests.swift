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
        XCTAssertEqual(checks.map(\.kind), [.disclosure, .disclosurePlacement, .hashtag, .mention, .usageRights])
        XCTAssertEqual(checks.map(\.passed), [true, true, true, false, true])
        XCTAssertEqual(checks.map(\.summary), ["ad disclosure present", "ad disclosure within the first 125 characters",
                                               "#LumenGlow present", "@lumenskin missing", "usage rights agreed"])
    }

    // MARK: Where the disclosure sits

    /// The placement failure of a caption, or nil when the disclosure is where viewers see it.
    private func misplaced(_ caption: String, onScreen: String = "", within limit: Int = 125) -> String? {
        var submission = ProgramFixture.draft("SUB-9", caption: caption, onScreenText: onScreen, submittedAt: "2026-03-12T08:00:00Z")
        submission.deliverableID = nil
        return Compliance.failures(for: submission, in: nil, disclosureWithin: limit).first { $0.kind == .disclosurePlacement }?.summary
    }

    /// 361 characters of caption before the tag: 329 of words, then four hashtags.
    private let longCaptionBeforeTags = String(repeating: "a", count: 328) + " "
    private let fourTags = "#spf #skincare #routine #summer "

    func testADisclosureAtTheEndOfALongCaptionAfterHashtagsIsRefusedSayingWhere() {
        let caption = longCaptionBeforeTags + fourTags + "#ad!"
        XCTAssertEqual(caption.count, 365)
        XCTAssertEqual(misplaced(caption), "#ad at character 362 (past the first 125, after 4 hashtags): move it to the first line")
        XCTAssertNil(misplaced("#ad " + caption), "the same caption with #ad on its first line passes")
    }

    func testTheDisclosureMustEndWithinTheFirst125Characters() {
        let filler = String(repeating: "b", count: 121) + " "         // 122 characters
        XCTAssertNil(misplaced(filler + "#ad"), "#ad at 123–125 ends on the 125th character")
        XCTAssertEqual(misplaced(filler + " #ad"), "#ad at character 124 (past the first 125): move it to the first line",
                       "one character later it ends on the 126th")
        XCTAssertEqual(misplaced(filler + "paid partnership"),
                       "paid partnership at character 123 (past the first 125): move it to the first line")
    }

    func testTheLimitIsTheProgramsSetting() {
        let caption = String(repeating: "c", count: 199) + " #sponsored"
        XCTAssertEqual(misplaced(caption), "#sponsored at character 201 (past the first 125): move it to the first line")
        XCTAssertNil(misplaced(caption, within: 210), "#sponsored ends on the 210th character")
        XCTAssertEqual(misplaced(caption, within: 209), "#sponsored at character 201 (past the first 209): move it to the first line")
        var settings = ProgramSettings()
        XCTAssertEqual(settings.disclosureWithinCharacters, 125)
        settings.disclosureWithinCharacters = 210
        XCTAssertEqual(try JSONDecoder().decode(ProgramSettings.self, from: JSONEncoder().encode(settings)).disclosureWithinCharacters, 210)
        var program = ProgramFixture.workspace.program
        program.settings.disclosureWithinCharacters = 0
        assertRefused(.updateProgram(program), on: ProgramFixture.workspace,
                      saying: "disclosureWithinCharacters must be at least 1 (a caption's first characters, 125 by default), not 0")
    }

    func testThreeHashtagsInARowBuryADisclosureAndTwoDoNot() {
        XCTAssertNil(misplaced("Summer glow #spf #skincare #ad"), "two hashtags before it")
        XCTAssertEqual(misplaced("Summer glow #spf #skincare #routine #ad"),
                       "#ad at character 37 (after 3 hashtags): move it to the first line")
        XCTAssertEqual(misplaced("#spf,#skincare,#routine,#ad glow"),
                       "#ad at character 25 (after 3 hashtags): move it to the first line", "hashtags glued by commas are still a run")
        XCTAssertNil(misplaced("#spf #skincare #routine love it #ad"), "words break the run")
        XCTAssertNil(misplaced("#ad #spf #skincare #routine #summer"), "hashtags after the disclosure do not bury it")
    }

    func testOneWellPlacedDisclosureIsEnough() {
        XCTAssertNil(misplaced("#ad " + longCaptionBeforeTags + fourTags + "#ad"))
        XCTAssertNil(misplaced(longCaptionBeforeTags + fourTags + "#ad", onScreen: "#ad"), "on-screen text is in the video itself")
        XCTAssertNil(misplaced(String(repeating: "d", count: 300)), "no disclosure at all is the other check's failure")
        XCTAssertEqual(failures(caption: String(repeating: "d", count: 300), in: nil).count, 1)
    }
}
