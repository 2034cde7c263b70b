import ChorusCore
@testable import ChorusUI
import XCTest

/// A delivery arrives or a box is found damaged: the coordinator corrects stock from the `:`
/// palette in whatever pane is open, with the reason kept in the journal, and can undo it.
final class StockPaletteTests: XCTestCase {
    func testAStockCorrectionWithAReasonFromAnyPaneIsOneUndoableChange() {
        let console = ConsoleDriver(SeedingSample.workspace())
        XCTAssertEqual(console.workspace.sku(SeedingSample.serum)?.stockOnHand, 20)
        console.press("2", ":").type("stock sku-serum +24 delivery from the supplier").press(.enter)

        XCTAssertEqual(console.state.message, StatusMessage(.success, "stock of Glow Serum (SKU-SERUM) +24, now 44 on hand: delivery from the supplier"))
        XCTAssertEqual(console.session.performed, [.adjustStock(sku: SeedingSample.serum, delta: 24, reason: "delivery from the supplier")])

        console.press("6", ":").type("stock SKU-MIST -2 crushed in transit").press(.enter)
        XCTAssertEqual(console.workspace.sku(SeedingSample.mist)?.stockOnHand, 38)

        console.press("z")
        XCTAssertEqual(console.workspace.sku(SeedingSample.mist)?.stockOnHand, 40)
        XCTAssertEqual(console.state.message, StatusMessage(.success, "undone: stock of Face Mist (SKU-MIST) -2, now 38 on hand: crushed in transit"))
    }

    func testAMissingReasonAnUnknownSKUOrAReservationSayWhatToDoAndChangeNothing() {
        let console = ConsoleDriver(SeedingSample.workspace())
        let cases = [
            ("stock SKU-SERUM +5", StatusMessage(.warning, "a reason is required; \(StockUpdate.usage)")),
            ("stock SKU-NOPE +5 recount", StatusMessage(.warning, "no SKU SKU-NOPE; `chorus list products` shows them")),
            ("stock SKU-SERUM five recount", StatusMessage(.warning, "'five' is not a change in units; \(StockUpdate.usage)")),
            ("stock SKU-SERUM -15 recount", StatusMessage(.error, "SKU SKU-SERUM would have 5 on hand but 6 are reserved for queued shipments")),
        ]
        for (line, message) in cases {
            console.press(":").type(line).press(.enter)
            XCTAssertEqual(console.state.message, message, line)
        }
        XCTAssertEqual(console.workspace.sku(SeedingSample.serum)?.stockOnHand, 20)
        XCTAssertTrue(console.session.performed.isEmpty)
    }

    func testThePaletteOffersStockAndTheHelpNamesIt() {
        let console = ConsoleDriver(size: Size(width: 120, height: 70))
        console.press(":").type("sto").press(.tab)
        XCTAssertEqual(console.state.prompt?.text, "stock ")
        console.press(.escape, "?")
        XCTAssertNotNil(console.frame.row(containing: ":stock"), console.dump)
    }
}
