import XCTest
@testable import ChorusCore

/// Undo puts back exactly what a command changed; undoing the undo (redo) puts it back again.
final class UndoRedoTests: XCTestCase {
    func testThereIsASampleOfEveryCommand() {
        let kinds = CommandSamples.all.map(CommandSamples.kind(of:))
        XCTAssertEqual(Set(kinds).count, CommandSamples.kindCount, "one sample per Command case")
        XCTAssertEqual(kinds.count, CommandSamples.kindCount)
    }

    func testEveryCommandUndoesAndRedoes() {
        for command in CommandSamples.all {
            assertUndoAndRedo(command, on: ProgramFixture.workspace, CommandSamples.kind(of: command))
        }
    }

    func testUndoingAShipmentGivesTheReservedStockBack() throws {
        var workspace = ProgramFixture.workspace
        let request = ShipmentRequest(creatorID: ProgramFixture.lea, waveID: ProgramFixture.spring,
                                      items: [ShipmentItem(sku: ProgramFixture.cream, quantity: 3)])
        let queued = try workspace.run(.queueShipments([request]))
        XCTAssertEqual(workspace.sku(ProgramFixture.cream)?.available, 0)
        let undo = try workspace.run(queued.undo)
        XCTAssertEqual(undo.summary, "queued 1 shipment")
        XCTAssertNil(workspace.shipment("SH-0043"))
        XCTAssertEqual(workspace.sku(ProgramFixture.cream)?.available, 3)
        try workspace.run(undo.undo)
        XCTAssertEqual(workspace.shipment("SH-0043")?.status, .queued)
        XCTAssertEqual(workspace.sku(ProgramFixture.cream)?.available, 0)
    }

    func testRedoPutsCreatedEntitiesBackInTheirOriginalOrder() throws {
        // Many creators at once, so a redo in hash-set order would almost surely differ.
        let creators = (5...14).map { number in
            Creator(id: CreatorID(formatID(prefix: "CR-", number: number)), handle: "creator\(number)", name: "Creator \(number)")
        }
        var workspace = ProgramFixture.workspace
        let added = try workspace.run(.addCreators(creators))
        let afterAdding = workspace
        let undo = try workspace.run(added.undo)
        try workspace.run(undo.undo)
        XCTAssertEqual(workspace.creators.map(\.id), afterAdding.creators.map(\.id))
        XCTAssertEqual(workspace.creator(handle: "@Creator9")?.id, "CR-0009")
    }

    func testUndoAfterAHandleChangeRestoresTheLookup() throws {
        var workspace = ProgramFixture.workspace
        var mila = workspace.creator(ProgramFixture.mila)!
        mila.handle = "mila.glows"
        let applied = try workspace.run(.updateCreator(mila))
        try workspace.run(applied.undo)
        XCTAssertEqual(workspace.creator(handle: "mila.makes")?.id, ProgramFixture.mila)
        XCTAssertNil(workspace.creator(handle: "mila.glows"))
    }

    func testAFailedCommandIsRolledBackEvenAfterPartialWrites() {
        // No command throws after writing today; this guards the rollback for one that will.
        var recorder = ChangeRecorder(ProgramFixture.workspace)
        var serum = recorder.workspace.sku(ProgramFixture.serum)!
        serum.reserved = 5
        recorder.put(serum)
        recorder.put(Shipment(id: "SH-0099", creatorID: ProgramFixture.lea, waveID: ProgramFixture.spring,
                              items: [ShipmentItem(sku: ProgramFixture.serum, quantity: 4)], productCost: eur("74"),
                              createdAt: ProgramFixture.context.now))
        var workspace = recorder.workspace
        workspace.putBack(recorder.undo)
        XCTAssertTrue(workspace == ProgramFixture.workspace)
        assertIndexesMatchArrays(workspace)
    }

    func testUndoIsItselfAJournalableCommand() throws {
        var workspace = ProgramFixture.workspace
        let applied = try workspace.run(.approve([ProgramFixture.compliantDraft]))
        let journaled = try JSONDecoder().decode(Command.self, from: JSONEncoder().encode(applied.undo))
        XCTAssertEqual(journaled, applied.undo)
        try workspace.run(journaled)
        XCTAssertTrue(workspace == ProgramFixture.workspace)
    }
}
