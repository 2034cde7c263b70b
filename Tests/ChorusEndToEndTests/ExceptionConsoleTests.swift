import Foundation
import XCTest

/// Seeding staff in the real console at 80×24: a parcel with an address problem is read in
/// full (address, items, history — nothing cut off), fixed and re-shipped with a new number.
final class ExceptionConsoleTests: XCTestCase {
    func testAnAddressProblemIsReadInFullThenResolvedAndReShipped() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: 80, rows: 24, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("sort: stage")
        try console.press("2")
        try console.waitFor("Seeding")
        try console.press("f", "f", "f", "f", "f")
        try console.waitFor(" exception parcels")  // the title; the status line may already show the orders loading
        try console.press("Enter")
        let detail = try console.waitFor("History")
        for text in ["Creator    @jonas.becker", "Address    Hauptstraße 110", "20095 Hamburg", "KS-LIP-010×2 Algae Lip Balm",
                     "Postcode does not match the", "2026-11-15 packed"] {
            XCTAssertTrue(detail.contains(text), "\(text) is on the 80×24 parcel detail\n\(detail)")
        }
        try console.press("Escape")   // alone: Esc and R sent together read as Alt-R
        try console.waitUntil("the detail to close") { !$0.contains("History") }
        try console.press("R")
        try console.waitFor("Resolve SH-0066 for @jonas.becker (address problem)")
        try console.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "C-u")
        try console.type("reship")
        try console.press("Tab", "C-u")
        try console.type("DHL")
        try console.press("Tab")
        try console.type("JD014600009999999901")
        try console.press("C-s")
        try console.waitFor("SH-0066 re-shipped with DHL JD014600009999999901")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        let listed = try ChorusProcess.run(["list", "shipments", "--status", "shipped", "--format", "json", "--workspace", workspace.path])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let parcel = try XCTUnwrap(rows.first { $0["id"] as? String == "SH-0066" })
        XCTAssertEqual(parcel["trackingNumber"] as? String, "JD014600009999999901")
        XCTAssertEqual(parcel["carrier"] as? String, "dhl")
        XCTAssertNil(parcel["previousTrackingNumbers"], "it had not left before its address problem")
    }
}
