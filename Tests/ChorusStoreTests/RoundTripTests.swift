import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// A workspace saved and loaded, or changed through the store and reopened, is the same workspace.
final class RoundTripTests: XCTestCase {
    func testCreatedWorkspaceReopensEqual() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        let store = try WorkspaceStore.create(at: folder, workspace: original)
        XCTAssertEqual(store.workspace, original)
        store.close()

        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.workspace, original)
        XCTAssertNil(reopened.recoveredTornLine)
        XCTAssertEqual(reopened.workspace.creator(handle: "@ANA.GLOW")?.id, "CR-00001", "indexes are rebuilt on load")
    }

    func testCommandsPerformedThroughTheStoreAreReplayedOnReopen() throws {
        let folder = StoreFixtures.temporaryFolder()
        var expected = Workspace(program: StoreFixtures.program)
        let store = try WorkspaceStore.create(at: folder, workspace: expected)
        let commands: [Command] = [
            .addSKUs([StoreFixtures.serum]),
            .createWave(StoreFixtures.wave1),
            .addCreators(StoreFixtures.creators),
            .enroll(creators: ["CR-00001"], wave: "W1", stage: .invited),
            // Kenji has not accepted marketing: he can be a prospect, never invited.
            .enroll(creators: ["CR-00002"], wave: "W1", stage: .prospect),
            .advanceStage(creators: ["CR-00001"], wave: "W1"),
            .exitPipeline(creators: ["CR-00002"], wave: "W1", stage: .declined, reason: "no time"),
            .adjustStock(sku: "SKU-SERUM", delta: 10, reason: "restock"),
            .queueShipments([ShipmentRequest(creatorID: "CR-00001", waveID: "W1", items: [ShipmentItem(sku: "SKU-SERUM", quantity: 2)])]),
            .importOrders([StoreFixtures.orders[0]]),
            .addDiscountCodes([DiscountCode(code: "ana15", creatorID: "CR-00001", waveID: "W1", kind: .percent, value: 1_500)]),
            .addTrackingLinks([TrackingLink(creatorID: "CR-00001", waveID: "W1", platform: .tiktok)]),
        ]
        for (minute, command) in commands.enumerated() {
            let context = StoreFixtures.context(minute)
            try store.perform(command, context: context)
            try expected.apply(command, context: context)
        }
        // Undo is an ordinary journaled command too.
        let undo = try store.perform(.markPacked(["SH-0001"]), context: StoreFixtures.context(30)).undo
        try store.perform(undo, context: StoreFixtures.context(31))
        try expected.apply(.markPacked(["SH-0001"]), context: StoreFixtures.context(30))
        try expected.apply(undo, context: StoreFixtures.context(31))

        XCTAssertEqual(store.workspace, expected)
        XCTAssertEqual(store.journalLength, commands.count + 2)
        store.close()

        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.workspace, expected)
        XCTAssertEqual(reopened.journalLength, commands.count + 2)
    }

    func testARefusedCommandIsNotJournaled() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        XCTAssertThrowsError(try store.perform(.markDelivered(["SH-9999"]), context: StoreFixtures.context())) { error in
            XCTAssertTrue(error is DomainError)
        }
        XCTAssertEqual(store.journalLength, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/journal.jsonl")).count, 0)
    }

    func testJournalLinesAreSortedKeyJSONWithSequenceTimeAndActor() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "found a box"), context: StoreFixtures.context(actor: "ana"))
        try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(1, actor: "li"))
        let lines = try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix(#"{"actor":"ana","at":"2026-03-12T09:14:02Z","command":{"delta":5,"kind":"adjustStock","reason":"found a box","sku":"SKU-SERUM"},"#),
                      String(lines[0]))
        XCTAssertTrue(lines[0].contains(#","seq":1,"sum":""#), String(lines[0]))
        XCTAssertTrue(lines[0].hasSuffix(#","summary":"added 5 of Serum 30 ml"}"#), String(lines[0]))
        XCTAssertTrue(lines[0].contains(#","commandID":""#), "each entry carries its command's id")
        XCTAssertTrue(lines[1].hasPrefix(#"{"actor":"li","at":"2026-03-12T09:15:02Z""#))
        XCTAssertTrue(lines[1].contains(#","seq":2,"sum":""#), String(lines[1]))
    }

    func testSnapshotFilesAreValidJSONWithOneRowPerLine() throws {
        let folder = StoreFixtures.temporaryFolder()
        _ = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        for collection in ["creators", "enrollments", "orders", "surveyResponses", "shipments", "submissions", "assets",
                           "discountCodes", "trackingLinks"] {
            let path = try StoreFixtures.file(collection, in: folder)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], path)
            XCTAssertEqual(object["collection"] as? String, collection)
            let rows = try XCTUnwrap(object["rows"] as? [Any])
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.count, rows.count + 3, "header, one line per row, footer, final newline: \(path)")
        }
        let orders = try String(contentsOfFile: try StoreFixtures.file("orders", in: folder), encoding: .utf8)
        XCTAssertTrue(orders.contains(##"["#1002",null,"refunded","2026-03-13T09:14:02Z","2026-03-14T09:14:02Z",[1500,"USD"],[-20,"USD"],"##), orders)
        XCTAssertTrue(orders.contains(#"[["SKU-SERUM","Serum 30 ml",1,2999],[null,"Gift wrap",2,800]]"#), orders)
    }

    func testCreateRefusesAFolderThatAlreadyHoldsAWorkspace() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let before = try StoreFixtures.contents(of: folder)
        let error = assertStoreError(try WorkspaceStore.create(at: folder, workspace: Workspace(program: StoreFixtures.program)))
        XCTAssertEqual(error?.kind, .alreadyAWorkspace)
        XCTAssertEqual(try StoreFixtures.contents(of: folder), before)
    }

    func testReadOnlyStoreReadsButRefusesWrites() throws {
        let folder = StoreFixtures.temporaryFolder()
        let writer = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try writer.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context())

        let reader = try WorkspaceStore.open(at: folder, mode: .readOnly)
        XCTAssertEqual(reader.workspace, writer.workspace, "a reader sees journaled commands while a writer holds the lock")
        let error = assertStoreError(try reader.perform(.markPacked(["SH-0001"]), context: StoreFixtures.context()))
        XCTAssertEqual(error?.kind, .readOnly)
        XCTAssertEqual(assertStoreError(try reader.compact())?.kind, .readOnly)
    }

    func testOpeningAFolderWithoutAWorkspaceSaysSo() {
        let error = assertStoreError(try WorkspaceStore.open(at: StoreFixtures.temporaryFolder()))
        XCTAssertEqual(error?.kind, .notAWorkspace)
        XCTAssertTrue(error?.description.contains("is not a Chorus workspace") ?? false)
    }
}

/// Payout runs are kept with the workspace; a workspace saved before they existed opens with none.
final class PayoutRunStorageTests: XCTestCase {
    func testPayoutRunsSurviveASnapshotAndAnOlderWorkspaceHasNone() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        XCTAssertEqual(store.workspace.payoutRuns, [])
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: folder).contains { $0.hasPrefix("payoutRuns") },
                       "no file until there is a run, so older workspaces look the same")
        let run = PayoutRun(number: 1, createdOn: Day("2026-03-01")!,
                            payments: [Payment(creatorID: "CR-00001", items: [PayoutItem(key: "fee W1", amount: 5_000)])])
        try store.perform(.createPayoutRun(run), context: StoreFixtures.context(1))
        try store.perform(.markPayoutRunPaid(number: 1, on: Day("2026-03-02")!), context: StoreFixtures.context(2))
        let expected = store.workspace
        try store.compact()
        store.close()

        let reopened = try WorkspaceStore.open(at: folder)
        defer { reopened.close() }
        XCTAssertEqual(reopened.workspace, expected)
        XCTAssertEqual(reopened.workspace.payoutRun(1)?.paidOn, Day("2026-03-02"))
    }

    func testPayoutDetailsAndResultsSurviveASnapshotAndCreatorsWithoutDetailsKeepTheirBytes() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.compact()
        let creatorsFile = { try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("creators") }! }
        let before = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(creatorsFile()))
        XCTAssertFalse(String(decoding: before, as: UTF8.self).contains("w9"))
        try store.perform(.setPayoutDetails([PayoutDetails(creatorID: "CR-00001", profile: PayoutProfile(
            method: .venmo, taxForm: .w9, taxFormReceived: Day("2026-01-15"), taxCountry: "US"))]), context: StoreFixtures.context(1))
        let run = PayoutRun(number: 1, createdOn: Day("2026-03-01")!,
                            payments: [Payment(creatorID: "CR-00001", items: [PayoutItem(key: "fee W1", amount: 5_000)])],
                            leftOut: [LeftOutCreator(creatorID: "CR-00002", amount: 900, reason: "no tax form on file (no form)")])
        try store.perform(.createPayoutRun(run), context: StoreFixtures.context(2))
        try store.perform(.reconcilePayoutRun(number: 1, results: [PaymentResult(
            creatorID: "CR-00001", outcome: PaymentOutcome(state: .returned, on: Day("2026-03-05")!, reason: "RETURNED"))]),
                          context: StoreFixtures.context(3))
        let expected = store.workspace
        try store.compact()
        store.close()

        let reopened = try WorkspaceStore.open(at: folder)
        defer { reopened.close() }
        XCTAssertEqual(reopened.workspace, expected)
        XCTAssertEqual(reopened.workspace.creator("CR-00001")?.payoutProfile?.method, .venmo)
        XCTAssertEqual(reopened.workspace.payoutRun(1)?.payments[0].outcome?.state, .returned)
    }
}
