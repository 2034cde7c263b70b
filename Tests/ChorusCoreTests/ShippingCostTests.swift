import XCTest
@testable import ChorusCore

/// A label's cost rides on the dispatch that ships the parcel, so shipping and costing are
/// one undoable step; a dispatch journaled before costs existed still replays.
final class ShippingCostTests: XCTestCase {
    let parcel = ProgramFixture.queuedParcel

    func testACostedDispatchShipsAndCostsTheParcelInOneUndoableStep() throws {
        var workspace = ProgramFixture.workspace
        let before = workspace
        let applied = try workspace.run(.markShipped([ShipmentDispatch(shipmentID: parcel, carrier: .ups, trackingNumber: "1Z999AA10123456784",
                                                                       shippingCost: eur("6.90"))]))
        XCTAssertEqual(applied.summary, "shipped 1 shipment, shipping 6.90 EUR for all")
        XCTAssertEqual(workspace.shipment(parcel)?.shippingCost, eur("6.90"))
        try workspace.run(applied.undo)
        XCTAssertTrue(workspace == before)
    }

    func testACostInAnotherCurrencyOrBelowZeroIsRefusedAndNothingShips() {
        let dollars = ShipmentDispatch(shipmentID: parcel, carrier: .ups, trackingNumber: "1Z999AA10123456784",
                                       shippingCost: Money(minorUnits: 690, currency: .usd))
        assertRefused(.markShipped([dollars]), on: ProgramFixture.workspace, saying: "the shipping cost of shipment SH-0042 is in USD; the program uses EUR")
        let negative = ShipmentDispatch(shipmentID: parcel, carrier: .ups, trackingNumber: "1Z999AA10123456784", shippingCost: eur("-1.00"))
        assertRefused(.markShipped([negative]), on: ProgramFixture.workspace, saying: "shipment SH-0042 has a negative shipping cost")
    }

    func testADispatchJournaledBeforeCostsExistedStillReplays() throws {
        let old = #"{"markShipped":{"_0":[{"shipmentID":"SH-0042","carrier":"ups","trackingNumber":"1Z999AA10123456784"}]}}"#
        let command = try JSONDecoder().decode(Command.self, from: Data(old.utf8))
        XCTAssertEqual(command, .markShipped([ShipmentDispatch(shipmentID: parcel, carrier: .ups, trackingNumber: "1Z999AA10123456784")]))
    }
}
