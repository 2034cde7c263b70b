import XCTest
@testable import ChorusCore

/// A coordinator's morning: which parcels are stuck in transit, and which creators got product
/// and went quiet. Flags are a function of the day, so the clock here is fixed.
final class FollowThroughTests: XCTestCase {
    private var workspace = ProgramFixture.workspace
    private let milaParcel = ProgramFixture.queuedParcel      // to Mila, who has sent no drafts
    private let sakuraParcel = ProgramFixture.shippedParcel   // to Sakura, shipped 2026-03-05, who has sent drafts
    private let shippedOn = Day("2026-03-12")!

    private func flags(on day: Day, _ settings: ProgramSettings = ProgramSettings()) -> [ShipmentID: FollowThroughFlag] {
        FollowThrough.flags(in: workspace, today: day, settings: settings)
    }

    private func shipAndDeliverMilasParcel() throws {
        try workspace.run(.markShipped([ShipmentDispatch(shipmentID: milaParcel, carrier: .ups, trackingNumber: "1Z999AA10123456784")]))
        try workspace.run(.markDelivered([milaParcel]))
    }

    func testAParcelInTransitTooLongIsFlaggedFromTheSettingsDay() {
        // Sakura's parcel left on 2026-03-05; the default is 10 days.
        XCTAssertNil(flags(on: Day("2026-03-14")!)[sakuraParcel])
        XCTAssertEqual(flags(on: Day("2026-03-15")!)[sakuraParcel]?.kind, .notDelivered(days: 10))
        XCTAssertEqual(flags(on: Day("2026-03-15")!)[sakuraParcel]?.label, "in transit 10d")
        var patient = ProgramSettings()
        patient.shippedNotDeliveredDays = 21
        XCTAssertNil(flags(on: Day("2026-03-25")!, patient)[sakuraParcel])
    }

    func testADeliveredCreatorWithoutASubmissionIsNudgedAt7And10AndGhostingAt14() throws {
        try shipAndDeliverMilasParcel()   // delivered at the fixture's "now", 2026-03-12
        XCTAssertNil(flags(on: shippedOn.adding(days: 6))[milaParcel])
        XCTAssertEqual(flags(on: shippedOn.adding(days: 7))[milaParcel]?.kind, .noSubmission(days: 7, nudge: 1, isGhosting: false))
        XCTAssertEqual(flags(on: shippedOn.adding(days: 11))[milaParcel]?.label, "nudge 2 · 11d")
        XCTAssertEqual(flags(on: shippedOn.adding(days: 14))[milaParcel]?.kind, .noSubmission(days: 14, nudge: 3, isGhosting: true))
        XCTAssertEqual(flags(on: shippedOn.adding(days: 14))[milaParcel]?.label, "ghosting 14d")
    }

    func testProgramSettingsChangeTheNudgeDays() throws {
        try shipAndDeliverMilasParcel()
        var brisk = ProgramSettings()
        brisk.ghostingNudgeDays = [3, 5]
        XCTAssertEqual(flags(on: shippedOn.adding(days: 3), brisk)[milaParcel]?.kind, .noSubmission(days: 3, nudge: 1, isGhosting: false))
        XCTAssertEqual(flags(on: shippedOn.adding(days: 5), brisk)[milaParcel]?.label, "ghosting 5d")
        brisk.ghostingNudgeDays = []
        XCTAssertNil(flags(on: shippedOn.adding(days: 30), brisk)[milaParcel], "no nudge days: nobody is nudged")
    }

    func testASubmissionInTheWaveStopsTheNudges() throws {
        try shipAndDeliverMilasParcel()
        var draft = ProgramFixture.draft("SUB-0100", caption: "First look #ad #LumenGlow @lumenskin", submittedAt: "2026-03-15T10:00:00Z")
        draft.creatorID = ProgramFixture.mila
        try workspace.run(.addSubmissions([draft]))
        XCTAssertNil(flags(on: shippedOn.adding(days: 20))[milaParcel])
    }

    func testQueuedCancelledAndExceptionParcelsAreNeverFlagged() throws {
        try workspace.run(.flagException(shipments: [sakuraParcel], kind: .lost, note: "carrier lost it"))
        let late = flags(on: Day("2026-06-01")!)
        XCTAssertNil(late[sakuraParcel])
        XCTAssertNil(late[milaParcel], "still queued")
    }
}
