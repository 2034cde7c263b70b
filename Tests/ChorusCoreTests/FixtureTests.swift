import XCTest
@testable import ChorusCore

/// The fixture is hand-built, so check it tells a consistent story before trusting other tests.
final class FixtureTests: XCTestCase {
    func testFixtureIsConsistent() {
        let workspace = ProgramFixture.workspace
        assertIndexesMatchArrays(workspace)
        XCTAssertEqual(workspace.program.currency, .eur)
        XCTAssertEqual(workspace.waves.map(\.name), ["Spring Glow", "Summer Scale"])
        XCTAssertEqual(workspace.creator(ProgramFixture.sakura)?.name, "佐藤さくら")
        for enrollment in workspace.enrollments {
            XCTAssertNotNil(workspace.creator(enrollment.creatorID))
            XCTAssertNotNil(workspace.wave(enrollment.waveID))
        }
        for sku in workspace.skus {
            let held = workspace.shipments.filter(\.holdsReservation).flatMap(\.items).filter { $0.sku == sku.id }.map(\.quantity).reduce(0, +)
            XCTAssertEqual(sku.reserved, held, "\(sku.id) reserves exactly what queued parcels hold")
        }
        for submission in workspace.submissions {
            XCTAssertNotNil(workspace.enrollment(submission.creatorID, in: submission.waveID), "\(submission.id) is by an enrolled creator")
        }
    }

    func testTheFixedContextIsAThursdayMorning() {
        XCTAssertEqual(ProgramFixture.context.now.description, "2026-03-12T09:00:00Z")
        XCTAssertEqual(ProgramFixture.context.actor, "ana")
        XCTAssertEqual(ProgramFixture.context.now.day, ProgramFixture.today)
    }
}
