import ChorusCore
@testable import ChorusUI
import XCTest

/// Seeding staff at the shipping table: pack, ship with a scanner, deliver, flag problems,
/// all from the Seeding pane (2), and seed creators from the Pipeline in one step.
final class SeedingKeyTests: XCTestCase {
    private func status(_ console: ConsoleDriver, _ id: ShipmentID) -> ShipmentStatus? { console.workspace.shipment(id)?.status }

    func testAScannerShipsFiveMarkedParcelsAndARefusedLabelScannedAgainShipsTheSameParcel() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", " ", " ", " ", " ", " ", "s")
        XCTAssertEqual(console.state.prompt, Prompt(.seeding(.carrier(["SH-0001", "SH-0002", "SH-0003", "SH-0004", "SH-0005"])), text: "UPS"),
                       "the carrier is asked once, offering the last one used")
        console.press(.enter)
        console.type(SeedingSample.ups(1)).press(.enter).type(SeedingSample.ups(2)).press(.enter)

        // The third label is misread (one digit short); the scanner beeps and the label is scanned again.
        XCTAssertTrue(console.dump.contains("3/5 SH-0003"), console.dump)
        console.type("1Z999AA1012345000").press(.enter)
        XCTAssertEqual(console.state.message?.kind, .error)
        XCTAssertTrue(console.dump.contains("does not look like a UPS tracking number"), console.dump)
        XCTAssertTrue(console.dump.contains("3/5 SH-0003"), "the refused parcel stays current\n\(console.dump)")
        console.type(SeedingSample.ups(3)).press(.enter)
        XCTAssertEqual(console.workspace.shipment("SH-0003")?.trackingNumber, SeedingSample.ups(3), "the re-scan ships the same parcel")
        XCTAssertEqual(status(console, "SH-0004"), .queued, "the next creator's parcel is untouched")

        console.type(SeedingSample.ups(4)).press(.enter).type(SeedingSample.ups(5)).press(.enter)
        for number in 1...5 {
            let id = ShipmentID("SH-000\(number)")
            XCTAssertEqual(console.workspace.shipment(id)?.trackingNumber, SeedingSample.ups(number), "\(id)")
        }
        XCTAssertTrue(console.dump.contains("Shipped 5 of 5 with UPS"), console.dump)
        XCTAssertEqual(console.stage(of: "ana.lima"), .seeded, "the pipeline follows the shipment")
        XCTAssertEqual(status(console, "SH-0006"), .queued, "unmarked parcels are not touched")
        console.press(.enter)
        XCTAssertNil(console.state.prompt, "Enter closes the summary")
    }

    func testTheRunEndsSayingHowManyShippedAndWhyEachOtherDidNotUntilDismissed() {
        let console = ConsoleDriver(SeedingSample.workspace(), size: Size(width: 100, height: 30))
        console.press("2", " ", " ", " ", " ", " ", "s", .enter)
        console.type(SeedingSample.ups(1)).press(.enter).type(SeedingSample.ups(2)).press(.enter)
        console.type(SeedingSample.ups(1)).press(.enter)            // a label already used
        XCTAssertTrue(console.dump.contains("tracking number \(SeedingSample.ups(1)) is already used by shipment SH-0001"), console.dump)
        console.press(.tab)                                           // set that box aside
        XCTAssertTrue(console.dump.contains("4/5 SH-0004"), console.dump)
        console.type("hello").press(.enter, .tab)                     // not a UPS number
        console.type(SeedingSample.ups(2)).press(.enter, .tab)        // used again

        XCTAssertEqual(console.state.message, StatusMessage(.warning, "shipped 2 of 5 with UPS · 3 not shipped, listed above"))
        let frame = console.dump
        XCTAssertTrue(frame.contains("Shipped 2 of 5 with UPS"), frame)
        XCTAssertTrue(frame.contains("SH-0003 @"), frame)
        XCTAssertTrue(frame.contains("skipped after: tracking number \(SeedingSample.ups(1)) is already used by"), frame)
        XCTAssertTrue(frame.contains("skipped after: 'hello' does not look like a UPS tracking number"), frame)
        XCTAssertTrue(frame.contains("SH-0005 @"), frame)
        for id: ShipmentID in ["SH-0003", "SH-0004", "SH-0005"] { XCTAssertEqual(status(console, id), .queued, "\(id)") }

        console.press("j", "2", "z")
        XCTAssertNotNil(console.state.prompt, "the summary stays until dismissed, and keys meant for the pane do not reach it")
        XCTAssertEqual(status(console, "SH-0002"), .shipped, "z did not undo behind the summary")
        console.press(.escape)
        XCTAssertNil(console.state.prompt)
    }

    func testANumberThatIsNotTheCarriersIsRefusedAndEscStopsTheRunWithItsSummary() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", " ", " ", "s", .tab, .enter)   // Tab: UPS → USPS
        console.type("1Z999AA10123450001").press(.enter)
        XCTAssertTrue(console.state.message?.text.contains("does not look like a USPS tracking number") == true)
        XCTAssertTrue(console.dump.contains("1/2 SH-0001"), "the run waits on the refused parcel\n\(console.dump)")
        console.press(.escape)
        XCTAssertTrue(console.dump.contains("Shipped 0 of 2 with USPS"), console.dump)
        XCTAssertTrue(console.dump.contains("not scanned: the run was stopped"), console.dump)
        console.press(.escape)
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(status(console, "SH-0001"), .queued)
        XCTAssertEqual(status(console, "SH-0002"), .queued)
        XCTAssertEqual(console.state.seeding.lastCarrier, .usps, "the next run offers USPS first")
    }

    func testEscBeforeAnyScanClosesTheRunAtOnce() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", "s", .enter, .escape)
        XCTAssertNil(console.state.prompt)
    }

    func testShippingAParcelThatAlreadyLeftIsRefusedBeforeAnyNumberIsAsked() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", "s", .enter).type(SeedingSample.ups(1)).press(.enter, .enter)
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

        console.press("f", "f", "g", "s", .enter).type(SeedingSample.ups(1)).press(.enter, .enter)   // the packed parcel, then close the summary
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

    func testSeedingTwiceIsRefusedNamingTheOpenParcel() {
        let console = ConsoleDriver(SeedingSample.workspace(queued: 0))
        console.press("S")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "queued 1 shipment"))
        console.press("S")
        XCTAssertEqual(console.state.message, StatusMessage(.warning,
            "@cleo.glow already has SH-0001 queued · :seed extra sends another"))
        XCTAssertEqual(console.workspace.shipments.count, 1, "S pressed twice sends one box")
    }

    func testSeedingMarkedCreatorsRefusesTheWholeBatchWhenOneHasAParcelWaiting() {
        let console = ConsoleDriver(SeedingSample.workspace(queued: 1))   // @ana.lima has SH-0001
        console.type("/ana").press(.enter, " ").type("/").press(.control("u")).type("ben").press(.enter, " ", "S")
        XCTAssertEqual(console.state.message?.text,
                       "@ana.lima already has SH-0001 queued · :seed extra sends another")
        XCTAssertEqual(console.workspace.shipments.count, 1, "never half-applied: @ben is not seeded either")
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
