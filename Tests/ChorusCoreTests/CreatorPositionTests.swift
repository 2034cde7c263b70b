import XCTest
@testable import ChorusCore

/// Attribution names creators and waves by position, in named types that keep a credit small:
/// a million orders' credits stay 12 bytes each (24 with two `Int`s), and "nobody" is a value, not a -1 to remember.
final class CreatorPositionTests: XCTestCase {
    func testACreditIsTwelveBytesSoAMillionOrdersCostTwelveMegabytes() {
        XCTAssertEqual(MemoryLayout<AttributionResult.Credit>.stride, 12)
        XCTAssertEqual(MemoryLayout<CreatorPosition>.size, 4)
        XCTAssertEqual(MemoryLayout<WavePosition>.size, 2)
    }

    func testNobodyAndNoWaveHaveNoIndex() {
        XCTAssertNil(CreatorPosition.none.index)
        XCTAssertNil(WavePosition.none.index)
        XCTAssertEqual(CreatorPosition(0).index, 0)
        XCTAssertEqual(CreatorPosition(99_999).index, 99_999)
        XCTAssertEqual(WavePosition(3).index, 3)
    }

    func testACreditNamesItsCreatorAndWaveThroughTheResult() {
        let workspace = ProgramFixture.workspace
        let result = Attribution.compute(workspace)
        let credited = result.credits.filter { $0.creatorPosition != .none }
        XCTAssertFalse(credited.isEmpty, "the fixture credits some orders")
        for credit in credited {
            XCTAssertEqual(result.creator(of: credit), credit.creatorPosition.index.map { workspace.creators[$0].id })
        }
        let nobody = AttributionResult.Credit(outcome: .unattributed, creatorPosition: .none, wavePosition: .none)
        XCTAssertNil(result.creator(of: nobody))
        XCTAssertNil(result.wave(of: nobody))
    }
}
