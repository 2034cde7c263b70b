import XCTest
@testable import ChorusCore

final class PipelineCommandsTests: XCTestCase {
    private var workspace = ProgramFixture.workspace
    private let spring = ProgramFixture.spring, summer = ProgramFixture.summer
    private let mila = ProgramFixture.mila, sakura = ProgramFixture.sakura, jonas = ProgramFixture.jonas, lea = ProgramFixture.lea

    private func stage(_ creator: CreatorID, in wave: WaveID) -> PipelineStage? { workspace.enrollment(creator, in: wave)?.stage }

    func testEnrollingCreatorsInAWave() throws {
        let applied = try workspace.run(.enroll(creators: [mila, sakura], wave: summer, stage: .invited))
        XCTAssertEqual(applied.summary, "added 2 creators to Summer Scale as invited")
        XCTAssertEqual(stage(mila, in: summer), .invited)
        XCTAssertEqual(workspace.enrollment(sakura, in: summer)?.stageChangedAt, ProgramFixture.context.now)
        XCTAssertEqual(stage(mila, in: spring), .active, "a creator can be in several waves")
    }

    func testEnrollingInAClosedWaveIsRefused() throws {
        var summerWave = workspace.wave(summer)!
        summerWave.status = .closed
        try workspace.run(.updateWave(summerWave))
        assertRefused(.enroll(creators: [mila], wave: summer, stage: .prospect), on: workspace,
                      saying: "wave Summer Scale is closed; creators cannot join it")
    }

    func testEnrollmentRefusals() {
        assertRefused(.enroll(creators: [mila], wave: "W9", stage: .prospect), on: workspace, saying: "wave W9 does not exist")
        assertRefused(.enroll(creators: [], wave: summer, stage: .prospect), on: workspace, saying: "no creators given")
        assertRefused(.enroll(creators: [mila], wave: summer, stage: .declined), on: workspace,
                      saying: "creators cannot join a wave as declined")
        assertRefused(.enroll(creators: [jonas, mila], wave: spring, stage: .prospect), on: workspace,
                      saying: "@mila.makes is already in Spring Glow")
        assertRefused(.enroll(creators: [mila, "CR-0099"], wave: summer, stage: .prospect), on: workspace,
                      saying: "creator CR-0099 does not exist")
        assertRefused(.enroll(creators: [mila, mila], wave: summer, stage: .prospect), on: workspace,
                      saying: "a creator is listed twice")
    }

    func testADroppedCreatorCanBeInvitedBackButNotMovedBack() throws {
        try workspace.run(.exitPipeline(creators: [mila], wave: spring, stage: .dropped, reason: "missed the brief"))
        assertRefused(.advanceStage(creators: [mila], wave: spring), on: workspace, saying: "re-invite them")

        try workspace.run(.enroll(creators: [mila], wave: spring, stage: .invited))

        XCTAssertEqual(stage(mila, in: spring), .invited)
        XCTAssertNil(workspace.enrollment(mila, in: spring)?.exitReason, "re-inviting ends the exit")
    }

    func testAdvancingMovesOneStageForward() throws {
        let applied = try workspace.run(.advanceStage(creators: [mila], wave: spring))
        XCTAssertEqual(applied.summary, "moved 1 creator to seeded")
        XCTAssertEqual(stage(mila, in: spring), .seeded)
        XCTAssertEqual(workspace.enrollment(mila, in: spring)?.stageChangedAt, ProgramFixture.context.now)

        try workspace.run(.advanceStage(creators: [lea, mila], wave: spring))
        XCTAssertEqual(stage(lea, in: spring), .invited)
        XCTAssertEqual(stage(mila, in: spring), .contentInReview)
    }

    func testAdvancingCreatorsAtDifferentStagesSaysForward() throws {
        let applied = try workspace.run(.advanceStage(creators: [mila, lea], wave: spring))
        XCTAssertEqual(applied.summary, "moved 2 creators forward")
    }

    func testRevertingMovesOneStageBack() throws {
        let applied = try workspace.run(.revertStage(creators: [sakura], wave: spring))
        XCTAssertEqual(applied.summary, "moved 1 creator to active")
        XCTAssertEqual(stage(sakura, in: spring), .active)
        assertRefused(.revertStage(creators: [lea], wave: spring), on: workspace,
                      saying: "@lea.lumiere is already prospect, the first stage")
    }

    func testTheLastStageCannotAdvance() throws {
        for _ in 0..<3 { try workspace.run(.advanceStage(creators: [sakura], wave: spring)) }
        XCTAssertEqual(stage(sakura, in: spring), .complete)
        assertRefused(.advanceStage(creators: [mila, sakura], wave: spring), on: workspace,
                      saying: "@sakura_hibi is already complete, the last stage")
    }

    func testMovingRefusals() {
        assertRefused(.advanceStage(creators: [mila, jonas], wave: spring), on: workspace, saying: "@jonas.outdoors is not in Spring Glow")
        assertRefused(.advanceStage(creators: [], wave: spring), on: workspace, saying: "no creators given")
        assertRefused(.revertStage(creators: [mila], wave: "W9"), on: workspace, saying: "wave W9 does not exist")
        assertRefused(.advanceStage(creators: [mila, mila], wave: spring), on: workspace, saying: "a creator is listed twice")
    }

    func testExitingThePipelineRecordsTheReason() throws {
        let applied = try workspace.run(.exitPipeline(creators: [lea], wave: spring, stage: .declined, reason: "  not into serums "))
        XCTAssertEqual(applied.summary, "marked 1 creator declined")
        let enrollment = workspace.enrollment(lea, in: spring)
        XCTAssertEqual(enrollment?.stage, .declined)
        XCTAssertEqual(enrollment?.exitReason, "not into serums")
        XCTAssertEqual(enrollment?.stageChangedAt, ProgramFixture.context.now)

        assertRefused(.advanceStage(creators: [lea], wave: spring), on: workspace,
                      saying: "@lea.lumiere has declined Spring Glow; re-invite them to bring them back")
        assertRefused(.revertStage(creators: [lea], wave: spring), on: workspace, saying: "re-invite them")
    }

    func testExitRefusals() throws {
        assertRefused(.exitPipeline(creators: [lea], wave: spring, stage: .declined, reason: " "), on: workspace,
                      saying: "a reason is required")
        assertRefused(.exitPipeline(creators: [lea], wave: spring, stage: .seeded, reason: "x"), on: workspace,
                      saying: "seeded is not a way out of the pipeline")
        assertRefused(.exitPipeline(creators: [lea, jonas], wave: spring, stage: .dropped, reason: "x"), on: workspace,
                      saying: "@jonas.outdoors is not in Spring Glow")
        for _ in 0..<3 { try workspace.run(.advanceStage(creators: [sakura], wave: spring)) }
        assertRefused(.exitPipeline(creators: [sakura], wave: spring, stage: .ghosted, reason: "no post"), on: workspace,
                      saying: "@sakura_hibi has completed Spring Glow")
    }

    func testStagePathNavigation() {
        XCTAssertEqual(PipelineStage.prospect.next, .invited)
        XCTAssertEqual(PipelineStage.posted.next, .complete)
        XCTAssertNil(PipelineStage.complete.next)
        XCTAssertNil(PipelineStage.prospect.previous)
        XCTAssertNil(PipelineStage.ghosted.next)
        XCTAssertEqual(PipelineStage.allCases.filter(\.isExit), [.declined, .dropped, .ghosted])
    }
}
