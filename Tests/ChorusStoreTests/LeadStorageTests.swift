import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// Leads and the apply message drafted for them survive the journal, a compaction into the
/// snapshot's rows (with and without payout details before them) and reopening.
final class LeadStorageTests: XCTestCase {
    func testALeadAndTheirInvitationToApplySurviveTheJournalAndTheSnapshot() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        let wave = try XCTUnwrap(store.workspace.waves.first).id
        let leads = [
            Creator(id: "CR-90001", handle: "", name: "Marta Ruiz", email: "marta@example.es", sources: [.customerList],
                    customer: CustomerSignals(orders: 1, totalSpent: Money(minorUnits: 2_400, currency: store.workspace.program.currency), acceptsMarketing: true)),
            Creator(id: "CR-90002", handle: "", name: "Sam Reed", email: "sam@example.com",
                    payoutProfile: PayoutProfile(method: .paypal, taxForm: nil, taxFormReceived: nil, taxCountry: nil)),
        ]
        try store.perform(.importCreators(leads, codes: []), context: StoreFixtures.context(1))
        try store.perform(.draftMessages(kind: .apply, wave: wave, creators: ["CR-90001", "CR-90002"]), context: StoreFixtures.context(2))
        try store.perform(.markMessagesSent(kind: .apply, wave: wave, creators: ["CR-90001"]), context: StoreFixtures.context(3))
        let expected = store.workspace
        store.close()

        let replayed = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(replayed.workspace, expected)
        try replayed.compact()
        replayed.close()

        let reopened = try WorkspaceStore.open(at: folder)
        defer { reopened.close() }
        XCTAssertEqual(reopened.workspace, expected)
        XCTAssertEqual(reopened.workspace.creator("CR-90001")?.invitationToApply?.sentAt, StoreFixtures.context(3).now)
        XCTAssertEqual(reopened.workspace.creator("CR-90002")?.invitationToApply?.draftedAt, StoreFixtures.context(2).now)
        XCTAssertEqual(reopened.workspace.creator("CR-90002")?.payoutProfile?.method, .paypal)
        XCTAssertEqual(reopened.workspace.leads.count, 2)
    }
}
