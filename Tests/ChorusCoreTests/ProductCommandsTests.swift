import XCTest
@testable import ChorusCore

/// Re-importing the store's catalogue updates SKUs in place: Chorus's own reservations stay,
/// stock never drops below what queued parcels hold, and the whole file is one undo.
final class ProductCommandsTests: XCTestCase {
    let serum = ProgramFixture.serum

    func testAnUpdateKeepsWhatQueuedParcelsReserveAndUndoesInOneStep() throws {
        var workspace = ProgramFixture.workspace
        let before = workspace
        XCTAssertEqual(workspace.sku(serum)?.reserved, 1)
        let applied = try workspace.run(.importProducts([
            SKU(id: serum, name: "Glow Serum - 30 ml", unitCost: eur("19.00"), stockOnHand: 14, category: "serums", price: eur("32.00")),
            SKU(id: "SKU-BALM", name: "Lip Balm", unitCost: eur("2.10"), stockOnHand: 20),
        ]))
        XCTAssertEqual(applied.summary, "imported products: 1 new SKU, 1 renamed, 1 cost change, 1 price change, stock +24")
        XCTAssertEqual(workspace.sku(serum)?.reserved, 1, "the file cannot know what Chorus has reserved")
        XCTAssertEqual(workspace.sku(serum)?.available, 13)
        try workspace.run(applied.undo)
        XCTAssertTrue(workspace == before)
    }

    func testStockBelowWhatIsReservedIsRefused() {
        assertRefused(.importProducts([SKU(id: serum, name: "Glow Serum", unitCost: eur("18.50"), stockOnHand: 0)]),
                      on: ProgramFixture.workspace, saying: "SKU SKU-SERUM would have 0 on hand but 1 are reserved")
        assertRefused(.importProducts([SKU(id: "SKU-X", name: "X", unitCost: Money(minorUnits: 100, currency: .usd), stockOnHand: 1)]),
                      on: ProgramFixture.workspace, saying: "SKU SKU-X is priced in USD; the program uses EUR")
    }

    func testAReimportOfTheSameFileChangesNothing() throws {
        var workspace = ProgramFixture.workspace
        XCTAssertEqual(try workspace.run(.importProducts([workspace.sku(serum)!])).summary, "imported products: nothing changed")
    }

    /// SKUs were journaled before they had a price; those entries must still replay.
    func testASKUWrittenBeforePricesExistedStillDecodes() throws {
        let old = #"{"addSKUs":{"_0":[{"id":"SKU-OLD","name":"Old","unitCost":{"minorUnits":250,"currency":"EUR"},"stockOnHand":3,"reserved":0}]}}"#
        let command = try JSONDecoder().decode(Command.self, from: Data(old.utf8))
        XCTAssertEqual(command, .addSKUs([SKU(id: "SKU-OLD", name: "Old", unitCost: eur("2.50"), stockOnHand: 3)]))
    }
}
