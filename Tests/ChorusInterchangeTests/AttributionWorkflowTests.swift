import ChorusCore
import ChorusInterchange
import XCTest

/// A coordinator imports the store's order export and the survey export, and finance reads
/// who gets credit: every attribution rule, on hand-written files.
final class AttributionWorkflowTests: XCTestCase {
    private typealias F = AttributionFixture

    private func outcomes(_ workspace: Workspace) -> [String: (AttributionResult.Outcome, String?)] {
        let result = Attribution.compute(workspace)
        var outcomes: [String: (AttributionResult.Outcome, String?)] = [:]
        for (order, credit) in zip(workspace.orders, result.credits) {
            outcomes[order.id.rawValue] = (credit.outcome, result.creator(of: credit).flatMap { workspace.creator($0)?.handle })
        }
        return outcomes
    }

    func testEachOrderIsCreditedByTheFirstRuleThatApplies() throws {
        let outcomes = outcomes(try F.imported())
        let expected: [String: (AttributionResult.Outcome, String?)] = [
            "#1001": (.directByCode, "mila.makes"),        // WELCOME10 is a promo; mila15 matches MILA15
            "#1002": (.directByCode, "lea.lumiere"),       // the first creator code in the field wins
            "#1003": (.directByLink, "zoe.muller"),        // utm_content=ZOE, compared without case
            "#1004": (.directByCode, "mila.makes"),
            "#1005": (.directByCode, "lea.lumiere"),       // refunded in full: credited, worth nothing
            "#1006": (.notCounted, nil),                   // cancelled
            "#1007": (.notCounted, nil),                   // voided
            "#1008": (.paidOrAffiliate, nil),              // paid_social; the survey naming @zoe.muller does not claim it
            "#1009": (.assistedBySurvey, "lea.lumiere"),   // @LEA.LUMIERE
            "#1010": (.assistedBySurvey, "zoe.muller"),    // "Zoe Muller" for Zoë Müller
            "#1011": (.ambiguous, nil),                    // names two creators
            "#1012": (.unattributed, nil),                 // a promo code alone credits nobody
            "#1013": (.directByCode, "mila.makes"),        // a code beats a survey answer
            "#1014": (.directByCode, "lea.lumiere"),       // a code beats a link
        ]
        XCTAssertEqual(outcomes.count, expected.count)
        for (order, (outcome, handle)) in expected {
            XCTAssertEqual(outcomes[order]?.0, outcome, order)
            XCTAssertEqual(outcomes[order]?.1, handle, order)
        }
    }

    func testCreatorTotalsAreNetOfRefunds() throws {
        let workspace = try F.imported()
        let result = Attribution.compute(workspace)
        let mila = result.totals(for: F.mila), lea = result.totals(for: F.lea), zoe = result.totals(for: F.zoe)
        XCTAssertEqual([mila.directOrders, mila.assistedOrders], [3, 0])
        XCTAssertEqual(result.money(mila.directNetRevenue).description, "134.00 EUR")   // 64 + (80 − 30) + 20
        XCTAssertEqual([lea.directOrders, lea.assistedOrders], [3, 1])
        XCTAssertEqual(result.money(lea.directNetRevenue).description, "55.00 EUR")     // 30 + 0 + 25
        XCTAssertEqual(result.money(lea.assistedNetRevenue).description, "15.00 EUR")
        XCTAssertEqual([zoe.directOrders, zoe.assistedOrders], [1, 1])
        XCTAssertEqual(result.money(zoe.assistedNetRevenue).description, "12.00 EUR")
        XCTAssertEqual(result.count(.notCounted), 2)
        XCTAssertEqual(result.count(.paidOrAffiliate), 1)
        XCTAssertEqual(result.revenue(.paidOrAffiliate).description, "90.00 EUR")
        XCTAssertEqual(result.count(.unattributed), 1)
        let ambiguous = Attribution.ambiguousAnswers(of: result, in: workspace)
        XCTAssertEqual(ambiguous.map(\.orderID), ["#1011"])
        XCTAssertEqual(ambiguous.map(\.creators), [[F.mila, F.lea]])
        XCTAssertEqual(result.programTotals.directOrders, 7)
    }

    func testTheExportIsReadAsShopifyWritesIt() throws {
        let parsed = try ShopifyOrdersImport(bytes: Array(F.ordersCSV.utf8), fileName: "orders.csv", currency: .eur)
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.rowCount, 15)
        XCTAssertEqual(parsed.orders.map(\.id.rawValue).first, "#1001", "the BOM is not part of the first Name")
        let first = parsed.orders[0]
        XCTAssertEqual(first.lines.map(\.name), ["Glow Serum", "Night Cream, 50 ml"])
        XCTAssertEqual(first.discountCodes, "WELCOME10, mila15")
        XCTAssertEqual(first.createdAt, Timestamp("2026-03-08T14:22:05Z"))
        let paidSocial = try XCTUnwrap(parsed.orders.first { $0.id == "#1008" })
        XCTAssertEqual([paidSocial.utmSource, paidSocial.utmMedium], ["instagram", "paid_social"])
        let link = try XCTUnwrap(parsed.orders.first { $0.id == "#1003" })
        XCTAssertEqual([link.utmMedium, link.utmCampaign, link.utmContent], ["creator", "spring-glow", "ZOE"])
        XCTAssertNotNil(parsed.orders.first { $0.id == "#1006" }?.cancelledAt)
    }

    func testReimportingTheSameFilesChangesNothing() throws {
        var workspace = try F.imported()
        let before = workspace
        let orders = try ShopifyOrdersImport(bytes: Array(F.ordersCSV.utf8), fileName: "orders.csv", currency: .eur)
        XCTAssertEqual(try workspace.apply(.importOrders(orders.orders), context: F.context).summary,
                       "imported orders: 0 new, 0 updated, 14 unchanged")
        let survey = try SurveyImport(bytes: Array(F.surveyCSV.utf8), fileName: "survey.csv", workspace: workspace)
        try workspace.apply(.importSurveyResponses(survey.responses), context: F.context)
        XCTAssertTrue(workspace == before, "same orders, same answers under the same ids")
    }

    func testALaterOverlappingExportUpdatesRefundsInsteadOfDuplicating() throws {
        var workspace = try F.imported()
        let later = """
            Name,Financial Status,Currency,Subtotal,Discount Code,Created at,Refunded Amount,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku
            #1001,partially_refunded,EUR,64.00,"WELCOME10, mila15",2026-03-08 14:22:05 +0000,32.00,1,Glow Serum,32.00,SKU-SERUM
            #1001,,,,,2026-03-08 14:22:05 +0000,,1,"Night Cream, 50 ml",32.00,SKU-CREAM
            #1015,paid,EUR,50.00,MILA15,2026-03-15 09:00:00 +0000,0.00,1,Gift Set,50.00,SKU-SET
            """
        let orders = try ShopifyOrdersImport(bytes: Array(later.utf8), fileName: "later.csv", currency: .eur)
        XCTAssertEqual(try workspace.apply(.importOrders(orders.orders), context: F.context).summary,
                       "imported orders: 1 new, 1 updated, 0 unchanged")
        XCTAssertEqual(workspace.orders.count, 15)
        let mila = Attribution.compute(workspace).totals(for: F.mila)
        XCTAssertEqual(mila.directOrders, 4)
        XCTAssertEqual(mila.directNetRevenue, 152_00)  // 134 − 32 refunded + 50 new
    }

    func testTheWaveFilterKeepsOnlyThatWavesOrders() throws {
        var workspace = try F.imported()
        try workspace.apply(.createWave(Wave(id: "W2", name: "Summer", slug: "summer", status: .planning, startDate: Day("2026-06-01"),
                                             endDate: nil, budget: .zero(.eur), brief: Brief(), incentivePlan: IncentivePlan(gifting: true))),
                            context: F.context)
        XCTAssertEqual(Attribution.compute(workspace, wave: F.spring).programTotals.directOrders, 7)
        let summer = Attribution.compute(workspace, wave: "W2")
        XCTAssertTrue(summer.totals.isEmpty)
        XCTAssertEqual(AttributionResult.Outcome.allCases.map(summer.count).reduce(0, +), 0)
    }
}
