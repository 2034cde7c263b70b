import XCTest
@testable import ChorusCore

/// The shipping queue: stock is reserved when a parcel is queued, consumed when it leaves,
/// released when it is cancelled and returned when it comes back.
final class SeedingCommandsTests: XCTestCase {
    private var workspace = ProgramFixture.workspace
    private let spring = ProgramFixture.spring
    private let serum = ProgramFixture.serum, cream = ProgramFixture.cream, mist = ProgramFixture.mist
    private let mila = ProgramFixture.mila, sakura = ProgramFixture.sakura, lea = ProgramFixture.lea
    private let queued = ProgramFixture.queuedParcel, shipped = ProgramFixture.shippedParcel
    private let upsNumber = "1Z999AA10123456784"

    private func stock(_ id: SKUID) -> (onHand: Int, reserved: Int) {
        let sku = workspace.sku(id)!
        return (sku.stockOnHand, sku.reserved)
    }

    private func request(_ creator: CreatorID, _ items: (SKUID, Int)...) -> ShipmentRequest {
        ShipmentRequest(creatorID: creator, waveID: spring, items: items.map { ShipmentItem(sku: $0.0, quantity: $0.1) })
    }

    // MARK: SKUs and stock

    func testAddingSKUs() throws {
        let applied = try workspace.run(.addSKUs([SKU(id: "SKU-BALM", name: "Lip Balm", unitCost: eur("3.10"), stockOnHand: 40)]))
        XCTAssertEqual(applied.summary, "added 1 SKU")
        XCTAssertEqual(workspace.sku("SKU-BALM")?.available, 40)
    }

    func testSKURefusals() {
        let balm = SKU(id: "SKU-BALM", name: "Lip Balm", unitCost: eur("3.10"), stockOnHand: 40)
        assertRefused(.addSKUs([]), on: workspace, saying: "no SKUs given")
        assertRefused(.addSKUs([balm, SKU(id: serum, name: "Serum again", unitCost: eur("1"), stockOnHand: 1)]), on: workspace,
                      saying: "SKU SKU-SERUM already exists")
        assertRefused(.addSKUs([balm, balm]), on: workspace, saying: "SKU SKU-BALM already exists")
        var bad = balm
        bad.name = ""
        assertRefused(.addSKUs([bad]), on: workspace, saying: "a name for SKU SKU-BALM is required")
        bad = balm
        bad.unitCost = Money(minorUnits: 310, currency: .gbp)
        assertRefused(.addSKUs([bad]), on: workspace, saying: "SKU SKU-BALM costs 3.10 GBP; the program uses EUR")
        bad = balm
        bad.unitCost = eur("-0.01")
        assertRefused(.addSKUs([bad]), on: workspace, saying: "SKU SKU-BALM has a negative unit cost")
        bad = balm
        bad.stockOnHand = -1
        assertRefused(.addSKUs([bad]), on: workspace, saying: "SKU SKU-BALM has negative stock")
        bad = balm
        bad.reserved = 2
        assertRefused(.addSKUs([bad]), on: workspace, saying: "a new SKU cannot start with reserved stock")
    }

    func testAdjustingStock() throws {
        XCTAssertEqual(try workspace.run(.adjustStock(sku: mist, delta: 24, reason: "delivery from supplier")).summary,
                       "added 24 of Face Mist")
        XCTAssertEqual(stock(mist).onHand, 24)
        XCTAssertEqual(try workspace.run(.adjustStock(sku: mist, delta: -4, reason: "damaged")).summary, "removed 4 of Face Mist")
        XCTAssertEqual(stock(mist).onHand, 20)
    }

    func testStockCannotDropBelowWhatIsReserved() {
        assertRefused(.adjustStock(sku: serum, delta: -10, reason: "stocktake"), on: workspace,
                      saying: "SKU SKU-SERUM would have 0 on hand but 1 are reserved for queued shipments")
        assertRefused(.adjustStock(sku: mist, delta: -1, reason: "stocktake"), on: workspace, saying: "would have -1 on hand")
        assertRefused(.adjustStock(sku: mist, delta: 5, reason: ""), on: workspace, saying: "a reason for the stock change is required")
        assertRefused(.adjustStock(sku: "SKU-NOPE", delta: 5, reason: "x"), on: workspace, saying: "SKU SKU-NOPE does not exist")
    }

    /// A SKU typed from memory that is not there: the refusal names the ones that are.
    func testAnUnknownSKUIsRefusedNamingTheProgramsSKUs() {
        assertRefused(.adjustStock(sku: "SKU-NOPE", delta: 5, reason: "x"), on: workspace,
                      saying: "SKU SKU-NOPE does not exist; the program's SKUs are SKU-SERUM, SKU-CREAM, SKU-MIST (chorus list products)")
        var many = workspace
        XCTAssertNoThrow(try many.run(.addSKUs((1...8).map { SKU(id: SKUID("EXTRA-\($0)"), name: "Extra \($0)", unitCost: .zero(.eur), stockOnHand: 1) })))
        assertRefused(.adjustStock(sku: "SKU-NOPE", delta: 5, reason: "x"), on: many,
                      saying: "the program's SKUs are SKU-SERUM, SKU-CREAM, SKU-MIST, EXTRA-1, EXTRA-2, EXTRA-3 and 5 more (chorus list products)")
        let none = Workspace(program: workspace.program)
        assertRefused(.adjustStock(sku: "SKU-NOPE", delta: 5, reason: "x"), on: none,
                      saying: "SKU SKU-NOPE does not exist; the program has no SKUs yet (chorus import products)")
    }

    // MARK: Queueing reserves stock

    func testQueueingReservesStockAndPricesTheParcel() throws {
        let applied = try workspace.run(.queueShipments([request(lea, (serum, 2), (cream, 1))]))
        XCTAssertEqual(applied.summary, "queued 1 shipment")
        let parcel = workspace.shipment("SH-0043")
        XCTAssertEqual(parcel?.status, .queued, "numbered after the highest existing shipment, SH-0042")
        XCTAssertEqual(parcel?.productCost, eur("49.00"), "2 × 18.50 + 12.00")
        XCTAssertEqual(parcel?.createdAt, ProgramFixture.context.now)
        XCTAssertEqual(stock(serum).onHand, 10, "nothing has left the warehouse yet")
        XCTAssertEqual(stock(serum).reserved, 3)
        XCTAssertEqual(stock(cream).reserved, 1)
        XCTAssertEqual(workspace.sku(cream)?.available, 2)
    }

    func testQueueingMoreThanIsAvailableNamesTheSKUAndTheShortfall() {
        // Night Cream: 3 on hand, none reserved; two parcels of two each need four.
        assertRefused(.queueShipments([request(lea, (cream, 2)), request(sakura, (cream, 2))]), on: workspace,
                      saying: "not enough Night Cream (SKU-CREAM): 4 needed, 3 available, short by 1")
        // Glow Serum: 10 on hand but 1 already reserved for SH-0042.
        assertRefused(.queueShipments([request(lea, (serum, 10))]), on: workspace,
                      saying: "not enough Glow Serum (SKU-SERUM): 10 needed, 9 available, short by 1")
        assertRefused(.queueShipments([request(lea, (mist, 1))]), on: workspace, saying: "short by 1")
    }

    func testQueueingRefusals() {
        assertRefused(.queueShipments([]), on: workspace, saying: "no shipments given")
        assertRefused(.queueShipments([request(lea, (serum, 1)), request(ProgramFixture.jonas, (serum, 1))]), on: workspace,
                      saying: "@jonas.outdoors is not in Spring Glow; add them to the wave before seeding")
        assertRefused(.queueShipments([request(lea)]), on: workspace, saying: "the shipment for @lea.lumiere has no items")
        assertRefused(.queueShipments([request(lea, (serum, 0))]), on: workspace,
                      saying: "0 × SKU-SERUM for @lea.lumiere: quantities must be at least 1")
        assertRefused(.queueShipments([request(lea, ("SKU-NOPE", 1))]), on: workspace, saying: "SKU SKU-NOPE does not exist")
        assertRefused(.queueShipments([ShipmentRequest(creatorID: lea, waveID: "W9", items: [ShipmentItem(sku: serum, quantity: 1)])]),
                      on: workspace, saying: "wave W9 does not exist")
    }

    // MARK: One open parcel per creator and wave

    func testASecondParcelWhileTheFirstIsInTheWarehouseIsRefusedNamingIt() {
        // Mila's SH-0042 is queued for Spring Glow.
        assertRefused(.queueShipments([request(lea, (serum, 1)), request(mila, (serum, 1))]), on: workspace,
                      saying: "@mila.makes already has SH-0042 queued in Spring Glow; ask for an extra parcel to send another")
        assertRefused(.queueShipments([request(lea, (serum, 1)), request(lea, (mist, 1))]), on: workspace,
                      saying: "@lea.lumiere is asked for twice in Spring Glow")
        XCTAssertEqual(stock(serum).reserved, 1, "nothing was half-applied")
    }

    func testAnExtraParcelGoesWhenAskedForExplicitly() throws {
        var extra = request(mila, (serum, 1))
        extra.extra = true
        XCTAssertEqual(try workspace.run(.queueShipments([extra])).summary, "queued 1 shipment")
        XCTAssertEqual(workspace.shipment("SH-0043")?.extra, true, "the parcel remembers it was asked for as an extra")
    }

    func testAParcelThatLeftDoesNotBlockTheNextOne() throws {
        try workspace.run(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .ups, trackingNumber: upsNumber)]))
        XCTAssertEqual(try workspace.run(.queueShipments([request(mila, (serum, 1))])).summary, "queued 1 shipment")
    }

    func testAJournalledDuplicateFromAnOlderVersionStillReplays() throws {
        let replay = CommandContext(now: ProgramFixture.context.now, actor: "test", isReplay: true)
        XCTAssertEqual(try workspace.apply(.queueShipments([request(mila, (serum, 1))]), context: replay).summary, "queued 1 shipment")
    }

    // MARK: Packing and shipping

    func testPackingAQueuedParcel() throws {
        XCTAssertEqual(try workspace.run(.markPacked([queued])).summary, "packed 1 shipment")
        XCTAssertEqual(workspace.shipment(queued)?.status, .packed)
        XCTAssertEqual(workspace.shipment(queued)?.packedAt, ProgramFixture.context.now)
        XCTAssertEqual(stock(serum).reserved, 1, "a packed parcel still holds its stock")
        assertRefused(.markPacked([shipped]), on: workspace, saying: "shipment SH-0041 cannot be packed: it is shipped")
        assertRefused(.markPacked([]), on: workspace, saying: "no shipments given")
        assertRefused(.markPacked(["SH-0999"]), on: workspace, saying: "shipment SH-0999 does not exist")
    }

    func testShippingConsumesStockAndMovesTheCreatorToSeeded() throws {
        try workspace.run(.markPacked([queued]))
        let applied = try workspace.run(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .ups, trackingNumber: " \(upsNumber) ")]))
        XCTAssertEqual(applied.summary, "shipped 1 shipment")
        let parcel = workspace.shipment(queued)!
        XCTAssertEqual(parcel.status, .shipped)
        XCTAssertEqual(parcel.carrier, .ups)
        XCTAssertEqual(parcel.trackingNumber, upsNumber, "a scanner's stray spaces are trimmed")
        XCTAssertEqual(parcel.shippedAt, ProgramFixture.context.now)
        XCTAssertEqual(stock(serum).onHand, 9)
        XCTAssertEqual(stock(serum).reserved, 0)
        XCTAssertEqual(workspace.enrollment(mila, in: spring)?.stage, .seeded)
    }

    func testAQueuedParcelCanShipWithoutBeingPackedFirst() throws {
        try workspace.run(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .other, trackingNumber: "GLS-0042-77")]))
        XCTAssertEqual(workspace.shipment(queued)?.status, .shipped)
    }

    func testShippingNeedsAValidTrackingNumberForTheCarrier() {
        assertRefused(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .ups, trackingNumber: "   ")]), on: workspace,
                      saying: "shipment SH-0042 cannot be shipped without a tracking number")
        assertRefused(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .royalMail, trackingNumber: upsNumber)]), on: workspace,
                      saying: "'\(upsNumber)' does not look like a Royal Mail tracking number (shipment SH-0042)")
    }

    func testATrackingNumberIsUsedOnce() throws {
        assertRefused(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .dhl, trackingNumber: ProgramFixture.sakuraDHLNumber)]),
                      on: workspace, saying: "tracking number JD014600003828427051 is already used by shipment SH-0041")

        try workspace.run(.queueShipments([request(lea, (serum, 1))]))
        assertRefused(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .ups, trackingNumber: upsNumber),
                                    ShipmentDispatch(shipmentID: "SH-0043", carrier: .ups, trackingNumber: upsNumber)]),
                      on: workspace, saying: "tracking number \(upsNumber) is already used by shipment SH-0042")
    }

    func testABatchFailingOnItsSecondParcelShipsNothing() throws {
        try workspace.run(.queueShipments([request(lea, (serum, 1))]))
        let before = workspace
        assertRefused(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .ups, trackingNumber: upsNumber),
                                    ShipmentDispatch(shipmentID: "SH-0043", carrier: .fedex, trackingNumber: "12345")]),
                      on: workspace, saying: "'12345' does not look like a FedEx tracking number (shipment SH-0043)")
        XCTAssertEqual(workspace.shipment(queued)?.status, .queued)
        XCTAssertTrue(workspace == before)
        assertRefused(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .ups, trackingNumber: upsNumber),
                                    ShipmentDispatch(shipmentID: shipped, carrier: .ups, trackingNumber: "1Z999AA10123456785")]),
                      on: workspace, saying: "shipment SH-0041 cannot be shipped: it is shipped")
        assertRefused(.markShipped([ShipmentDispatch(shipmentID: queued, carrier: .ups, trackingNumber: upsNumber),
                                    ShipmentDispatch(shipmentID: queued, carrier: .ups, trackingNumber: upsNumber)]),
                      on: workspace, saying: "a shipment is listed twice")
    }

    // MARK: Delivery

    func testMarkingDelivered() throws {
        XCTAssertEqual(try workspace.run(.markDelivered([shipped])).summary, "marked 1 shipment delivered")
        XCTAssertEqual(workspace.shipment(shipped)?.status, .delivered)
        XCTAssertEqual(workspace.shipment(shipped)?.deliveredAt, ProgramFixture.context.now)
    }

    func testDeliveringAnUnshippedParcelIsRefused() throws {
        let message = assertRefused(.markDelivered([queued]), on: workspace)
        XCTAssertEqual(message, "shipment SH-0042 cannot be marked delivered: it has not been shipped")
        try workspace.run(.markPacked([queued]))
        assertRefused(.markDelivered([shipped, queued]), on: workspace,
                      saying: "shipment SH-0042 cannot be marked delivered: it has not been shipped")
        try workspace.run(.markDelivered([shipped]))
        assertRefused(.markDelivered([shipped]), on: workspace, saying: "shipment SH-0041 cannot be marked delivered: it is delivered")
    }

    // MARK: Exceptions

    func testAReturnedParcelPutsItsStockBack() throws {
        let applied = try workspace.run(.flagException(shipments: [shipped], kind: .returned, note: "refused at the door"))
        XCTAssertEqual(applied.summary, "flagged 1 shipment: returned")
        let parcel = workspace.shipment(shipped)!
        XCTAssertEqual(parcel.status, .exception)
        XCTAssertEqual(parcel.exception, ShipmentException(kind: .returned, note: "refused at the door", at: ProgramFixture.context.now))
        XCTAssertEqual(stock(serum).onHand, 11)
        XCTAssertEqual(stock(serum).reserved, 1, "Mila's queued parcel still holds its unit")
    }

    func testALostParcelDoesNotComeBackToStock() throws {
        try workspace.run(.markDelivered([shipped]))
        try workspace.run(.flagException(shipments: [shipped], kind: .lost, note: "porch pirate"))
        XCTAssertEqual(workspace.shipment(shipped)?.exception?.kind, .lost)
        XCTAssertEqual(stock(serum).onHand, 10)
    }

    func testAnAddressProblemBeforeShippingReleasesTheReservation() throws {
        try workspace.run(.flagException(shipments: [queued], kind: .addressProblem, note: "no house number"))
        XCTAssertEqual(workspace.shipment(queued)?.status, .exception)
        XCTAssertEqual(stock(serum).reserved, 0)
        XCTAssertEqual(stock(serum).onHand, 10)
        try workspace.run(.cancelShipments([queued]))
        XCTAssertEqual(stock(serum).reserved, 0, "cancelling afterwards does not release twice")
    }

    func testExceptionRefusals() {
        assertRefused(.flagException(shipments: [queued], kind: .returned, note: "?"), on: workspace,
                      saying: "shipment SH-0042 cannot be flagged returned: it is queued")
        assertRefused(.flagException(shipments: [shipped], kind: .lost, note: "  "), on: workspace,
                      saying: "a note saying what went wrong is required")
    }

    // MARK: Cancelling

    func testCancellingReleasesReservedStock() throws {
        XCTAssertEqual(try workspace.run(.cancelShipments([queued])).summary, "cancelled 1 shipment")
        XCTAssertEqual(workspace.shipment(queued)?.status, .cancelled)
        XCTAssertEqual(stock(serum).reserved, 0)
        XCTAssertEqual(stock(serum).onHand, 10)
        XCTAssertEqual(workspace.sku(serum)?.available, 10)
    }

    func testAParcelThatLeftCannotBeCancelled() {
        assertRefused(.cancelShipments([queued, shipped]), on: workspace,
                      saying: "shipment SH-0041 cannot be cancelled: it has already left the warehouse (shipped)")
    }

    func testTheWholeSeedingFlowKeepsStockHonest() throws {
        try workspace.run(.queueShipments([request(lea, (cream, 2)), request(sakura, (cream, 1))]))
        XCTAssertEqual(workspace.sku(cream)?.available, 0)
        try workspace.run(.cancelShipments(["SH-0044"]))
        XCTAssertEqual(workspace.sku(cream)?.available, 1)
        try workspace.run(.markShipped([ShipmentDispatch(shipmentID: "SH-0043", carrier: .fedex, trackingNumber: "123456789012")]))
        XCTAssertEqual(stock(cream).onHand, 1)
        XCTAssertEqual(stock(cream).reserved, 0)
        try workspace.run(.flagException(shipments: ["SH-0043"], kind: .returned, note: "wrong address"))
        XCTAssertEqual(stock(cream).onHand, 3)
        XCTAssertEqual(workspace.enrollment(lea, in: spring)?.stage, .seeded, "seeding moved Léa on from prospect")
    }
}
