import XCTest
import ChorusCore
@testable import ChorusInterchange

/// Finance opens the ledger in a spreadsheet: amounts are decimals with the currency, the
/// total row (in a file of its own) sums the rest, and a handle that looks like a formula stays text.
final class LedgerExportTests: XCTestCase {
    func testTheLedgerCSVHasOneRowPerCreatorAndWaveAndANeutralizedHandle() throws {
        let workspace = Self.workspace
        let ledger = Ledger(workspace, attribution: Attribution.compute(workspace), today: Day("2026-06-30")!)
        let export = LedgerExport(ledger, workspace: workspace)
        let lines = String(decoding: export.csv(), as: UTF8.self).split(separator: "\n")
        let totals = String(decoding: export.totalsCSV(), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "the total is not among the data rows")
        XCTAssertEqual(totals.count, 2)
        XCTAssertEqual(totals[0], lines[0])
        XCTAssertEqual(lines[0], "handle,name,creator_id,wave,currency,as_of,product_cost,shipping_cost,flat_fees,store_credit,commission,"
            + "commission_pending,bonuses,total_cost,direct_orders,direct_net_revenue,assisted_orders,assisted_net_revenue,"
            + "usable_assets,engagement,gross_margin,contribution_margin,cpa,roas,roi_on_margin_percent")
        // 10 % of 100.05 rounds up to 10.01; a 12.00 parcel and 10.01 cost 22.01 against 60.03 gross margin,
        // so contribution margin 38.02; ROAS 100.05 / 22.01 = 4.5457 → 4.55; ROI 38.02 / 22.01 = 172.7397 % → 172.74.
        XCTAssertEqual(lines[1], #""'=HYPERLINK(""http://evil"";""click"")",Eve,CR-1,W1,EUR,2026-06-30,12.00,0.00,0.00,0.00,10.01,0.00,0.00,22.01,"#
            + "1,100.05,0,0.00,0,0,60.03,38.02,22.01,4.55,172.74")
        XCTAssertEqual(totals[1], ",,,total,EUR,2026-06-30,12.00,0.00,0.00,0.00,10.01,0.00,0.00,22.01,1,100.05,0,0.00,0,0,60.03,38.02,22.01,4.55,172.74")
    }

    func testALossShowsAsANegativeNumberNotNeutralizedText() {
        var workspace = Self.workspace
        workspace = Workspace(program: workspace.program, waves: workspace.waves.rows, creators: workspace.creators.rows,
                              enrollments: workspace.enrollments.rows,
                              shipments: [Shipment(id: "SH-1", creatorID: "CR-1", waveID: "W1", items: [], status: .delivered,
                                                   productCost: Money(minorUnits: 50_000, currency: .eur), createdAt: Timestamp(day: Day("2026-03-01")!))],
                              discountCodes: workspace.discountCodes.rows, orders: workspace.orders.rows)
        let ledger = Ledger(workspace, attribution: Attribution.compute(workspace), today: Day("2026-06-30")!)
        let export = LedgerExport(ledger, workspace: workspace)
        // Margin 60.03 − 500.00 − 10.01 = −449.98 on 510.01 cost: ROAS 100.05 / 510.01 = 0.196 → 0.20 (revenue
        // still comes back) but ROI on margin −449.98 / 510.01 = −88.23 %, a loss named as one.
        XCTAssertTrue(String(decoding: export.csv(), as: UTF8.self).contains(",-449.98,510.01,0.20,-88.23\n"))
        XCTAssertEqual(export.summary.first { $0.name == "roas" }.map { export.text($0.value) }, "0.20")
        XCTAssertEqual(export.summary.first { $0.name == "roi_on_margin_percent" }.map { export.text($0.value) }, "-88.23")
        XCTAssertEqual(export.summary.first { $0.name == "budget_left" }.map { export.text($0.value) }, "489.99")
    }

    static var workspace: Workspace {
        let wave = Wave(id: "W1", name: "Spring", slug: "spring", status: .live, startDate: Day("2026-03-01"), endDate: nil,
                        budget: Money(minorUnits: 100_000, currency: .eur), brief: Brief(),
                        incentivePlan: IncentivePlan(gifting: true, commissionBasisPoints: 1_000))
        return Workspace(
            program: Program(name: "Glow", brand: "Lumen", currency: .eur, landingURL: "https://lumen.example"),
            waves: [wave],
            creators: [Creator(id: "CR-1", handle: #"=HYPERLINK("http://evil";"click")"#, name: "Eve")],
            enrollments: [Enrollment(creatorID: "CR-1", waveID: "W1", stage: .posted, stageChangedAt: Timestamp(day: Day("2026-03-01")!))],
            shipments: [Shipment(id: "SH-1", creatorID: "CR-1", waveID: "W1", items: [], status: .delivered,
                                 productCost: Money(minorUnits: 1_200, currency: .eur), createdAt: Timestamp(day: Day("2026-03-01")!))],
            discountCodes: [DiscountCode(code: "EVE", creatorID: "CR-1", waveID: "W1", kind: .percent, value: 1_000)],
            orders: [Order(id: "#1", email: nil, financialStatus: "paid", createdAt: Timestamp(day: Day("2026-04-01")!),
                           subtotal: Money(minorUnits: 10_005, currency: .eur), refunded: .zero(.eur), discountCodes: "EVE")])
    }
}
