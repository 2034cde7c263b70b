@testable import ChorusCore
import XCTest

/// Attribution decides orders on every core; the result must not depend on how they were split.
final class ParallelAttributionTests: XCTestCase {
    func testOrdersDecidedInPiecesGiveTheSameResultAsOnePass() {
        let workspace = SampleFixture.workspace
        let onePass = Attribution.compute(workspace, wave: nil, pieces: 1)
        XCTAssertGreaterThan(onePass.counts[.assistedBySurvey] ?? 0, 0, "the sample has survey-assisted orders to split")
        for pieces in [2, 3, 7] {
            let split = Attribution.compute(workspace, wave: nil, pieces: pieces)
            XCTAssertEqual(split.credits, onePass.credits, "\(pieces) pieces")
            XCTAssertEqual(split.totals, onePass.totals)
            XCTAssertEqual(split.counts, onePass.counts)
            XCTAssertEqual(split.revenue, onePass.revenue)
            XCTAssertEqual(Attribution.ambiguousAnswers(of: split, in: workspace), Attribution.ambiguousAnswers(of: onePass, in: workspace))
        }
        let wave = workspace.waves[1].id
        XCTAssertEqual(Attribution.compute(workspace, wave: wave, pieces: 3).totals, Attribution.compute(workspace, wave: wave, pieces: 1).totals)
    }
}
