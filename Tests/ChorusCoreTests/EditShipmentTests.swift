import XCTest
@testable import ChorusCore

/// Changing what a parcel holds before it leaves the warehouse: the old units go back on the
/// shelf, the new ones are reserved, and a shortfall is refused naming the SKU.
final class EditShipmentTests: XCTestCase {
    private var workspace = ProgramFixture.workspace
    private let serum = ProgramFixture.serum, cream = ProgramFixture.cream, mist = ProgramFixture.mist
    private let queued = ProgramFixture.queuedParcel, shipped = ProgramFixture.shippedParcel

    private func reserved(_ id: SKUID) -> Int { workspace.sku(id)!.reserved }

    func testSwappingItemsReleasesTheOldAndReservesTheNewAtTodaysCost() throws {
        XCTAssertEqual(reserved(serum), 1)
        let applied = try workspace.run(.editShipment(queued, items: [ShipmentItem(sku: cream, quantity: 2)], note: "  swap for cream "))
        XCTAssertEqual(applied.summary, "edited shipment SH-0042")
        let parcel = workspace.shipment(queued)!
        XCTAssertEqual(parcel.items, [ShipmentItem(sku: cream, quantity: 2)])
        XCTAssertEqual(parcel.note, "swap for cream")
        XCTAssertEqual(parcel.productCost, eur("24.00"))
        XCTAssertEqual(reserved(serum), 0, "the serum goes back on the shelf")
        XCTAssertEqual(reserved(cream), 2)
    }

    func testUnitsTheParcelAlreadyHoldsCountAsAvailable() throws {
        // Ten serums on hand, one reserved by this very parcel: it may grow to ten.
        try workspace.run(.editShipment(queued, items: [ShipmentItem(sku: serum, quantity: 10)], note: nil))
        XCTAssertEqual(reserved(serum), 10)
    }

    func testAShortfallIsRefusedNamingTheSKUAndNothingChanges() {
        let before = workspace
        assertRefused(.editShipment(queued, items: [ShipmentItem(sku: cream, quantity: 5)], note: nil), on: workspace,
                      saying: "not enough Night Cream (SKU-CREAM): 5 needed, 3 available, short by 2")
        assertRefused(.editShipment(queued, items: [ShipmentItem(sku: mist, quantity: 1)], note: nil), on: workspace,
                      saying: "Face Mist (SKU-MIST)", "short by 1")
        XCTAssertEqual(workspace, before)
    }

    func testOnlyParcelsStillInTheWarehouseCanBeEdited() {
        assertRefused(.editShipment(shipped, items: [ShipmentItem(sku: serum, quantity: 1)], note: nil), on: workspace,
                      saying: "shipment SH-0041 cannot be edited: it has already left the warehouse (shipped)")
        assertRefused(.editShipment(queued, items: [], note: nil), on: workspace, saying: "needs at least one item")
        assertRefused(.editShipment(queued, items: [ShipmentItem(sku: serum, quantity: 0)], note: nil), on: workspace,
                      saying: "quantities must be at least 1")
        assertRefused(.editShipment(queued, items: [ShipmentItem(sku: "SKU-NOPE", quantity: 1)], note: nil), on: workspace,
                      saying: "SKU SKU-NOPE does not exist")
    }

    func testUndoPutsTheItemsAndTheReservationsBack() throws {
        let before = workspace
        let applied = try workspace.run(.editShipment(queued, items: [ShipmentItem(sku: cream, quantity: 3)], note: "more cream"))
        try workspace.run(applied.undo)
        XCTAssertEqual(workspace, before)
    }
}
