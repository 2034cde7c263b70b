import ChorusCore
@testable import ChorusUI
import XCTest

/// Seeding staff change a parcel before it leaves: `e` opens its items and note, saving
/// re-reserves the stock, a shortfall is named in the form, and `z` puts it back.
final class ShipmentEditKeyTests: XCTestCase {
    private let console = ConsoleDriver(SeedingSample.workspace())
    private func reserved(_ id: SKUID) -> Int? { console.workspace.sku(id)?.reserved }

    func testEditingAParcelsItemsReReservesStockAndUndoPutsItBack() {
        let before = console.workspace
        console.press("2", "e")
        XCTAssertEqual(console.state.form?.form.title, "Edit SH-0001 for @ana.lima")
        XCTAssertEqual(console.state.form?.form.fields.map(\.text), ["SKU-SERUM×1", ""])
        console.press(.control("u")).type("SKU-SERUM×2, SKU-MIST×1").press(.tab).type("fragile: pack upright").press(.enter)

        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.session.performed, [.editShipment("SH-0001", items: [ShipmentItem(sku: SeedingSample.serum, quantity: 2),
                                                                                    ShipmentItem(sku: SeedingSample.mist, quantity: 1)],
                                                                  note: "fragile: pack upright")])
        XCTAssertEqual(reserved(SeedingSample.serum), 7)
        XCTAssertEqual(reserved(SeedingSample.mist), 1)
        XCTAssertTrue(console.resize(120, 40).frame.lines.contains { $0.contains("SH-0001") && $0.contains("SERUM×2 MIST×1") }, "the items column grows to show the whole parcel\n" + console.dump)

        console.press("z")
        XCTAssertEqual(console.workspace, before)
    }

    func testAShortfallIsNamedInTheFormAndNothingChanges() {
        let before = console.workspace
        console.press("2", "e", .control("u")).type("SKU-SERUM×30").press(.control("s"))
        XCTAssertEqual(console.state.form?.form.fields[0].message,
                       "not enough Glow Serum (SKU-SERUM): 30 needed, 15 available, short by 15")
        XCTAssertEqual(console.workspace, before)
        console.press(.escape, "y")
        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.workspace, before)
    }

    func testAParcelThatLeftCannotBeEdited() {
        console.press("2", "s", .enter).type(SeedingSample.ups(1)).press(.enter, .enter)   // ship it, close the summary
        console.press("f", "f", "f", "e")   // all → queued → packed → shipped
        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "SH-0001 is shipped; only queued or packed parcels can be edited"))
    }
}
