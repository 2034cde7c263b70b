import ChorusCore
import ChorusInterchange
import XCTest

/// A brand starting from nothing brings its catalogue in from Shopify: the products export in
/// either template (variants, image rows and all), then the inventory export for stock.
final class ProductsImportTests: XCTestCase {
    private static let context = CommandContext(now: Timestamp("2026-03-12T09:00:00Z")!, actor: "ana")
    private static let empty = Workspace(program: Program(name: "Always-on", brand: "Lumen Skin", currency: .eur, landingURL: "https://lumen.example"))

    /// A file committed under Tests/Fixtures, written in the exact layout Shopify exports.
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return [UInt8](try Data(contentsOf: url))
    }

    private func eur(_ text: String) -> Money { Money.parse(Substring(text), currency: .eur)! }

    private func imported(_ name: String, into workspace: inout Workspace) throws -> (ProductsImport, String) {
        let parsed = try ProductsImport(bytes: try Self.fixture(name), fileName: name, workspace: workspace)
        XCTAssertEqual(parsed.errors, [])
        return (parsed, try workspace.apply(.importProducts(parsed.skus), context: Self.context).summary)
    }

    func testTheOlderTemplateGivesOneSKUPerVariantNamedAsShopifyNamesItAndSkipsImageRows() throws {
        var workspace = Self.empty
        let (parsed, summary) = try imported("shopify-products-older.csv", into: &workspace)
        XCTAssertEqual(parsed.layout, .shopifyProductsOlder)
        XCTAssertEqual(summary, "imported products: 5 new SKUs, stock +210")
        XCTAssertEqual(workspace.skus, [
            SKU(id: "GS-30", name: "Glow Serum - 30 ml", unitCost: eur("8.50"), stockOnHand: 40, category: "Serum", price: eur("32.00")),
            SKU(id: "GS-50", name: "Glow Serum - 50 ml", unitCost: eur("11.20"), stockOnHand: 25, category: "Serum", price: eur("45.00")),
            SKU(id: "NC-01", name: "Night Cream", unitCost: eur("7.40"), stockOnHand: 30, category: "Moisturiser", price: eur("28.00")),
            SKU(id: "LB-ROSE-M", name: "Lip Balm - Rose / Mini", unitCost: eur("2.10"), stockOnHand: 60, category: "Lip Care", price: eur("9.50")),
            SKU(id: "LB-MINT-M", name: "Lip Balm - Mint / Mini", unitCost: eur("2.10"), stockOnHand: 55, category: "Lip Care", price: eur("9.50")),
        ])
    }

    func testTheNewerTemplateUpdatesByCostAndStockAndSaysWhatChanged() throws {
        var workspace = Self.empty
        _ = try imported("shopify-products-older.csv", into: &workspace)
        let (parsed, summary) = try imported("shopify-products-newer.csv", into: &workspace)
        XCTAssertEqual(parsed.layout, .shopifyProductsNewer)
        // GS-30: cost 8.50 → 8.90, stock 40 → 52 (+12); GS-50 unchanged; TM-100 new with 80.
        XCTAssertEqual(summary, "imported products: 1 new SKU, 1 cost change, stock +92")
        XCTAssertEqual(workspace.sku("GS-30")?.unitCost, eur("8.90"))
        XCTAssertEqual(workspace.sku("GS-30")?.category, "Serum", "the Type wins over the product category, so moving template changes nothing")
        XCTAssertEqual(workspace.sku("TM-100"), SKU(id: "TM-100", name: "Toning Mist", unitCost: eur("4.60"), stockOnHand: 80, category: "Toner",
                                                    price: eur("19.00")))
        XCTAssertEqual(workspace.skus.count, 6)
    }

    func testTheInventoryExportSetsStockToWhatIsAvailableOverAllLocations() throws {
        var workspace = Self.empty
        _ = try imported("shopify-products-older.csv", into: &workspace)
        let (parsed, summary) = try imported("shopify-inventory.csv", into: &workspace)
        XCTAssertEqual(parsed.layout, .shopifyInventory)
        XCTAssertEqual(parsed.stockColumn, "Available")
        XCTAssertEqual(parsed.locations, ["Berlin Warehouse", "Shop Kreuzberg"])
        // GS-30 34 + 6 = 40 (was 40), GS-50 20 + "not stocked" = 20 (was 25), NC-01 28 + 3 = 31 (was 30).
        XCTAssertEqual(summary, "imported products: stock -4")
        XCTAssertEqual(workspace.skus.map(\.stockOnHand), [40, 20, 31, 60, 55])
        XCTAssertEqual(workspace.sku("GS-30")?.unitCost, eur("8.50"), "an inventory export changes stock only")
    }

    func testAProductWithoutVariantsAndAProductCategoryOnlyInTheNewerTemplate() throws {
        let csv = """
            Title,URL handle,Product category,Type,SKU,Price,Cost per item,Inventory quantity,Status
            Face Mist,face-mist,Health & Beauty > Personal Care > Cosmetics > Skin Care > Toners,,FM-1,19.00,,12,Active
            """
        let parsed = try ProductsImport(bytes: Array(csv.utf8), fileName: "products.csv", workspace: Self.empty)
        XCTAssertEqual(parsed.skus, [SKU(id: "FM-1", name: "Face Mist", unitCost: .zero(.eur), stockOnHand: 12, category: "Toners", price: eur("19.00"))])
        XCTAssertEqual(parsed.withoutCost, ["FM-1"], "the importer says which new SKUs have no cost per item")
    }

    func testEmptyCellsKeepWhatTheWorkspaceHas() throws {
        var workspace = Self.empty
        _ = try imported("shopify-products-older.csv", into: &workspace)
        let csv = """
            Title,URL handle,SKU,Price,Cost per item,Inventory quantity
            Night Cream,night-cream,NC-01,29.00,,
            """
        let parsed = try ProductsImport(bytes: Array(csv.utf8), fileName: "products.csv", workspace: workspace)
        XCTAssertEqual(try workspace.apply(.importProducts(parsed.skus), context: Self.context).summary, "imported products: 1 price change")
        XCTAssertEqual(workspace.sku("NC-01")?.unitCost, eur("7.40"))
        XCTAssertEqual(workspace.sku("NC-01")?.stockOnHand, 30)
    }

    func testEveryBadRowIsNamedByLineAndColumnAndNoneIsKept() throws {
        let csv = """
            Handle,Title,Type,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Cost per item,Status
            glow-serum,Glow Serum,Serum,Size,30 ml,GS-30,40,32.00,8.50,active
            glow-serum,,,,50 ml,,25,45.00,11.20,
            night-cream,Night Cream,Cream,Title,Default Title,NC-01,thirty,28.00,7,40,active
            lip-balm,Lip Balm,Lip Care,Title,Default Title,LB-1,10,9.50,two euros,active
            lip-balm,,,,,GS-30,5,9.50,2.10,
            """
        let parsed = try ProductsImport(bytes: Array(csv.utf8), fileName: "products_export.csv", workspace: Self.empty)
        XCTAssertEqual(parsed.errors.map(\.description), [
            "products_export.csv, line 3, column 6 (Variant SKU): no SKU for Glow Serum; give every variant a SKU in Shopify and export again",
            "products_export.csv, line 4, column 7 (Variant Inventory Qty): 'thirty' is not a stock count; write a whole number of units, 0 or more",
            "products_export.csv, line 5, column 9 (Cost per item): 'two euros' is not a cost per item in EUR; write an amount like 4.20",
            "products_export.csv, line 6, column 6 (Variant SKU): SKU GS-30 is already on line 2; keep one row per SKU",
        ])
        XCTAssertEqual(parsed.skus.map(\.id), ["GS-30"], "only the good row is offered, for --skip-invalid")
    }

    func testAnInventoryRowForAnUnknownSKUOrANegativeCount() throws {
        var workspace = Self.empty
        _ = try imported("shopify-products-older.csv", into: &workspace)
        let csv = """
            Handle,Title,Option1 Name,Option1 Value,SKU,Location,Available,On hand
            mystery,Mystery,Title,Default Title,XX-9,Berlin Warehouse,4,4
            glow-serum,Glow Serum,Size,30 ml,GS-30,Berlin Warehouse,-2,0
            """
        let parsed = try ProductsImport(bytes: Array(csv.utf8), fileName: "inventory_export.csv", workspace: workspace)
        XCTAssertEqual(parsed.errors.map(\.description), [
            "inventory_export.csv, line 2, column 5 (SKU): SKU XX-9 is not in this workspace; import Shopify's products export first",
            "inventory_export.csv, line 3, column 7 (Available): '-2' is not a stock count; write a whole number of units, 0 or more",
        ])
    }

    func testAFileOfAnotherKindIsNamedWithTheColumnsItLacks() {
        let csv = "Name,Email,Total\n#1001,a@example.com,10.00\n"
        XCTAssertThrowsError(try ProductsImport(bytes: Array(csv.utf8), fileName: "orders_export.csv", workspace: Self.empty)) { error in
            XCTAssertEqual(String(describing: error),
                           "orders_export.csv is not a Shopify products export (older template: Handle, Title, Variant SKU, …; newer: Title, "
                           + "URL handle, SKU, …) or inventory export (SKU, Location, Available, …): missing columns 'Handle', 'Title', 'Variant SKU'")
        }
        let half = "Handle,Title,Vendor\nglow-serum,Glow Serum,Lumen\n"
        XCTAssertThrowsError(try ProductsImport(bytes: Array(half.utf8), fileName: "products.csv", workspace: Self.empty)) { error in
            XCTAssertEqual(String(describing: error), "products.csv is not a Shopify products export (older template): missing column 'Variant SKU'")
        }
    }

    func testImportedCategoriesAreTheCategoriesACreatorBought() throws {
        var workspace = Self.empty
        _ = try imported("shopify-products-older.csv", into: &workspace)
        _ = try workspace.apply(.addCreators([Creator(id: "CR-0001", handle: "lena.hikes", name: "Lena Hofer", email: "lena@example.com")]),
                                context: Self.context)
        _ = try workspace.apply(.importOrders([Order(id: "#1001", email: "Lena@example.com", financialStatus: "paid",
                                                     createdAt: Timestamp("2026-03-01T10:00:00Z")!, subtotal: eur("41.50"), refunded: .zero(.eur),
                                                     lines: [OrderLine(sku: "GS-30", name: "Glow Serum - 30 ml", quantity: 1, price: eur("32.00")),
                                                             OrderLine(sku: "LB-ROSE-M", name: "Lip Balm - Rose / Mini", quantity: 1, price: eur("9.50"))])]),
                                context: Self.context)
        XCTAssertEqual(FitContext.categoriesBought(in: workspace), ["lena@example.com": ["serum", "lip care"]])
        // A wave seeding the serum and the night cream: Lena bought one of its two categories.
        let wave = Wave(id: "W1", name: "Spring Glow", slug: "spring-glow", status: .live, startDate: Day("2026-03-01"), endDate: nil,
                        budget: .zero(.eur), brief: Brief(products: [BriefProduct(sku: "GS-50", quantity: 1), BriefProduct(sku: "NC-01", quantity: 1)]),
                        incentivePlan: IncentivePlan(gifting: true))
        let score = FitScore(workspace.creator("CR-0001")!, context: FitContext(workspace: workspace, waves: [wave], today: Day("2026-03-12")))
        let categories = try XCTUnwrap(score.parts.first { $0.name == "categories" })
        XCTAssertEqual(categories.points, categories.maximum / 2, accuracy: 1e-9)
    }
}
