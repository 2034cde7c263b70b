import ChorusCore
@testable import ChorusUI
import XCTest

/// Seeding staff at the shipping table: pack, ship with a scanner, deliver, flag problems,
/// all from the Seeding pane (2), and seed creators from the Pipeline in one step.
final class SeedingKeyTests: XCTestCase {
    private func status(_ console: ConsoleDriver, _ id: ShipmentID) -> ShipmentStatus? { console.workspace.shipment(id)?.status }

    func testAScannerShipsFiveMarkedParcelsAndARefusedDuplicateDoesNotStopTheRun() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", " ", " ", " ", " ", " ", "s")
        XCTAssertEqual(console.state.prompt, Prompt(.seeding(.carrier(["SH-0001", "SH-0002", "SH-0003", "SH-0004", "SH-0005"])), text: "UPS"),
                       "the carrier is asked once, offering the last one used")
        console.press(.enter)

        // The scanner types each number and Enter; the third label is the first one scanned again.
        let scans = [SeedingSample.ups(1), SeedingSample.ups(2), SeedingSample.ups(1), SeedingSample.ups(4), SeedingSample.ups(5)]
        for (index, scan) in scans.enumerated() {
            XCTAssertTrue(console.frame.lines.contains { $0.contains("\(index + 1)/5 SH-000\(index + 1)") }, console.dump)
            console.type(scan).press(.enter)
            if index == 2 {
                XCTAssertEqual(console.state.message?.kind, .error)
                XCTAssertTrue(console.dump.contains("already used by shipment SH-0001"), console.dump)
                XCTAssertTrue(console.dump.contains("✗ SH-0003"), "the refused parcel is shown as not shipped\n\(console.dump)")
            }
        }
        XCTAssertNil(console.state.prompt, "the run ends after the last parcel")
        XCTAssertEqual(status(console, "SH-0003"), .queued, "the refused parcel stays as it was")
        for (id, number) in [("SH-0001", 1), ("SH-0002", 2), ("SH-0004", 4), ("SH-0005", 5)] {
            XCTAssertEqual(console.workspace.shipment(ShipmentID(id))?.trackingNumber, SeedingSample.ups(number), id)
            XCTAssertEqual(status(console, ShipmentID(id)), .shipped, id)
        }
        XCTAssertEqual(console.stage(of: "ana.lima"), .seeded, "the pipeline follows the shipment")
        XCTAssertEqual(status(console, "SH-0006"), .queued, "unmarked parcels are not touched")
    }

    func testANumberThatIsNotTheCarriersIsRefusedAndEscStopsTheRun() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", " ", " ", "s", .tab, .enter)   // Tab: UPS → USPS
        console.type("1Z999AA10123450001").press(.enter)
        XCTAssertTrue(console.state.message?.text.contains("does not look like a USPS tracking number") == true)
        XCTAssertNotNil(console.state.prompt, "the run goes on to the second parcel")
        console.press(.escape)
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(status(console, "SH-0001"), .queued)
        XCTAssertEqual(status(console, "SH-0002"), .queued)
        XCTAssertEqual(console.state.seeding.lastCarrier, .usps, "the next run offers USPS first")
    }

    func testShippingAParcelThatAlreadyLeftIsRefusedBeforeAnyNumberIsAsked() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", "s", .enter).type(SeedingSample.ups(1)).press(.enter)
        console.press("f", "f", "f", "s")   // all → queued → packed → shipped
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "SH-0001 is shipped; only queued or packed parcels ship"))
    }

    func testEveryTransitionFromTheKeyboardWithStockKeptHonest() {
        let console = ConsoleDriver(SeedingSample.workspace())
        XCTAssertEqual(console.workspace.sku(SeedingSample.serum)?.reserved, 6)
        console.press("2", " ", " ", "p")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "packed 2 shipments"))
        XCTAssertEqual(status(console, "SH-0001"), .packed)

        console.press("g", "x", "y")   // rows are in status order: queued SH-0003 is now first
        XCTAssertEqual(status(console, "SH-0003"), .cancelled)
        XCTAssertEqual(console.workspace.sku(SeedingSample.serum)?.reserved, 5, "cancelling releases the reservation")

        console.press("g", "!")
        XCTAssertEqual(console.state.prompt?.purpose, .seeding(.exception(["SH-0004"], kind: .addressProblem)))
        console.press(.enter)
        XCTAssertEqual(console.state.message?.text, "a note is required: what went wrong?")
        console.type("no house number").press(.enter)
        XCTAssertEqual(console.workspace.shipment("SH-0004")?.exception?.note, "no house number")
        XCTAssertEqual(console.workspace.sku(SeedingSample.serum)?.reserved, 4)

        console.press("f", "f", "g", "s", .enter).type(SeedingSample.ups(1)).press(.enter)   // the packed parcels
        XCTAssertEqual(status(console, "SH-0001"), .shipped)
        XCTAssertEqual(console.workspace.sku(SeedingSample.serum)?.stockOnHand, 19, "shipping consumes stock")
        console.press("f", "g", "d")   // shipped
        XCTAssertEqual(status(console, "SH-0001"), .delivered)
        console.press("f", "d")   // delivered
        XCTAssertEqual(console.state.message?.kind, .error, "a delivered parcel cannot be delivered again")
        console.press("z")
        XCTAssertEqual(status(console, "SH-0001"), .shipped, "z undoes the delivery")
    }

    func testEscCancelsAnExceptionWithoutChangingAnything() {
        let console = ConsoleDriver(SeedingSample.workspace())
        let before = console.workspace
        console.press("2", "!", .tab, .tab).type("gone")
        XCTAssertEqual(console.state.prompt?.purpose, .seeding(.exception(["SH-0001"], kind: .lost)))
        console.press(.escape)
        XCTAssertNil(console.state.prompt)
        XCTAssertTrue(console.workspace == before)
    }

    func testMarkedCreatorsAreSeededWithTheWavesProductsInOneStep() {
        let console = ConsoleDriver(SeedingSample.workspace(queued: 0))
        console.type("/ana").press(.enter, " ").type("/").press(.control("u")).type("ben").press(.enter, " ", "S")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "queued 2 shipments"))
        let parcels = console.workspace.shipments
        XCTAssertEqual(parcels.map(\.items), Array(repeating: [ShipmentItem(sku: SeedingSample.serum, quantity: 1),
                                                               ShipmentItem(sku: SeedingSample.mist, quantity: 2)], count: 2))
        XCTAssertEqual(console.workspace.sku(SeedingSample.mist)?.reserved, 4)
        console.press("2")
        XCTAssertTrue(console.dump.contains("queued 2"), console.dump)
    }

    func testSeedingMoreThanIsInStockNamesTheSKUAndTheShortfall() {
        let console = ConsoleDriver(SeedingSample.workspace(queued: 0, serumStock: 1))
        console.press(" ", " ", "S")
        XCTAssertEqual(console.state.message, StatusMessage(.error, "not enough Glow Serum (SKU-SERUM): 2 needed, 1 available, short by 1"))
        XCTAssertTrue(console.workspace.shipments.isEmpty)
    }

    func testCopyingTheWaveStartsTheNextOneInPlanning() {
        let console = ConsoleDriver(SeedingSample.workspace(queued: 0))
        console.press("C", "y")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "created wave Wave 3"))
        XCTAssertEqual(console.workspace.wave("W3")?.brief, console.workspace.wave(Sample.wave1)?.brief)
        XCTAssertEqual(console.workspace.wave("W3")?.status, .planning)
    }
}
