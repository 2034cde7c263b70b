import ChorusCore
import ChorusInterchange
import XCTest

/// Parcels go to ShipStation as an order import (one row per item under the parcel id), labels
/// are bought there, and ShipStation's shipments export comes back unchanged: carrier, tracking
/// number and what each label cost, which is then the ledger's shipping cost to the cent.
final class ShipStationRoundTripTests: XCTestCase {
    private let context = CommandContext(now: Timestamp("2026-12-02T09:00:00Z")!, actor: "ana")

    /// Lumen Skin's catalogue from its Shopify export, three creators in one wave, and three
    /// parcels queued: SH-0001 (2 items), SH-0002 and SH-0003.
    private func seededWorkspace() throws -> Workspace {
        var workspace = Workspace(program: Program(name: "Always-on", brand: "Lumen Skin", currency: .eur, landingURL: "https://lumen.example"))
        let products = try ProductsImport(bytes: try ProductsImportTests.fixture("shopify-products-older.csv"), fileName: "products.csv",
                                          workspace: workspace)
        try workspace.apply(.importProducts(products.skus), context: context)
        try workspace.apply(.createWave(Wave(id: "W1", name: "Winter Glow", slug: "winter-glow", status: .live, startDate: Day("2026-12-01"),
                                             endDate: nil, budget: Money(minorUnits: 100_000, currency: .eur),
                                             brief: Brief(products: [BriefProduct(sku: "GS-30", quantity: 1)]),
                                             incentivePlan: IncentivePlan(gifting: true))), context: context)
        try workspace.apply(.addCreators([
            Creator(id: "CR-0001", handle: "lena.hikes", name: "Lena Hofer", email: "lena@example.com", country: "DE",
                    address: PostalAddress(line1: "Hauptstr. 1", line2: "2. OG", city: "Berlin", postalCode: "10115", country: "DE"),
                    phone: "+49 151 2345678"),
            Creator(id: "CR-0002", handle: "tom.berg", name: "Tom Berg", email: "tom@example.com",
                    address: PostalAddress(line1: "Keizersgracht 12", city: "Amsterdam", region: "NH", postalCode: "1015 CS", country: "NL")),
            Creator(id: "CR-0003", handle: "mila.glow", name: "Mila Novak", email: "mila@example.com",
                    address: PostalAddress(line1: "Ilica 5", city: "Zagreb", postalCode: "10000", country: "HR")),
        ]), context: context)
        try workspace.apply(.enroll(creators: ["CR-0001", "CR-0002", "CR-0003"], wave: "W1", stage: .onboarding), context: context)
        try workspace.apply(.queueShipments([
            ShipmentRequest(creatorID: "CR-0001", waveID: "W1", items: [ShipmentItem(sku: "GS-30", quantity: 1), ShipmentItem(sku: "LB-ROSE-M", quantity: 2)]),
            ShipmentRequest(creatorID: "CR-0002", waveID: "W1", items: [ShipmentItem(sku: "GS-30", quantity: 1)]),
            ShipmentRequest(creatorID: "CR-0003", waveID: "W1", items: [ShipmentItem(sku: "NC-01", quantity: 1)]),
        ]), context: context)
        return workspace
    }

    func testTheOrderImportHasOneRowPerItemUnderTheParcelID() throws {
        let workspace = try seededWorkspace()
        let text = String(decoding: ShipStationOrdersCSV.write(workspace.shipments.rows, workspace: workspace), as: UTF8.self)
        XCTAssertEqual(text, """
            Order #,Order Date,Recipient Full Name,Buyer Email,Recipient Phone,Address Line 1,Address Line 2,City,State,Postal Code,Country Code,Item SKU,Item Name,Quantity
            SH-0001,2026-12-02,Lena Hofer,lena@example.com,+49 151 2345678,Hauptstr. 1,2. OG,Berlin,,10115,DE,GS-30,Glow Serum - 30 ml,1
            SH-0001,2026-12-02,Lena Hofer,lena@example.com,+49 151 2345678,Hauptstr. 1,2. OG,Berlin,,10115,DE,LB-ROSE-M,Lip Balm - Rose / Mini,2
            SH-0002,2026-12-02,Tom Berg,tom@example.com,,Keizersgracht 12,,Amsterdam,NH,1015 CS,NL,GS-30,Glow Serum - 30 ml,1
            SH-0003,2026-12-02,Mila Novak,mila@example.com,,Ilica 5,,Zagreb,,10000,HR,NC-01,Night Cream,1

            """)
    }

    func testShipStationsShipmentsExportShipsTheParcelsAndTheLedgerCarriesItsCosts() throws {
        var workspace = try seededWorkspace()
        let file = try TrackingImportCSV(bytes: try ProductsImportTests.fixture("shipstation-shipments.csv"), fileName: "shipments.csv",
                                         workspace: workspace)
        XCTAssertEqual(file.layout, .shipStation)
        XCTAssertEqual(file.errors, [])
        XCTAssertEqual(file.unreadColumns, [])
        XCTAssertEqual(try workspace.apply(.markShipped(file.dispatches), context: context).summary,
                       "shipped 3 shipments, shipping 29.40 EUR for all")
        XCTAssertEqual(workspace.shipment("SH-0001")?.carrier, .dhl)
        XCTAssertEqual(workspace.shipment("SH-0002")?.trackingNumber, "1Z999AA10123456784")

        // By hand: shipping 12.40 + 7.85 + 9.15 = 29.40; product cost at queueing: SH-0001 8.50 + 2 × 2.10 = 12.70,
        // SH-0002 8.50, SH-0003 7.40.
        let ledger = Ledger(workspace, attribution: Attribution.compute(workspace), today: Day("2026-12-05")!)
        XCTAssertEqual(ledger.rows.map(\.costs.shippingCost), [1_240, 785, 915])
        XCTAssertEqual(ledger.rows.map(\.costs.productCost), [1_270, 850, 740])
        XCTAssertEqual(ledger.kpis.costs.shippingCost, 2_940)
        XCTAssertEqual(ledger.kpis.costs.total, 2_940 + 2_860)
    }

    func testACostInAnotherCurrencyWithoutARateOrUnreadableIsNamedAndAnUnknownColumnIsReported() throws {
        let workspace = try seededWorkspace()
        let csv = """
            Order #,Ship Date,Recipient,Carrier,Service,Tracking #,Shipping Cost,Insurance Cost
            SH-0001,12/03/2026,Lena Hofer,DHL Express,DHL Express Worldwide,JD014600006281234567,$12.40,1.00
            SH-0002,12/03/2026,Tom Berg,UPS,UPS® Standard,1Z999AA10123456784,free,0.00
            """
        let file = try TrackingImportCSV(bytes: Array(csv.utf8), fileName: "shipments.csv", workspace: workspace)
        XCTAssertEqual(file.errors.map(\.description), [
            "shipments.csv, line 2, column 7 (Shipping Cost): '$12.40' is in USD and there is no USD rate on or before 2026-12-03; add one with chorus import rates FILE.csv (date, currency, rate)",
            "shipments.csv, line 3, column 7 (Shipping Cost): 'free' is not a shipping cost; write an amount like 7.45",
        ])
        XCTAssertEqual(file.unreadColumns, ["Insurance Cost"])
    }

    func testADollarCostIsConvertedAtTheRateOfItsShipDate() throws {
        var workspace = try seededWorkspace()
        try workspace.apply(.importRates([ExchangeRate(day: Day("2026-12-01")!, currency: .usd, rate: DecimalRate("0.9188")!),
                                          ExchangeRate(day: Day("2026-12-04")!, currency: .usd, rate: DecimalRate("0.95")!)]), context: context)
        let csv = """
            Order #,Ship Date,Recipient,Carrier,Service,Tracking #,Shipping Cost
            SH-0001,12/03/2026,Lena Hofer,DHL Express,DHL Express Worldwide,JD014600006281234567,$12.40
            SH-0002,12/04/2026,Tom Berg,UPS,UPS® Standard,1Z999AA10123456784,7.85 USD
            """
        let file = try TrackingImportCSV(bytes: Array(csv.utf8), fileName: "shipments.csv", workspace: workspace)
        XCTAssertEqual(file.errors, [])
        // By hand: 12.40 × 0.9188 (the rate of 1 Dec, the latest before 3 Dec) = 11.39312 → 11.39; 7.85 × 0.95 = 7.4575 → 7.46.
        XCTAssertEqual(file.dispatches.map(\.shippingCost), [Money(minorUnits: 1_139, currency: .eur), Money(minorUnits: 746, currency: .eur)])
    }

    func testAPickListWithAShippingCostColumnCarriesItToo() throws {
        var workspace = try seededWorkspace()
        let csv = """
            shipment_id,carrier,tracking_number,shipping_cost,postage
            SH-0002,UPS,1Z999AA10123456784,6.90,
            """
        let file = try TrackingImportCSV(bytes: Array(csv.utf8), fileName: "picklist.csv", workspace: workspace)
        XCTAssertEqual(file.unreadColumns, ["postage"])
        try workspace.apply(.markShipped(file.dispatches), context: context)
        XCTAssertEqual(workspace.shipment("SH-0002")?.shippingCost, Money(minorUnits: 690, currency: .eur))
    }
}
