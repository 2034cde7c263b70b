import XCTest
@testable import ChorusCore

/// Who the outbox writes to: consent for marketing, one message per step, no nudge for someone
/// who has moved on, and per-creator due dates feeding the late list.
final class OutboxRulesTests: XCTestCase {
    let f = ProgramFixture.self

    private func at(_ day: String) -> CommandContext { CommandContext(now: Timestamp(day: Day(day)!, hour: 9), actor: "ana") }

    /// Mila's parcel leaves and arrives on 12 March; she has posted nothing since.
    private func milaHasHerParcel() throws -> Workspace {
        var workspace = ProgramFixture.workspace
        try workspace.apply(.markPacked([f.queuedParcel]), context: at("2026-03-12"))
        try workspace.apply(.markShipped([ShipmentDispatch(shipmentID: f.queuedParcel, carrier: .dhl, trackingNumber: "JD014600003828427099")]),
                            context: at("2026-03-12"))
        try workspace.apply(.markDelivered([f.queuedParcel]), context: at("2026-03-12"))
        return workspace
    }

    func testAnInviteIsRefusedForACustomerWhoDidNotAcceptMarketingNamingThem() throws {
        var workspace = ProgramFixture.workspace
        var lea = workspace.creator(f.lea)!
        lea.customer = CustomerSignals(orders: 3, totalSpent: Money(minorUnits: 9_000, currency: .eur), acceptsMarketing: false)
        try workspace.apply(.updateCreator(lea), context: f.context)

        let plan = workspace.outboxPlan(.invite, wave: f.spring, creators: [f.lea], today: f.today)
        XCTAssertEqual(plan.recipients, [])
        XCTAssertEqual(plan.refusal, "Léa Martin (@lea.lumiere) has not accepted marketing and cannot be sent invite")
        XCTAssertThrowsError(try workspace.apply(.draftMessages(kind: .invite, wave: f.spring, creators: [f.lea]), context: f.context)) { error in
            XCTAssertTrue("\(error)".contains("Léa Martin (@lea.lumiere)"), "\(error)")
        }
        XCTAssertFalse(workspace.enrollment(f.lea, in: f.spring)!.hasDrafted(.invite))
    }

    func testTransactionalMessagesGoToCustomersWithoutMarketingConsent() throws {
        var workspace = try milaHasHerParcel()
        var mila = workspace.creator(f.mila)!
        mila.customer?.acceptsMarketing = false
        try workspace.apply(.updateCreator(mila), context: at("2026-03-12"))

        let plan = workspace.outboxPlan(.shipped, wave: f.spring, creators: [f.mila], today: Day("2026-03-12")!)
        XCTAssertEqual(plan.recipients, [f.mila])
        XCTAssertNil(plan.refusal)
        XCTAssertNoThrow(try workspace.apply(.draftMessages(kind: .shipped, wave: f.spring, creators: [f.mila]), context: at("2026-03-12")))
    }

    func testNobodyIsNudgedTwiceForTheSameStep() throws {
        var workspace = try milaHasHerParcel()
        let weekLater = Day("2026-03-19")!
        XCTAssertEqual(workspace.outboxPlan(.nudge1, wave: f.spring, today: weekLater).recipients, [f.mila])
        XCTAssertEqual(workspace.outboxPlan(.nudge2, wave: f.spring, today: weekLater).skipped.first { $0.creatorID == f.mila }?.reason,
                       "@mila.makes is not due nudge 2 yet")

        try workspace.apply(.draftMessages(kind: .nudge1, wave: f.spring, creators: [f.mila]), context: at("2026-03-19"))
        let again = workspace.outboxPlan(.nudge1, wave: f.spring, today: Day("2026-03-22")!)
        XCTAssertEqual(again.recipients, [])
        XCTAssertEqual(again.skipped.first { $0.creatorID == f.mila }?.reason, "@mila.makes already has nudge 1 drafted 3d ago")
        XCTAssertThrowsError(try workspace.apply(.draftMessages(kind: .nudge1, wave: f.spring, creators: [f.mila]), context: at("2026-03-22")))

        try workspace.apply(.markMessagesSent(kind: .nudge1, wave: f.spring, creators: [f.mila]), context: at("2026-03-20"))
        XCTAssertEqual(workspace.enrollment(f.mila, in: f.spring)?.lastCorrespondence?.label(today: Day("2026-03-22")!), "nudge 1 sent 2026-03-20")
        XCTAssertEqual(workspace.outboxPlan(.nudge2, wave: f.spring, today: Day("2026-03-22")!).recipients, [f.mila])
    }

    func testANudgeIsSkippedOnceTheCreatorHasMovedOn() throws {
        var workspace = try milaHasHerParcel()
        let submission = Submission(id: "SUB-0100", creatorID: f.mila, waveID: f.spring, deliverableID: f.reel, platform: .instagram,
                                    format: .reel, caption: "Glow #ad @lumenskin #LumenGlow", onScreenText: "", assetRefs: [],
                                    submittedAt: Timestamp(day: Day("2026-03-18")!), status: .pending)
        try workspace.apply(.addSubmissions([submission]), context: at("2026-03-18"))

        let plan = workspace.outboxPlan(.nudge1, wave: f.spring, today: Day("2026-03-19")!)
        XCTAssertEqual(plan.recipients, [])
        XCTAssertEqual(plan.skipped.first { $0.creatorID == f.mila }?.reason, "@mila.makes has moved on (in review)")
    }

    func testDueDatesDefaultFromTheWaveAndMoveOnMarkedCreators() throws {
        var workspace = try milaHasHerParcel()
        let mila = { [f] in workspace.dueDate(of: workspace.enrollment(f.mila, in: f.spring)!) }
        XCTAssertEqual(mila(), Day("2026-03-31"))
        XCTAssertEqual(workspace.lateCreators(today: Day("2026-04-02")!).map(\.creatorID), [f.mila])
        XCTAssertEqual(workspace.lateCreators(today: Day("2026-04-02")!).first?.daysLate, 2)

        let summary = try workspace.apply(.setDueDate(creators: [f.mila], wave: f.spring, change: DueDateChange("+7d")!), context: at("2026-04-02"))
        XCTAssertEqual(summary.summary, "@mila.makes is now due 2026-04-07")
        XCTAssertEqual(workspace.lateCreators(today: Day("2026-04-02")!), [])
        XCTAssertEqual(workspace.outboxPlan(.late, wave: f.spring, today: Day("2026-04-09")!).recipients, [f.mila])

        try workspace.apply(.setDueDate(creators: [f.mila], wave: f.spring, change: DueDateChange("2027-01-15")!), context: at("2026-04-02"))
        XCTAssertEqual(mila(), Day("2027-01-15"))
        XCTAssertNil(DueDateChange("next week"))
    }

    func testLateAndQuietCreatorsFeedOneFollowUpListWithTheMessageThatFitsNext() throws {
        let workspace = try milaHasHerParcel()
        let quiet = workspace.followUps(today: Day("2026-03-19")!, wave: f.spring)
        XCTAssertEqual(quiet.map(\.creatorID), [f.mila])
        XCTAssertEqual(quiet.first?.reason, "nudge 1 · 7d")
        XCTAssertEqual(quiet.first?.nextMessage, .nudge1)
        XCTAssertNil(quiet.first?.daysLate)

        let late = workspace.followUps(today: Day("2026-04-02")!, wave: f.spring)
        XCTAssertEqual(late.map(\.creatorID), [f.mila], "listed once, as late")
        XCTAssertEqual(late.first?.reason, "2d late")
        XCTAssertEqual(late.first?.nextMessage, .late)
    }

    func testMergeFieldsSpeakAboutTheCreatorsOwnWave() throws {
        let workspace = try milaHasHerParcel()
        let fields = workspace.mergeFields(for: workspace.creator(f.mila)!, wave: f.spring)
        XCTAssertEqual(fields["first_name"], "Mila")
        XCTAssertEqual(fields["handle"], "@mila.makes")
        XCTAssertEqual(fields["code"], "MILA15")
        XCTAssertEqual(fields["tracking_number"], "JD014600003828427099")
        XCTAssertEqual(fields["carrier"], "DHL")
        XCTAssertEqual(fields["due_date"], "2026-03-31")
        XCTAssertEqual(Set(fields.keys), Set(MergeField.names))
    }
}
