import XCTest
@testable import ChorusCore

/// Discount codes, tracking links, and the store's orders and survey answers.
final class TrackingCommandsTests: XCTestCase {
    private var workspace = ProgramFixture.workspace
    private let mila = ProgramFixture.mila, sakura = ProgramFixture.sakura, spring = ProgramFixture.spring

    private func code(_ text: String, kind: DiscountCode.Kind = .percent, value: Int64 = 1_000) -> DiscountCode {
        DiscountCode(code: text, creatorID: sakura, waveID: spring, kind: kind, value: value)
    }

    // MARK: Discount codes

    func testAddingCodesStoresThemUpperCase() throws {
        XCTAssertEqual(try workspace.run(.addDiscountCodes([code("sakura10"), code("Sakura-5EUR", kind: .fixed, value: 500)])).summary,
                       "added 2 discount codes")
        XCTAssertEqual(workspace.discountCode("Sakura10")?.code, "SAKURA10")
        XCTAssertEqual(workspace.discountCode("sakura-5eur")?.kind, .fixed)
    }

    func testACodeEditedToLowerCaseIsStillFoundByItsIndex() throws {
        var edited = code("SAKURA10")
        edited.code = "sakura10"
        try workspace.run(.addDiscountCodes([edited]))
        XCTAssertEqual(workspace.discountCode("SAKURA10")?.creatorID, sakura)
        assertIndexesMatchArrays(workspace)
    }

    func testCodeValidation() {
        assertRefused(.addDiscountCodes([]), on: workspace, saying: "no discount codes given")
        assertRefused(.addDiscountCodes([code("SAKURA10"), code("mila15")]), on: workspace, saying: "discount code MILA15 already exists")
        assertRefused(.addDiscountCodes([code("SAKURA10"), code("Sakura10")]), on: workspace, saying: "discount code SAKURA10 already exists")
        assertRefused(.addDiscountCodes([code("SAKURA 10")]), on: workspace,
                      saying: "'SAKURA 10' is not a valid discount code (letters, digits, - and _ only)")
        assertRefused(.addDiscountCodes([code("")]), on: workspace, saying: "is not a valid discount code")
        assertRefused(.addDiscountCodes([code("SAKURA0", value: 0)]), on: workspace,
                      saying: "code SAKURA0: a percentage must be between 0.01 % and 100 %")
        assertRefused(.addDiscountCodes([code("SAKURA101", value: 10_001)]), on: workspace, saying: "a percentage must be between")
        assertRefused(.addDiscountCodes([code("SAKURAFREE", kind: .fixed, value: 0)]), on: workspace,
                      saying: "code SAKURAFREE: a fixed discount must be above zero")
        var backwards = code("SAKURA10")
        backwards.validFrom = Day("2026-04-01")
        backwards.validUntil = Day("2026-03-31")
        assertRefused(.addDiscountCodes([backwards]), on: workspace, saying: "code SAKURA10 ends 2026-03-31, before it starts 2026-04-01")
        var orphan = code("GHOST10")
        orphan.creatorID = "CR-0099"
        assertRefused(.addDiscountCodes([orphan]), on: workspace, saying: "creator CR-0099 does not exist")
        var wrongWave = code("SAKURA10")
        wrongWave.waveID = "W9"
        assertRefused(.addDiscountCodes([wrongWave]), on: workspace, saying: "wave W9 does not exist")
    }

    // MARK: Tracking links

    func testAddingTrackingLinksIgnoresOnesAlreadyThere() throws {
        let tiktok = TrackingLink(creatorID: sakura, waveID: spring, platform: .tiktok)
        let existing = workspace.trackingLinks[0]
        XCTAssertEqual(try workspace.run(.addTrackingLinks([existing, tiktok])).summary, "added 2 tracking links")
        XCTAssertEqual(workspace.trackingLinks, [existing, tiktok])
        assertRefused(.addTrackingLinks([TrackingLink(creatorID: "CR-0099", waveID: spring, platform: .tiktok)]), on: workspace,
                      saying: "creator CR-0099 does not exist")
        assertRefused(.addTrackingLinks([]), on: workspace, saying: "no tracking links given")
    }

    func testALinkCarriesUTMParameters() {
        let link = TrackingLink(creatorID: mila, waveID: spring, platform: .instagram)
        XCTAssertEqual(link.url(landingURL: "https://lumen.example/shop", medium: "creator", campaign: "spring-glow", slug: "mila.makes"),
                       "https://lumen.example/shop?utm_source=instagram&utm_medium=creator&utm_campaign=spring-glow&utm_content=mila.makes")
        XCTAssertTrue(link.url(landingURL: "https://lumen.example/?ref=1", medium: "creator", campaign: "c", slug: "s")
            .hasPrefix("https://lumen.example/?ref=1&utm_source="))
    }

    // MARK: Orders

    private func order(_ id: OrderID, subtotal: String = "45.00", refunded: String = "0") -> Order {
        Order(id: id, email: "c@example.com", financialStatus: "paid", createdAt: Timestamp("2026-03-11 18:03:44 +0000")!,
              subtotal: eur(subtotal), refunded: eur(refunded), discountCodes: "SAKURA10")
    }

    func testImportingOrdersIsIdempotent() throws {
        let export = [order("#1003"), order("#1004", subtotal: "80.00")]
        XCTAssertEqual(try workspace.run(.importOrders(export)).summary, "imported orders: 2 new, 0 updated, 0 unchanged")
        let afterFirstImport = workspace
        XCTAssertEqual(try workspace.run(.importOrders(export)).summary, "imported orders: 0 new, 0 updated, 2 unchanged")
        XCTAssertTrue(workspace == afterFirstImport, "re-importing the same export changes nothing")
        XCTAssertEqual(workspace.orders.count, 4)
    }

    func testALaterExportUpdatesRefunds() throws {
        try workspace.run(.importOrders([order("#1003")]))
        let laterExport = [order("#1003", refunded: "15.00"), order("#1005")]
        XCTAssertEqual(try workspace.run(.importOrders(laterExport)).summary, "imported orders: 1 new, 1 updated, 0 unchanged")
        XCTAssertEqual(workspace.order("#1003")?.refunded, eur("15.00"))
        XCTAssertEqual(workspace.order("#1003")?.netRevenue, eur("30.00"))
        XCTAssertEqual(workspace.orders.filter { $0.id == "#1003" }.count, 1, "updated in place, not duplicated")
    }

    func testUndoingAnImportRestoresUpdatedOrdersAndRemovesNewOnesEvenWhenAnIdRepeats() throws {
        try workspace.run(.importOrders([order("#1003")]))
        let before = workspace
        let export = [order("#1003", refunded: "15.00"), order("#1005"), order("#1005", subtotal: "50.00"), order("#1003", refunded: "20.00")]
        let applied = try workspace.run(.importOrders(export))
        XCTAssertEqual(applied.summary, "imported orders: 1 new, 3 updated, 0 unchanged")
        XCTAssertEqual(workspace.order("#1003")?.refunded, eur("20.00"), "the last row for an id wins")
        XCTAssertEqual(workspace.order("#1005")?.subtotal, eur("50.00"))
        try workspace.run(applied.undo)
        XCTAssertTrue(workspace == before, "undo puts #1003 back as it was and removes #1005")
        XCTAssertNil(workspace.order("#1005"))
    }

    func testOrdersInAnotherCurrencyAreRefused() {
        var dollars = order("#1006")
        dollars.subtotal = Money(minorUnits: 4_500, currency: .usd)
        dollars.refunded = .zero(.usd)
        assertRefused(.importOrders([order("#1003"), dollars]), on: workspace, saying: "order #1006 is in USD; the program uses EUR")
        assertRefused(.importOrders([]), on: workspace, saying: "no orders given")
        var mixed = order("#1007")
        mixed.lines = [OrderLine(sku: nil, name: "Gift card", quantity: 1, price: Money(minorUnits: 2_000, currency: .gbp))]
        assertRefused(.importOrders([mixed]), on: workspace, saying: "order #1007 is in GBP; the program uses EUR")
    }

    /// A big import is checked in halves on two cores; the refusal still names the first order
    /// in another currency, whichever half it is in, and wherever the second half's is.
    func testTheFirstOrderInAnotherCurrencyIsNamedInABigImport() {
        let export = (0..<10_000).map { order(OrderID("#\(10_000 + $0)")) }
        for (first, second) in [(2, 9_000), (4_999, 5_000), (5_001, 9_999), (7_000, nil), (0, 9_999)] as [(Int, Int?)] {
            var orders = export
            orders[first].subtotal = Money(minorUnits: 4_500, currency: .usd)
            if let second { orders[second].lines = [OrderLine(sku: nil, name: "Gift card", quantity: 1, price: Money(minorUnits: 2_000, currency: .gbp))] }
            assertRefused(.importOrders(orders), on: workspace, saying: "order #\(10_000 + first) is in USD; the program uses EUR")
        }
    }

    func testWhichOrdersCount() {
        var order = order("#1003", subtotal: "20.00", refunded: "25.00")
        XCTAssertEqual(order.netRevenue, .zero(.eur), "net revenue never goes below zero")
        XCTAssertTrue(order.counts)
        order.financialStatus = "Voided"
        XCTAssertFalse(order.counts)
        order.financialStatus = "paid"
        order.cancelledAt = Timestamp("2026-03-12T10:00:00Z")
        XCTAssertFalse(order.counts)
    }

    // MARK: Survey responses

    func testImportingSurveyResponses() throws {
        let answer = SurveyResponse(id: "SR-0002", orderID: "#1001", response: "TikTok", other: "sakura")
        XCTAssertEqual(try workspace.run(.importSurveyResponses([answer])).summary, "imported 1 survey response")
        XCTAssertEqual(workspace.surveyResponse("SR-0002")?.other, "sakura")
        let blank = SurveyResponse(id: "SR-0003", orderID: "#1002", response: "  ", other: nil)
        assertRefused(.importSurveyResponses([answer, blank]), on: workspace, saying: "survey response SR-0003 for order #1002 is empty")
        assertRefused(.importSurveyResponses([]), on: workspace, saying: "no survey responses given")
    }
}
