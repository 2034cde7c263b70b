import Foundation
import XCTest

/// A brand's catalogue from an empty workspace: `chorus init`, Shopify's products export (older
/// template, then the newer one), its inventory export, `chorus stock` for what arrives
/// between exports, and `chorus list products` to check it, as a new user runs them.
final class ImportProductsCommandTests: XCTestCase {
    var workspace: URL!
    var folder: URL!

    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        folder = try ChorusProcess.temporaryFolder("chorus-e2e-products")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try ChorusProcess.run(["init", workspace.path, "--brand", "Lumen Skin"])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: folder)
    }

    private func chorus(_ arguments: String...) throws -> ChorusProcess.Result {
        try ChorusProcess.run(arguments + ["--workspace", workspace.path])
    }

    func testTheCatalogueComesFromShopifysExportsAndStockIsCorrectedWithAReason() throws {
        let older = try chorus("import", "products", Self.fixture("shopify-products-older.csv").path)
        XCTAssertEqual(older.status, 0, older.stderr)
        XCTAssertEqual(older.stdout, "imported products: 5 new SKUs, stock +210\n")

        let newer = try chorus("import", "products", Self.fixture("shopify-products-newer.csv").path)
        XCTAssertEqual(newer.stdout, "imported products: 1 new SKU, 1 cost change, stock +92\n", newer.stderr)

        let inventory = try chorus("import", "products", Self.fixture("shopify-inventory.csv").path)
        XCTAssertEqual(inventory.stdout, """
            imported products: stock -16
            stock is Shopify's 'Available' summed over 2 locations (Berlin Warehouse, Shop Kreuzberg)

            """, inventory.stderr)

        let arrived = try chorus("stock", "GS-30", "+20", "--reason", "delivery from the supplier")
        XCTAssertEqual(arrived.stdout, "added 20 of Glow Serum - 30 ml: 60 on hand, 60 available\n", arrived.stderr)
        let damaged = try chorus("stock", "GS-30", "-3", "--reason", "damaged in the warehouse")
        XCTAssertEqual(damaged.stdout, "removed 3 of Glow Serum - 30 ml: 57 on hand, 57 available\n", damaged.stderr)
        let journal = try String(contentsOf: workspace.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertTrue(journal.contains("damaged in the warehouse"), "the reason is kept with the change")

        let listed = try chorus("list", "products", "--format", "json")
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["sku"] as? String }, ["GS-30", "GS-50", "NC-01", "LB-ROSE-M", "LB-MINT-M", "TM-100"])
        let serum = rows[0]
        XCTAssertEqual(serum["name"] as? String, "Glow Serum - 30 ml")
        XCTAssertEqual(serum["stock"] as? Int, 57)
        XCTAssertEqual(serum["unitCost"] as? Int, 890, "8.90 from the newer export, in cents")
        XCTAssertEqual(serum["price"] as? Int, 3200)

        let table = try chorus("list", "products")
        XCTAssertTrue(table.stdout.contains("TM-100     Toning Mist             Toner        80     0         80         4.60       19.00"), table.stdout)
    }

    func testABrokenExportIsRefusedWholeNamingLineAndColumnUntilSkipped() throws {
        var text = try String(contentsOf: Self.fixture("shopify-products-older.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: ",11.20,", with: ",\"11,20 €\",")
        let broken = folder.appendingPathComponent("products_export_1.csv")
        try Data(text.utf8).write(to: broken)
        let before = try folderContents(workspace)

        let refused = try chorus("import", "products", broken.path)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertEqual(refused.stderr, """
            chorus: products_export_1.csv, line 3, column 47 (Cost per item): '11,20 €' is not a cost per item in EUR; write an amount like 4.20
            chorus: 1 invalid row; nothing was applied (--skip-invalid applies the valid ones)

            """)
        XCTAssertEqual(try folderContents(workspace), before, "nothing half-applied")

        let skipped = try chorus("import", "products", broken.path, "--skip-invalid")
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        XCTAssertEqual(skipped.stdout, "imported products: 4 new SKUs, stock +185; skipped 1 invalid row (listed above)\n")
    }
}
