import XCTest
@testable import ChorusCore

/// Items are read the ways people type them and written one way everywhere.
final class ItemNotationTests: XCTestCase {
    func testEveryWayOfTypingAQuantityReadsTheSame() {
        for text in ["KS-SER-030×2", "KS-SER-030 × 2", "KS-SER-030*2", "KS-SER-030 x2", "KS-SER-030 X 2", "KS-SER-030 2",
                     "2×KS-SER-030", "2 × KS-SER-030", "2x KS-SER-030", "2 KS-SER-030", "  KS-SER-030×2  "] {
            let item = ItemNotation.read(text)
            XCTAssertEqual(item.sku, "KS-SER-030", text)
            XCTAssertEqual(item.quantity, 2, text)
        }
    }

    func testASKUEndingInDigitsOrAnXIsNotTakenForAQuantity() {
        XCTAssertTrue(ItemNotation.read("KS-SER-030") == ("KS-SER-030", 1))
        XCTAssertTrue(ItemNotation.read("BOX2") == ("BOX2", 1))
        XCTAssertTrue(ItemNotation.read("SKU-MAX") == ("SKU-MAX", 1))
        XCTAssertTrue(ItemNotation.read("SKU-MAX×3") == ("SKU-MAX", 3))
    }

    func testItemsAreWrittenOneWay() {
        XCTAssertEqual(ItemNotation.write([ShipmentItem(sku: "KS-SER-030", quantity: 2), ShipmentItem(sku: "KS-LIP-010", quantity: 1)]),
                       "KS-SER-030×2, KS-LIP-010×1")
        let written = ItemNotation.write(ShipmentItem(sku: "KS-SER-030", quantity: 12))
        XCTAssertTrue(ItemNotation.read(written) == ("KS-SER-030", 12), "what is written reads back")
    }
}
