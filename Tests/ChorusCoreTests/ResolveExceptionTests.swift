import XCTest
@testable import ChorusCore

/// A parcel with an exception is fixed and sent again, keeping its history: a corrected
/// address, back to the queue or out at once with a new tracking number, and stock accounted
/// for as the kind of exception says.
final class ResolveExceptionTests: XCTestCase {
    private var workspace = ProgramFixture.workspace
    private let returned = ProgramFixture.returnedParcel, shipped = ProgramFixture.shippedParcel, queued = ProgramFixture.queuedParcel
    private let serum = ProgramFixture.serum, cream = ProgramFixture.cream
    private let mila = ProgramFixture.mila, sakura = ProgramFixture.sakura
    private let fedexNumber = "123456789012"
    private let newAddress = PostalAddress(line1: "Kastanienallee 3", city: "Berlin", postalCode: "10435", country: "DE")

    private func stock(_ id: SKUID) -> (onHand: Int, reserved: Int) {
        let sku = workspace.sku(id)!
        return (sku.stockOnHand, sku.reserved)
    }

    func testAReturnedParcelGoesBackToTheQueueWithItsReturnedStock() throws {
        let before = stock(cream)
        let applied = try workspace.run(.resolveException(returned, ExceptionResolution(next: .repack, address: newAddress,
                                                                                        note: "she moved")))
        XCTAssertEqual(applied.summary, "SH-0040 is queued to be packed again (returned resolved)")
        let parcel = try XCTUnwrap(workspace.shipment(returned))
        XCTAssertEqual(parcel.status, .queued)
        XCTAssertNil(parcel.exception)
        XCTAssertNil(parcel.trackingNumber)
        XCTAssertEqual(parcel.previousTrackingNumbers, ["JD014600003828427052"])
        XCTAssertEqual(workspace.creator(mila)?.address, newAddress)
        // The returned unit is on the shelf already: it is reserved again, not bought again.
        XCTAssertEqual(stock(cream).onHand, before.onHand)
        XCTAssertEqual(stock(cream).reserved, before.reserved + 1)
        XCTAssertEqual(parcel.productCost, eur("12.00"))
        XCTAssertEqual(parcel.history.map(\.status), [.queued, .shipped, .exception, .queued])
        XCTAssertEqual(parcel.history.last?.note, "returned resolved: she moved")
        XCTAssertEqual(parcel.history.last?.exception, .returned)
    }

    func testALostParcelReShippedTakesNewStockAndANewTrackingNumber() throws {
        try workspace.run(.flagException(shipments: [shipped], kind: .lost, note: "DHL lost it in Leipzig"))
        let before = stock(serum)
        let applied = try workspace.run(.resolveException(shipped, ExceptionResolution(next: .reship(carrier: .fedex, trackingNumber: fedexNumber))))
        XCTAssertEqual(applied.summary, "SH-0041 re-shipped with FedEx 123456789012 (lost resolved)")
        let parcel = try XCTUnwrap(workspace.shipment(shipped))
        XCTAssertEqual(parcel.status, .shipped)
        XCTAssertEqual(parcel.carrier, .fedex)
        XCTAssertEqual(parcel.trackingNumber, fedexNumber)
        XCTAssertEqual(parcel.shippedAt, ProgramFixture.context.now)
        XCTAssertEqual(parcel.previousTrackingNumbers, [ProgramFixture.sakuraDHLNumber])
        XCTAssertEqual(stock(serum).onHand, before.onHand - 1, "a lost parcel's units are gone: new ones leave the shelf")
        XCTAssertEqual(stock(serum).reserved, before.reserved)
        XCTAssertEqual(parcel.productCost, eur("37.00"), "the lost serum and its replacement both cost")
        XCTAssertEqual(parcel.history.map(\.status), [.queued, .packed, .shipped, .exception, .shipped])
    }

    func testAnAddressProblemWithTheCarrierReShipsTheSameUnits() throws {
        try workspace.run(.flagException(shipments: [shipped], kind: .addressProblem, note: "no such building"))
        let before = stock(serum)
        try workspace.run(.resolveException(shipped, ExceptionResolution(next: .reship(carrier: .dhl, trackingNumber: "JD014600003828427099"))))
        XCTAssertEqual(stock(serum).onHand, before.onHand)
        XCTAssertEqual(stock(serum).reserved, before.reserved)
        XCTAssertEqual(workspace.shipment(shipped)?.productCost, eur("18.50"))
    }

    func testAnAddressProblemInTheWarehouseIsRepackedFromTheShelf() throws {
        try workspace.run(.flagException(shipments: [queued], kind: .addressProblem, note: "postcode missing"))
        XCTAssertEqual(stock(serum).reserved, 0)
        try workspace.run(.resolveException(queued, ExceptionResolution(next: .repack)))
        XCTAssertEqual(workspace.shipment(queued)?.status, .queued)
        XCTAssertEqual(stock(serum).reserved, 1)
    }

    func testRefusals() throws {
        assertRefused(.resolveException(shipped, ExceptionResolution(next: .repack)), on: workspace,
                      saying: "shipment SH-0041 cannot be resolved: it has no exception to resolve (it is shipped)")
        assertRefused(.resolveException(returned, ExceptionResolution(next: .reship(carrier: .dhl, trackingNumber: "JD014600003828427052"))),
                      on: workspace, saying: "shipment SH-0040 already went out with tracking number JD014600003828427052; a re-sent parcel needs a new one")
        assertRefused(.resolveException(returned, ExceptionResolution(next: .reship(carrier: .dhl, trackingNumber: ProgramFixture.sakuraDHLNumber))),
                      on: workspace, saying: "tracking number \(ProgramFixture.sakuraDHLNumber) is already used by shipment SH-0041")
        assertRefused(.resolveException(returned, ExceptionResolution(next: .reship(carrier: .ups, trackingNumber: "12"))),
                      on: workspace, saying: "'12' does not look like a UPS tracking number (shipment SH-0040)")
        var noCity = newAddress
        noCity.city = " "
        assertRefused(.resolveException(returned, ExceptionResolution(next: .repack, address: noCity)), on: workspace,
                      saying: "the address for @mila.makes needs a city")
        var badCountry = newAddress
        badCountry.country = "Germany"
        assertRefused(.resolveException(returned, ExceptionResolution(next: .repack, address: badCountry)), on: workspace,
                      saying: "'Germany' is not a country code")

        var fixture = ProgramFixture()
        fixture.creators[0].address = nil
        var noAddress = fixture.build()
        try noAddress.run(.flagException(shipments: [queued], kind: .addressProblem, note: "no address at all"))
        assertRefused(.resolveException(queued, ExceptionResolution(next: .repack)), on: noAddress,
                      saying: "@mila.makes has no address on file; give the corrected address to resolve SH-0042")
    }

    func testNotEnoughStockToResendIsRefusedNamingTheShortfall() throws {
        try workspace.run(.adjustStock(sku: cream, delta: -3, reason: "damaged in the warehouse"))
        assertRefused(.resolveException(returned, ExceptionResolution(next: .repack)), on: workspace,
                      saying: "not enough Night Cream (SKU-CREAM): 1 needed, 0 available")
    }

    func testResolvingUndoesAndRedoes() {
        assertUndoAndRedo(.resolveException(returned, ExceptionResolution(next: .reship(carrier: .fedex, trackingNumber: fedexNumber),
                                                                            address: newAddress)), on: workspace)
    }

    func testAParcelStoredBeforeHistoriesTellsItsHistoryFromItsTimestamps() throws {
        let parcel = try XCTUnwrap(workspace.shipment(shipped))
        XCTAssertEqual(parcel.history.map(\.status), [.queued, .packed, .shipped])
        XCTAssertEqual(parcel.history.last?.trackingNumber, ProgramFixture.sakuraDHLNumber)
        let decoded = try JSONDecoder().decode(Shipment.self, from: JSONEncoder().encode(parcel))
        XCTAssertEqual(decoded.history, parcel.history)
    }
}
