import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// An order converted from dollars keeps what the store charged and its rate through the
/// journal and a compaction into the snapshot, and the program keeps its rates; orders written
/// before either existed still open.
final class ConvertedOrdersStoreTests: XCTestCase {
    func testTheOriginalAmountsRatesAndPriceSurviveCompactionAndReopen() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        let rate = ExchangeRate(day: Day("2026-03-11")!, currency: .usd, rate: DecimalRate("0.9251")!)
        try store.perform(.importRates([rate]), context: StoreFixtures.context(1))
        let usd = Order(id: "#2002", email: "sam@example.com", financialStatus: "paid", createdAt: StoreFixtures.march12,
                        subtotal: Money(minorUnits: 1_999, currency: .usd), refunded: Money(minorUnits: 500, currency: .usd),
                        lines: [OrderLine(sku: "SKU-SERUM", name: "Serum 30 ml", quantity: 1, price: Money(minorUnits: 1_999, currency: .usd))])
        let converted = try usd.converted(to: .eur, at: ExchangeRateTable(store.workspace.program.exchangeRates)).get()
        try store.perform(.importOrders([converted]), context: StoreFixtures.context(2))
        try store.perform(.importProducts([SKU(id: "SKU-SERUM", name: "Serum 30 ml", unitCost: StoreFixtures.eur(850), stockOnHand: 40,
                                               category: "skincare", price: StoreFixtures.eur(3_200))]), context: StoreFixtures.context(3))
        let expected = store.workspace
        try store.compact()
        store.close()

        let reopened = try WorkspaceStore.open(at: folder)
        defer { reopened.close() }
        XCTAssertEqual(reopened.workspace, expected)
        XCTAssertEqual(reopened.workspace.order("#2002")?.original,
                       ForeignAmounts(subtotal: Money(minorUnits: 1_999, currency: .usd), refunded: Money(minorUnits: 500, currency: .usd), rate: rate))
        XCTAssertEqual(reopened.workspace.order("#2002")?.subtotal, StoreFixtures.eur(1_849))
        XCTAssertEqual(reopened.workspace.program.exchangeRates, [rate])
        XCTAssertEqual(reopened.workspace.sku("SKU-SERUM")?.price, StoreFixtures.eur(3_200))
    }
}
