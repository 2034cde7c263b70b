import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// Labels bought in ShipStation: `chorus export shipments --format shipstation` gives it the
/// parcels, ShipStation's shipments export comes back through `chorus import tracking` as it
/// is, and `chorus export ledger` shows each label's cost as the shipping cost.
final class ShipStationCommandLineTests: XCTestCase {
    var workspace: URL!
    var folder: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        folder = try ChorusProcess.temporaryFolder("chorus-e2e-shipstation")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try ChorusProcess.run(["init", workspace.path, "--brand", "Lumen Skin"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let products = try ChorusProcess.run(["import", "products", ImportProductsCommandTests.fixture("shopify-products-older.csv").path,
                                              "--workspace", workspace.path])
        XCTAssertEqual(products.status, 0, products.stderr)
        // Creators, the wave and its parcels, as the console would have made them.
        let store = try WorkspaceStore.open(at: workspace, mode: .readWrite)
        defer { store.close() }
        let context = CommandContext(now: Timestamp("2026-11-20T09:00:00Z")!, actor: "ana")
        try store.perform(.createWave(Wave(id: "W1", name: "Winter Glow", slug: "winter-glow", status: .live, startDate: Day("2026-11-15"),
                                           endDate: nil, budget: Money(minorUnits: 100_000, currency: .eur), brief: Brief(),
                                           incentivePlan: IncentivePlan(gifting: true))), context: context)
        try store.perform(.addCreators([
            Creator(id: "CR-0001", handle: "lena.hikes", name: "Lena Hofer", email: "lena@example.com",
                    address: PostalAddress(line1: "Hauptstr. 1", city: "Berlin", postalCode: "10115", country: "DE")),
            Creator(id: "CR-0002", handle: "tom.berg", name: "Tom Berg", email: "tom@example.com",
                    address: PostalAddress(line1: "Keizersgracht 12", city: "Amsterdam", postalCode: "1015 CS", country: "NL")),
            Creator(id: "CR-0003", handle: "mila.glow", name: "Mila Novak", email: "mila@example.com",
                    address: PostalAddress(line1: "Ilica 5", city: "Zagreb", postalCode: "10000", country: "HR")),
        ]), context: context)
        try store.perform(.enroll(creators: ["CR-0001", "CR-0002", "CR-0003"], wave: "W1", stage: .onboarding), context: context)
        try store.perform(.queueShipments([
            ShipmentRequest(creatorID: "CR-0001", waveID: "W1", items: [ShipmentItem(sku: "GS-30", quantity: 1), ShipmentItem(sku: "LB-ROSE-M", quantity: 2)]),
            ShipmentRequest(creatorID: "CR-0002", waveID: "W1", items: [ShipmentItem(sku: "GS-30", quantity: 1)]),
            ShipmentRequest(creatorID: "CR-0003", waveID: "W1", items: [ShipmentItem(sku: "NC-01", quantity: 1)]),
        ]), context: context)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: folder)
    }

    private func chorus(_ arguments: String...) throws -> ChorusProcess.Result {
        try ChorusProcess.run(arguments + ["--workspace", workspace.path])
    }

    func testTheLabelToolsFilesGoOutAndComeBackWithTheirCosts() throws {
        let orders = try chorus("export", "shipments", "--format", "shipstation")
        XCTAssertEqual(orders.status, 0, orders.stderr)
        let lines = orders.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 5, "a header and one row per item: SH-0001 has two")
        XCTAssertEqual(lines[2], "SH-0001,2026-11-20,Lena Hofer,lena@example.com,,Hauptstr. 1,,Berlin,,10115,DE,LB-ROSE-M,Lip Balm - Rose / Mini,2")

        let imported = try chorus("import", "tracking", ImportProductsCommandTests.fixture("shipstation-shipments.csv").path)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, "shipped 3 shipments, shipping 29.40 EUR for all\n")

        let ledger = try chorus("export", "ledger", "--format", "json")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ledger.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
        // By hand, from the file: 12.40, 7.85 and 9.15, and the total 29.40 (JSON keeps it apart, in "total").
        XCTAssertEqual(rows.map { $0["shipping_cost"] as? String }, ["12.40", "7.85", "9.15"], ledger.stdout)
        let total = try XCTUnwrap(json["total"] as? [String: Any], ledger.stdout)
        XCTAssertEqual(total["shipping_cost"] as? String, "29.40", ledger.stdout)
    }

    private func shipments() throws -> [String: [String: Any]] {
        let listed = try chorus("list", "shipments", "--format", "json")
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
    }

    func testTheShipDateIsWhenTheParcelLeft() throws {
        let imported = try ChorusProcess.run(["import", "tracking", ImportProductsCommandTests.fixture("shipstation-shipments.csv").path,
                                              "--workspace", workspace.path], environment: ["CHORUS_NOW": "2026-12-05T09:00:00Z"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let parcels = try shipments()
        XCTAssertEqual(parcels["SH-0001"]?["shippedAt"] as? String, "2026-12-03T00:00:00Z", "Ship Date 12/03/2026")
        XCTAssertEqual(parcels["SH-0003"]?["shippedAt"] as? String, "2026-12-04T00:00:00Z")
        XCTAssertEqual(parcels["SH-0002"]?["shippingCost"] as? String, "7.85")
    }

    /// A ship date after today (a clock or a file gone wrong) is today, never the future.
    func testAShipDateAfterTodayIsToday() throws {
        XCTAssertEqual(try chorus("import", "tracking", ImportProductsCommandTests.fixture("shipstation-shipments.csv").path).status, 0)
        XCTAssertEqual(try shipments()["SH-0001"]?["shippedAt"] as? String, ChorusProcess.pinnedNow, "12/03/2026 is after 2026-11-21")
    }

    /// Parcels scanned out at the packing table first; ShipStation's export, with the costs,
    /// comes later and adds them to the parcels shipped under the same numbers.
    func testShipStationsFileAfterTheParcelsShippedAddsTheirCosts() throws {
        let scanned = folder.appendingPathComponent("scanned.csv")
        try Data(("shipment_id,carrier,tracking_number\nSH-0001,DHL,JD014600006281234567\nSH-0002,UPS,1Z999AA10123456784\n"
                  + "SH-0003,DHL,JD014600006281234568\n").utf8).write(to: scanned)
        XCTAssertEqual(try chorus("import", "tracking", scanned.path).stdout, "shipped 3 shipments\n")
        XCTAssertNil(try shipments()["SH-0001"]?["shippingCost"] as? String)

        var text = try String(contentsOf: ImportProductsCommandTests.fixture("shipstation-shipments.csv"), encoding: .utf8)
        let costs = try chorus("import", "tracking", ImportProductsCommandTests.fixture("shipstation-shipments.csv").path)
        XCTAssertEqual(costs.status, 0, costs.stderr)
        XCTAssertEqual(costs.stdout, "3 shipments already shipped, shipping 29.40 EUR for all\n")
        let parcels = try shipments()
        XCTAssertEqual(["SH-0001", "SH-0002", "SH-0003"].map { parcels[$0]?["shippingCost"] as? String }, ["12.40", "7.85", "9.15"])
        XCTAssertEqual(parcels["SH-0001"]?["shippedAt"] as? String, "2026-11-21T10:00:00Z", "a cost changes nothing else")

        // Under another tracking number it would be a second shipment of the same parcel: refused.
        text = text.replacingOccurrences(of: "JD014600006281234568", with: "JD014600006281239999")
        let other = folder.appendingPathComponent("shipments-again.csv")
        try Data(text.utf8).write(to: other)
        let before = try folderContents(workspace)
        let refused = try chorus("import", "tracking", other.path)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("shipments-again.csv, line 4, column 1 (Order #): shipment SH-0003 is shipped with JD014600006281234568; "
                                              + "only queued or packed parcels can ship; a row with that tracking number and a shipping cost adds the cost"),
                      refused.stderr)
        XCTAssertEqual(try folderContents(workspace), before)
    }

    func testACostColumnUnderAnotherNameIsNamedNotDropped() throws {
        let file = folder.appendingPathComponent("labels.csv")
        try Data("shipment_id,carrier,tracking_number,postage\nSH-0002,UPS,1Z999AA10123456784,6.90\n".utf8).write(to: file)
        let imported = try chorus("import", "tracking", file.path)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stderr, "chorus: not read from labels.csv: 'postage' (a parcel's shipping cost goes in shipping_cost)\n")
    }

    func testABrokenShipStationFileChangesNothing() throws {
        var text = try String(contentsOf: ImportProductsCommandTests.fixture("shipstation-shipments.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "€7.85", with: "7.85 USD")
        let file = folder.appendingPathComponent("shipments-2026-12-04.csv")
        try Data(text.utf8).write(to: file)
        let before = try folderContents(workspace)
        let refused = try chorus("import", "tracking", file.path)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("shipments-2026-12-04.csv, line 3, column 7 (Shipping Cost): '7.85 USD' is in USD and there is no USD rate on or before 2026-12-03"),
                      refused.stderr)
        XCTAssertEqual(try folderContents(workspace), before)
    }
}
