import ChorusCore
@testable import ChorusUI
import XCTest

/// Seeding staff fix parcels that went wrong: `R` on a parcel with an exception opens the
/// address to correct or confirm, then it goes back to the queue or out again with a new
/// tracking number, keeping its history; `z` takes it back.
final class ResolveExceptionKeyTests: XCTestCase {
    private let context = CommandContext(now: Sample.now, actor: "test")

    /// SH-0001 shipped with UPS and lost; SH-0002 flagged with an address problem in the warehouse.
    private func workspace() throws -> Workspace {
        var workspace = SeedingSample.workspace()
        try workspace.apply(.markShipped([ShipmentDispatch(shipmentID: "SH-0001", carrier: .ups, trackingNumber: SeedingSample.ups(1))]),
                            context: context)
        try workspace.apply(.flagException(shipments: ["SH-0001"], kind: .lost, note: "lost in the depot"), context: context)
        try workspace.apply(.flagException(shipments: ["SH-0002"], kind: .addressProblem, note: "no house number"), context: context)
        return workspace
    }

    /// Clears the focused field and types `text` into it.
    private func replace(_ console: ConsoleDriver, with text: String) {
        let field = console.state.form!.form.fields[console.state.form!.form.focus]
        for _ in field.text { console.press(.backspace) }
        console.type(text)
    }

    func testALostParcelIsReShippedWithANewTrackingNumber() throws {
        let console = ConsoleDriver(try workspace())
        console.press("2", "f", "f", "f", "f", "f")   // all → … → exception
        XCTAssertEqual(console.state.seeding.status, .exception)
        console.press("g", "R")
        XCTAssertEqual(console.state.form?.purpose, .resolveException("SH-0001"))
        XCTAssertTrue(console.dump.contains("Resolve SH-0001"), console.dump)
        XCTAssertTrue(console.dump.contains("Resolve SH-0001 for @ana.lima (lost)"), console.dump)

        for _ in 0..<6 { console.press(.tab) }
        replace(console, with: "reship")
        console.press(.tab, .tab).type(SeedingSample.ups(1)).press(.control("s"))
        XCTAssertNotNil(console.state.form, "the same number is refused and the form stays open")
        XCTAssertEqual(console.state.form?.form.focus, ResolveExceptionForm.Field.tracking.rawValue)
        XCTAssertTrue(console.state.form?.form.fields[ResolveExceptionForm.Field.tracking.rawValue].message?
            .contains("a re-sent parcel needs a new one") == true)

        replace(console, with: SeedingSample.ups(91))
        console.press(.control("s"))
        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.state.message, StatusMessage(.success, "SH-0001 re-shipped with UPS \(SeedingSample.ups(91)) (lost resolved)"))
        let parcel = try XCTUnwrap(console.workspace.shipment("SH-0001"))
        XCTAssertEqual(parcel.status, .shipped)
        XCTAssertEqual(parcel.previousTrackingNumbers, [SeedingSample.ups(1)])
        XCTAssertEqual(parcel.history.map(\.status), [.queued, .shipped, .exception, .shipped])

        console.press("z")
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .exception)
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.trackingNumber, SeedingSample.ups(1))
    }

    func testAnAddressProblemNeedsTheAddressAndGoesBackToTheQueue() throws {
        let console = ConsoleDriver(try workspace())
        console.press("2", "f", "f", "f", "f", "f", "G", "R")
        XCTAssertEqual(console.state.form?.purpose, .resolveException("SH-0002"))
        console.press(.control("s"))
        XCTAssertEqual(console.state.form?.form.focus, ResolveExceptionForm.Field.street.rawValue)
        XCTAssertTrue(console.state.form?.form.fields[0].message?.contains("has no address on file") == true, console.dump)

        console.type("Rua Augusta 12").press(.tab, .tab).type("Lisboa").press(.tab, .tab).type("1100-053").press(.tab)
        replace(console, with: "pt")
        console.press(.control("s"))
        XCTAssertNil(console.state.form, console.dump)
        let parcel = try XCTUnwrap(console.workspace.shipment("SH-0002"))
        XCTAssertEqual(parcel.status, .queued)
        XCTAssertEqual(console.workspace.creator(parcel.creatorID)?.address?.city, "Lisboa")
        XCTAssertEqual(console.workspace.creator(parcel.creatorID)?.address?.country, "PT")
    }

    func testConfirmingTheAddressRepacksAndTheParcelCountsItsDaysFromThen() throws {
        var workspace = Sample.workspace()
        let weeksAgo = CommandContext(now: Sample.now.adding(days: -20), actor: "test")
        var ana = workspace.creator(Sample.creators[0].id)!
        ana.address = PostalAddress(line1: "Rua Augusta 12", city: "Lisboa", postalCode: "1100-053", country: "PT")
        try workspace.apply(.updateCreator(ana), context: weeksAgo)
        try workspace.apply(.addSKUs([SKU(id: SeedingSample.serum, name: "Glow Serum", unitCost: Money(minorUnits: 1_250, currency: .eur),
                                          stockOnHand: 5)]), context: weeksAgo)
        try workspace.apply(.queueShipments([ShipmentRequest(creatorID: ana.id, waveID: Sample.wave1,
                                                             items: [ShipmentItem(sku: SeedingSample.serum, quantity: 1)])]), context: weeksAgo)
        try workspace.apply(.flagException(shipments: ["SH-0001"], kind: .addressProblem, note: "no house number"), context: weeksAgo)
        let console = ConsoleDriver(workspace, size: Size(width: 120, height: 30)).press("2")
        XCTAssertTrue(console.frame.lines.contains { $0.contains("SH-0001") && $0.contains(" 20d") }, console.dump)

        console.press("R", .control("s"))   // the address on file is right: saving as it stands confirms it
        XCTAssertNil(console.state.form, console.dump)
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .queued)
        XCTAssertEqual(console.workspace.creator(ana.id)?.address, ana.address)
        XCTAssertTrue(console.frame.lines.contains { $0.contains("SH-0001") && $0.contains(" 0d") }, "back in the queue today\n\(console.dump)")
    }

    func testAParcelWithoutAnExceptionIsNotResolved() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", "R")
        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "SH-0001 is queued; only a parcel with an exception (!) is resolved"))
    }
}
