import XCTest
@testable import ChorusCore

/// "Test many cheaply, then scale the winners": the next wave starts as a copy of the last.
final class WaveCopyTests: XCTestCase {
    func testTheNextWaveCopiesBriefBudgetAndIncentivesAndStartsInPlanningWithoutDates() throws {
        var workspace = ProgramFixture.workspace
        let spring = try XCTUnwrap(workspace.wave(ProgramFixture.spring))
        let next = workspace.nextWave(copying: spring)
        XCTAssertEqual(next.id, "W3")
        XCTAssertEqual(next.name, "Wave 3")
        XCTAssertEqual(next.slug, "wave-3")
        XCTAssertEqual(next.status, .planning)
        XCTAssertNil(next.startDate)
        XCTAssertNil(next.endDate)
        XCTAssertEqual(next.brief, spring.brief)
        XCTAssertEqual(next.budget, spring.budget)
        XCTAssertEqual(next.incentivePlan, spring.incentivePlan)

        XCTAssertEqual(try workspace.run(.createWave(next)).summary, "created wave Wave 3")
        XCTAssertEqual(workspace.nextWave(copying: next).id, "W4", "the copy of a copy takes the next free number")
        XCTAssertEqual(workspace.wave(ProgramFixture.spring), spring, "the original is untouched")
    }

    func testTheCopySkipsNumbersAlreadyTaken() throws {
        var workspace = ProgramFixture.workspace
        var taken = workspace.nextWave(copying: workspace.waves[0])
        taken.id = "W-EXTRA"
        taken.slug = "extra"
        try workspace.run(.createWave(taken))   // named "Wave 3"
        XCTAssertEqual(workspace.nextWave(copying: workspace.waves[0]).name, "Wave 4")
    }
}
