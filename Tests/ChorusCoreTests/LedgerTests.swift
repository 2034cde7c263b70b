import XCTest
@testable import ChorusCore

/// The ledger of `LedgerProgram`, every cell computed by hand in the comments.
final class LedgerTests: XCTestCase {
    func testEveryCellOfTheHandComputedProgram() throws {
        let ledger = LedgerProgram.ledger()
        XCTAssertEqual(ledger.rows.map { "\($0.creatorID)/\($0.waveID)" }, ["CR-1/W1", "CR-2/W1", "CR-2/W2", "CR-3/W2"])

        // Ana, Spring: 10 % of 100.05 = 10.005 → 10.01 (half up per order); 10 % of (80 − 30) = 5.00.
        let ana = ledger.rows[0]
        XCTAssertEqual(ana.costs, costs(product: 2_000, shipping: 550, commission: 1_501))
        XCTAssertEqual(ana.costs.total, 4_051)
        XCTAssertEqual(ana.results, results(direct: 2, revenue: 15_005, assets: 2, engagement: 170))
        XCTAssertEqual(ana.grossMargin, 9_003)            // 60 % of 150.05
        XCTAssertEqual(ana.contributionMargin, 4_952)     // 90.03 − 40.51
        XCTAssertEqual(ana.costPerAcquisition, 2_026)     // 40.51 / 2 = 20.255 → 20.26
        XCTAssertEqual(ana.roasHundredths, 370)           // 150.05 / 40.51 = 3.704 → 3.70×
        XCTAssertEqual(ana.roiBasisPoints, 12_224)        // 49.52 / 40.51 = 122.241 % → 122.24 %

        // Ben, Spring: gifting and 10 % of 200.00; posted, but Spring has no fee.
        let benSpring = ledger.rows[1]
        XCTAssertEqual(benSpring.costs, costs(product: 1_800, shipping: 400, commission: 2_000))
        XCTAssertEqual(benSpring.results, results(direct: 1, revenue: 20_000))
        XCTAssertEqual(benSpring.contributionMargin, 7_800)
        XCTAssertEqual(benSpring.costPerAcquisition, 4_200)
        XCTAssertEqual(benSpring.roasHundredths, 476)     // 200.00 / 42.00 = 4.762
        XCTAssertEqual(benSpring.roiBasisPoints, 18_571)  // 78.00 / 42.00 = 185.714 %

        // Ben, Summer, on his own plan: 15 % of 200.00 (held, refunded inside the hold) and of
        // 150.00; the cancelled order counts for nothing; two orders reach the 75.00 tier; posted, so the 200.00 fee.
        let benSummer = ledger.rows[2]
        XCTAssertEqual(benSummer.costs, costs(product: 2_500, shipping: 625, fees: 20_000, commission: 5_250, pending: 3_000, bonuses: 7_500))
        XCTAssertEqual(benSummer.costs.total, 35_875)
        XCTAssertEqual(benSummer.results, results(direct: 2, revenue: 35_000, assets: 1, engagement: 320))
        XCTAssertEqual(benSummer.grossMargin, 21_000)
        XCTAssertEqual(benSummer.contributionMargin, -14_875)
        XCTAssertEqual(benSummer.costPerAcquisition, 17_938)   // 179.375 → 179.38
        // Revenue nearly pays back the cost (ROAS 350.00 / 358.75 = 0.976 → 0.98×), but the row
        // loses money: ROI on margin −148.75 / 358.75 = −41.463 % → −41.46 %, never a positive ROI.
        XCTAssertEqual(benSummer.roasHundredths, 98)
        XCTAssertEqual(benSummer.roiBasisPoints, -4_146)

        // Cleo, Summer, wave plan: 12 % of 600, 400 (held: 29 days old) and 10 (30 days: payable);
        // both tiers crossed (3 orders, 1010.00); active, so no fee or store credit yet; the
        // cancelled parcel costs nothing, the queued one its product.
        let cleo = ledger.rows[3]
        XCTAssertEqual(cleo.costs, costs(product: 2_500, commission: 12_120, pending: 4_800, bonuses: 15_000))
        XCTAssertEqual(cleo.costs.total, 29_620)
        XCTAssertEqual(cleo.results, results(direct: 3, revenue: 101_000, assisted: 1, assistedRevenue: 8_000))
        XCTAssertEqual(cleo.grossMargin, 60_600)
        XCTAssertEqual(cleo.contributionMargin, 30_980)
        XCTAssertEqual(cleo.costPerAcquisition, 9_873)
        XCTAssertEqual(cleo.roasHundredths, 341)          // 1010.00 / 296.20 = 3.410
        XCTAssertEqual(cleo.roiBasisPoints, 10_459)       // 309.80 / 296.20 = 104.591 %

        let kpis = ledger.kpis
        XCTAssertEqual(kpis.costs.total, 73_746)
        XCTAssertEqual(kpis.results.directNetRevenue, 171_005)
        XCTAssertEqual(kpis.contributionMargin, 28_857)
        XCTAssertEqual(kpis.creators, 3)
        XCTAssertEqual(kpis.activeCreators, 2)                 // Ana and Ben have approved assets
        XCTAssertEqual(kpis.costPerActiveCreator, 36_873)
        XCTAssertEqual(kpis.costPerUsableAsset, 24_582)
        XCTAssertEqual(kpis.contributionMarginPerCreator, 9_619)
        XCTAssertEqual(kpis.roasHundredths, 232)          // 1710.05 / 737.46 = 2.319
        XCTAssertEqual(kpis.roiBasisPoints, 3_913)        // 288.57 / 737.46 = 39.130 %
        XCTAssertEqual(kpis.budget, 700_000)
    }

    func testOneWaveKeepsOnlyItsRowsAndBudget() {
        let ledger = LedgerProgram.ledger(wave: LedgerProgram.summer)
        XCTAssertEqual(ledger.rows.map(\.creatorID), [LedgerProgram.ben, LedgerProgram.cleo])
        XCTAssertEqual(ledger.kpis.costs.total, 35_875 + 29_620)
        XCTAssertEqual(ledger.kpis.budget, 500_000)
    }

    func testHeldCommissionBecomesPayableOnceTheHoldHasPassed() {
        let later = LedgerProgram.ledger(today: Day("2026-07-20")!)
        XCTAssertEqual(later.rows.map(\.costs.commissionPending), [0, 0, 0, 0])
        XCTAssertEqual(later.rows.map(\.costs.commission), [1_501, 2_000, 5_250, 12_120])
    }

    func testDrillDownListsTheOrdersAndParcelsBehindARow() {
        let workspace = LedgerProgram.workspace
        let ledger = LedgerProgram.ledger(workspace)
        XCTAssertEqual(ledger.directOrderPositions(ofRow: 3).map { workspace.orders[Int($0)].id }, ["#7", "#8", "#9"])
        XCTAssertEqual(ledger.assistedOrderPositions(ofRow: 3).map { workspace.orders[Int($0)].id }, ["#10"])
        XCTAssertEqual(ledger.shipmentPositions(ofRow: 3).map { workspace.shipments[Int($0)].id }, ["SH-5"])
    }

    private func costs(product: Int64 = 0, shipping: Int64 = 0, fees: Int64 = 0, credit: Int64 = 0, commission: Int64 = 0,
                       pending: Int64 = 0, bonuses: Int64 = 0) -> Ledger.Costs {
        var costs = Ledger.Costs()
        costs.productCost = product
        costs.shippingCost = shipping
        costs.flatFees = fees
        costs.storeCredit = credit
        costs.commission = commission
        costs.commissionPending = pending
        costs.bonuses = bonuses
        return costs
    }

    private func results(direct: Int, revenue: Int64, assisted: Int = 0, assistedRevenue: Int64 = 0, assets: Int = 0,
                         engagement: Int = 0) -> Ledger.Results {
        var results = Ledger.Results()
        results.directOrders = direct
        results.directNetRevenue = revenue
        results.assistedOrders = assisted
        results.assistedNetRevenue = assistedRevenue
        results.usableAssets = assets
        results.engagement = engagement
        return results
    }
}
