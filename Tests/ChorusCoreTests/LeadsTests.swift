import XCTest
@testable import ChorusCore

/// A lead — a customer known by email, with no handle yet — is kept with what they bought but
/// never counted as a creator: the ledger, attribution, payouts and every command that needs a
/// creator leave them out until they give a handle, which makes the same record a prospect.
final class LeadsTests: XCTestCase {
    let nils: CreatorID = "CR-4"
    let context = CommandContext(now: Timestamp(day: LedgerProgram.today, hour: 9), actor: "test")

    /// The hand-computed ledger program, plus Nils: a customer who bought order #11 and whom a
    /// survey answer names, but who has no handle.
    private func workspace(withLead: Bool = true) throws -> Workspace {
        var workspace = LedgerProgram.workspace
        let lead = Creator(id: nils, handle: "", name: "Nils Berg", email: "nils@example.com", sources: [.customerList],
                           customer: CustomerSignals(orders: 1, totalSpent: Money(minorUnits: 5_000, currency: .eur), acceptsMarketing: true))
        if withLead { try workspace.apply(.importCreators([lead], codes: []), context: context) }
        var order = try XCTUnwrap(workspace.order("#11"))
        order.email = "Nils@Example.com"
        try workspace.apply(.importOrders([order]), context: context)
        try workspace.apply(.importSurveyResponses([SurveyResponse(id: "S2", orderID: "#11", response: "Nils Berg told me")]), context: context)
        return workspace
    }

    func testALeadIsInNoFigureOfTheLedgerAttributionOrPayouts() throws {
        let withLead = try workspace()
        let without = try workspace(withLead: false)
        let ledger = LedgerProgram.ledger(withLead), reference = LedgerProgram.ledger(without)
        XCTAssertEqual(ledger.rows.map(\.creatorID), [LedgerProgram.ana, LedgerProgram.ben, LedgerProgram.ben, LedgerProgram.cleo])
        XCTAssertEqual(ledger.kpis, reference.kpis, "the same program figures, creators counted the same")
        XCTAssertEqual(ledger.kpis.creators, 3)

        let attribution = Attribution.compute(withLead)
        let eleven = try XCTUnwrap(withLead.orders.firstIndex { $0.id == "#11" })
        XCTAssertNil(attribution.creator(of: attribution.credits[eleven]), "an answer naming a lead credits nobody")
        XCTAssertEqual(attribution.totals(for: nils), AttributionResult.CreatorTotals())
        XCTAssertFalse(Payouts.due(withLead, ledger: ledger).contains { $0.creatorID == nils })

        XCTAssertEqual(withLead.leadPurchases()[nils], LeadPurchases(orders: 1, spent: Money(minorUnits: 5_000, currency: .eur), products: []),
                       "what they bought is kept")
        XCTAssertNil(withLead.creator(handle: ""), "nobody is found by an empty handle")
    }

    func testALeadCannotJoinAWaveOrHoldACodeUntilTheyGiveAHandle() throws {
        var workspace = try workspace()
        let refusal = "Nils Berg (nils@example.com) is a lead with no handle yet; add their handle first"
        XCTAssertThrowsError(try workspace.apply(.enroll(creators: [nils], wave: LedgerProgram.summer, stage: .prospect), context: context)) {
            XCTAssertEqual("\($0)", refusal)
        }
        let code = DiscountCode(code: "NILS10", creatorID: nils, waveID: nil, kind: .percent, value: 1_000)
        XCTAssertThrowsError(try workspace.apply(.addDiscountCodes([code]), context: context)) { XCTAssertEqual("\($0)", refusal) }
    }

    func testGivingALeadAHandleMakesTheSameRecordAProspect() throws {
        var workspace = try workspace()
        var nils = try XCTUnwrap(workspace.creator(self.nils))
        nils.handle = "nils.rides"
        XCTAssertEqual(try workspace.apply(.updateCreator(nils), context: context).summary,
                       "Nils Berg (nils@example.com) is now the prospect @nils.rides")
        XCTAssertEqual(workspace.creator(handle: "@Nils.Rides")?.id, self.nils)
        XCTAssertEqual(workspace.creator(self.nils)?.customer?.orders, 1, "the purchase history stays")
        XCTAssertEqual(workspace.leads, [])
        try workspace.apply(.enroll(creators: [self.nils], wave: LedgerProgram.summer, stage: .prospect), context: context)

        nils.handle = ""
        XCTAssertThrowsError(try workspace.apply(.updateCreator(nils), context: context)) {
            XCTAssertEqual("\($0)", "@nils.rides cannot lose their handle; give them another one")
        }
    }

    func testLeadsSitInTheCreatorTableWithoutAHandleThroughAReopenAHandleAndItsUndo() throws {
        var workspace = try workspace()
        workspace.checkInvariants()
        let reopened = Workspace(program: workspace.program, waves: workspace.waves.rows, creators: workspace.creators.rows)
        reopened.checkInvariants()
        XCTAssertNil(reopened.creator(handle: ""), "a workspace read back indexes no empty handle either")

        var nils = try XCTUnwrap(workspace.creator(self.nils))
        nils.handle = "nils.rides"
        let given = try workspace.apply(.updateCreator(nils), context: context)
        workspace.checkInvariants()
        try workspace.apply(given.undo, context: context)
        workspace.checkInvariants()
        XCTAssertNil(workspace.creator(handle: "nils.rides"), "undone, Nils is a lead again and found by no handle")
        XCTAssertEqual(workspace.creator(self.nils)?.isLead, true)
    }

    func testAHandleThatIsAnotherCreatorsIsRefusedNamingBoth() throws {
        var workspace = try workspace()
        var nils = try XCTUnwrap(workspace.creator(self.nils))
        nils.handle = "Cleo.C"
        let refusal = "Nils Berg (nils@example.com) cannot take the handle @cleo.c: it belongs to Cleo Marchetti (CR-3)"
        XCTAssertThrowsError(try workspace.apply(.updateCreator(nils), context: context)) { XCTAssertEqual("\($0)", refusal) }
        XCTAssertThrowsError(try workspace.apply(.importCreators([nils], codes: []), context: context)) { XCTAssertEqual("\($0)", refusal) }
        XCTAssertTrue(workspace.creator(self.nils)?.isLead ?? false, "nothing changed")
    }

    func testTwoLeadsNeverShareAnEmail() throws {
        var workspace = try workspace()
        let twin = Creator(id: "CR-5", handle: "", name: "N. Berg", email: "NILS@example.com")
        XCTAssertThrowsError(try workspace.apply(.importCreators([twin], codes: []), context: context)) {
            XCTAssertEqual("\($0)", "the lead NILS@example.com is already Nils Berg (CR-4)")
        }
        let nobody = Creator(id: "CR-5", handle: "", name: "Nobody")
        XCTAssertThrowsError(try workspace.apply(.addCreators([nobody]), context: context)) {
            XCTAssertEqual("\($0)", "creator CR-5 has no handle and no email to reach them as a lead")
        }
    }

    func testALeadsInvitationToApplyIsKeptAndOlderJournalsStillRead() throws {
        var workspace = try workspace()
        try workspace.apply(.draftMessages(kind: .apply, wave: LedgerProgram.summer, creators: [nils]), context: context)
        let lead = try XCTUnwrap(workspace.creator(nils))
        XCTAssertEqual(lead.invitationToApply, Correspondence(kind: .apply, draftedAt: context.now))
        XCTAssertThrowsError(try workspace.apply(.draftMessages(kind: .apply, wave: LedgerProgram.summer, creators: [nils]), context: context)) {
            XCTAssertEqual("\($0)", "nils@example.com already has apply drafted today; nobody gets the same step twice")
        }
        let encoded = try JSONEncoder().encode(lead)
        XCTAssertEqual(try JSONDecoder().decode(Creator.self, from: encoded), lead)
        var older = try XCTUnwrap(JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        older["invitationToApply"] = nil
        let decoded = try JSONDecoder().decode(Creator.self, from: JSONSerialization.data(withJSONObject: older))
        XCTAssertNil(decoded.invitationToApply, "a creator written before leads decodes without one")
    }
}
