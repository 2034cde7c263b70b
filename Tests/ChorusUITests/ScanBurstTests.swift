import ChorusCore
@testable import ChorusUI
import XCTest

/// A barcode scanner types a label and Enter faster than anyone can. In the tracking prompt
/// that ships a parcel; anywhere else it must never be taken as keys (digits switch panes,
/// `Z` redoes, Enter opens details).
final class ScanBurstTests: XCTestCase {
    func testAScanOutsideThePromptIsDroppedWholeAndSaysWhereScansGo() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", "p", "z")   // pack SH-0001, then undo it: Z would redo
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .queued)
        let before = console.state

        console.scan("1Z999AA10123450001")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "a scan arrived outside the tracking prompt: press s to ship"))
        XCTAssertEqual(console.state.pane, .seeding, "the 1 did not switch to the Pipeline")
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .queued, "the Z did not redo the packing")
        XCTAssertEqual(console.state.redoStack, before.redoStack)
        XCTAssertNil(console.state.overlay, "the Enter did not open a detail")

        // The same characters typed one at a time are keys, as they always were.
        console.type("1Z")
        XCTAssertEqual(console.state.pane, .pipeline)
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .packed)
    }

    func testInTheTrackingPromptAScanShipsTheParcel() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", " ", " ", "s", .enter)
        console.scan(SeedingSample.ups(1)).scan(SeedingSample.ups(2))
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.trackingNumber, SeedingSample.ups(1))
        XCTAssertEqual(console.workspace.shipment("SH-0002")?.trackingNumber, SeedingSample.ups(2))
        XCTAssertTrue(console.dump.contains("Shipped 2 of 2 with UPS"), console.dump)

        console.scan(SeedingSample.ups(3))
        XCTAssertNotNil(console.state.prompt, "a scan does not close the summary: its Enter is not a person's")
        XCTAssertEqual(console.state.message?.text, "a scan arrived outside the tracking prompt: press s to ship")
        XCTAssertTrue(console.dump.contains("│a scan arrived outside the tracking prompt"), "said in the summary's box\n\(console.dump)")
    }

    func testAScanIntoAFilterOrThePaletteIsText() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", "/")
        console.scan("1Z999AA10123450001")
        XCTAssertEqual(console.state.seeding.filter, Filter(text: "1Z999AA10123450001"))
        XCTAssertNil(console.state.message)
    }

    func testShortBurstsAndKeysWithSpacesAreKeys() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.console.press([.character("2"), .character("j"), .enter])
        XCTAssertEqual(console.state.pane, .seeding)
        XCTAssertNotNil(console.state.overlay, "three keys are a person's: Enter opened the parcel's creator")
        XCTAssertEqual(ScanBurst.scanLength(in: "j j j j j j".map { Key.character($0) } + [.enter], from: 0), nil)
        XCTAssertEqual(ScanBurst.scanLength(in: "/SH-00042".map { Key.character($0) } + [.enter], from: 0), nil, "a / starts a filter")
        XCTAssertEqual(ScanBurst.scanLength(in: "1Z999AA1".map { Key.character($0) } + [.enter], from: 0), 9)
    }
}
