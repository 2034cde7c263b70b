import ChorusCore
@testable import ChorusUI
import XCTest

/// The parcel form takes items however they are typed and shows them back in the one notation.
final class ItemNotationKeyTests: XCTestCase {
    func testTheParcelFormReadsEveryNotationAndWritesOne() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", "e", .control("u")).type("SKU-SERUM x2, 3×SKU-MIST").press(.control("s"))
        XCTAssertNil(console.state.form, console.dump)
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.items, [ShipmentItem(sku: SeedingSample.serum, quantity: 2),
                                                                      ShipmentItem(sku: SeedingSample.mist, quantity: 3)])
        console.press("e", .control("u")).type("SKU-SERUM 4, 2x SKU-MIST").press(.control("s"))
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.items, [ShipmentItem(sku: SeedingSample.serum, quantity: 4),
                                                                      ShipmentItem(sku: SeedingSample.mist, quantity: 2)])
        console.press("e")
        XCTAssertEqual(console.state.form?.form.fields.first?.text, "SKU-SERUM×4, SKU-MIST×2")
    }
}
