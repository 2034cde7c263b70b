import ChorusCore
@testable import ChorusUI
import XCTest

/// `Enter` on a parcel shows the parcel, not just its creator: the address it goes to, every
/// item, how it travels and every status change with earlier tracking numbers, scrolling with
/// j/k at 80×24 so nothing a decision needs is cut off.
final class ParcelDetailTests: XCTestCase {
    private let context = CommandContext(now: Sample.now, actor: "test")

    /// SH-0001 to @ana.lima with three SKUs, shipped, lost and re-shipped with a new number.
    private func workspace() throws -> Workspace {
        var workspace = SeedingSample.workspace()
        var ana = workspace.creator(Sample.creators[0].id)!
        ana.address = PostalAddress(line1: "Rua Augusta 12", line2: "3º esq.", city: "Lisboa", postalCode: "1100-053", country: "PT")
        try workspace.apply(.updateCreator(ana), context: context)
        try workspace.apply(.addSKUs([SKU(id: "SKU-BALM", name: "Lip Balm", unitCost: Money(minorUnits: 300, currency: .eur), stockOnHand: 9)]),
                            context: context)
        try workspace.apply(.editShipment("SH-0001", items: [ShipmentItem(sku: SeedingSample.serum, quantity: 1),
                                                             ShipmentItem(sku: SeedingSample.mist, quantity: 2),
                                                             ShipmentItem(sku: "SKU-BALM", quantity: 3)], note: "gift wrap"), context: context)
        try workspace.apply(.markShipped([ShipmentDispatch(shipmentID: "SH-0001", carrier: .ups, trackingNumber: SeedingSample.ups(1))]),
                            context: context)
        try workspace.apply(.flagException(shipments: ["SH-0001"], kind: .lost, note: "lost in the depot"), context: context)
        try workspace.apply(.resolveException("SH-0001", ExceptionResolution(next: .reship(carrier: .ups, trackingNumber: SeedingSample.ups(77)))),
                            context: context)
        return workspace
    }

    func testEnterShowsTheWholeParcelAndScrolls() throws {
        let console = ConsoleDriver(try workspace())
        console.press("2", "G")
        XCTAssertEqual(console.console.parcels.id(at: console.state.seeding.cursor), "SH-0001", console.dump)
        console.press(.enter)
        XCTAssertEqual(console.state.overlay, .parcelDetail("SH-0001", scroll: 0))
        var shown = console.dump
        for text in ["@ana.lima", "Rua Augusta 12", "3º esq.", "1100-053 Lisboa", "PT", "SKU-SERUM×1 Glow Serum", "SKU-MIST×2 Face Mist",
                     "SKU-BALM×3 Lip Balm", "Tracking   \(SeedingSample.ups(77))", "Earlier    \(SeedingSample.ups(1))", "gift wrap"] {
            XCTAssertTrue(shown.contains(text), "\(text) is in the parcel detail\n\(shown)")
        }
        XCTAssertTrue(shown.contains("lines 1–"), "the history runs past 80×24, and the edge says which lines are shown\n\(shown)")

        for _ in 0..<12 { console.press("j") }
        shown = console.dump
        XCTAssertTrue(shown.contains("exception: lost — lost in the depot"), shown)
        XCTAssertTrue(shown.contains("shipped (lost resolved) with UPS \(SeedingSample.ups(77))"), shown)
        XCTAssertEqual(console.state.seeding.cursor, console.console.parcels.count - 1, "j scrolls the overlay, not the list")

        console.press(.enter)
        XCTAssertNil(console.state.overlay)
    }
}
