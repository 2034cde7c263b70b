import XCTest
@testable import ChorusCore

/// Cohorts, wave KPIs, weekly series and the budget of `LedgerProgram`, each figure computed by
/// hand from the ledger cells `LedgerTests` checks: Ana/W1 costs 40.51 for 150.05 (margin 90.03),
/// Ben/W1 42.00 for 200.00 (120.00), Ben/W2 358.75 for 350.00 (210.00), Cleo/W2 296.20 for
/// 1010.00 (606.00) plus one assisted order of 80.00.
final class ProgramFiguresTests: XCTestCase {
    /// Ana has 5 000 followers (nano), Ben 20 000 (micro); Cleo has no profile (nano).
    private var workspace: Workspace {
        var workspace = LedgerProgram.workspace
        var ana = workspace.creator(LedgerProgram.ana)!, ben = workspace.creator(LedgerProgram.ben)!
        ana.profiles = [SocialProfile(platform: .instagram, handle: "ana.glows", followers: 5_000)]
        ana.country = "br"
        ana.niches = ["Beauty", "skincare"]
        ben.profiles = [SocialProfile(platform: .tiktok, handle: "ben", followers: 20_000)]
        ben.niches = ["beauty"]
        workspace.put(ana)
        workspace.put(ben)
        return workspace
    }

    func testTiersCompareCostAndReturnByHand() {
        let workspace = workspace
        let cohorts = Cohorts(LedgerProgram.ledger(workspace), workspace: workspace, by: .tier)
        XCTAssertEqual(cohorts.groups.map(\.name), ["nano", "micro"])
        let nano = cohorts.groups[0], micro = cohorts.groups[1]
        // Nano: Ana in Spring and Cleo in Summer; only Ana has approved posts (2, 170 engagements on 5 000 followers).
        XCTAssertEqual([nano.creators, nano.activeCreators, nano.posts], [2, 1, 2])
        XCTAssertEqual(nano.engagementRateBasisPoints, 170)                 // 170 / (5 000 × 2) = 1.70 %
        XCTAssertEqual(nano.results.directOrders, 5)
        XCTAssertEqual(nano.results.directNetRevenue, 116_005)               // 150.05 + 1010.00
        XCTAssertEqual(nano.results.assistedOrders, 1)
        XCTAssertEqual(nano.results.assistedNetRevenue, 8_000)
        XCTAssertEqual(nano.cost, 33_671)                                    // 40.51 + 296.20
        XCTAssertEqual(nano.contributionMargin, 35_932)                      // 90.03 + 606.00 − 336.71
        XCTAssertEqual(nano.costPerAcquisition, 6_734)                       // 336.71 / 5 = 67.342
        XCTAssertEqual(nano.kpis.roasBasisPoints, 34_452)                    // 1160.05 / 336.71 = 3.4452
        XCTAssertEqual(nano.kpis.roiOnMarginBasisPoints, 10_671)             // 359.32 / 336.71 = 106.71 %
        // Micro: Ben in both waves is one creator; one post of 320 engagements on 20 000 followers.
        XCTAssertEqual([micro.creators, micro.activeCreators, micro.posts], [1, 1, 1])
        XCTAssertEqual(micro.engagementRateBasisPoints, 160)
        XCTAssertEqual(micro.cost, 40_075)                                   // 42.00 + 358.75
        XCTAssertEqual(micro.contributionMargin, -7_075)                     // 330.00 − 400.75
        XCTAssertEqual(micro.costPerAcquisition, 13_358)                     // 400.75 / 3
        XCTAssertEqual(micro.kpis.roasBasisPoints, 13_724)                   // 550.00 / 400.75
        XCTAssertEqual(micro.kpis.roiOnMarginBasisPoints, -1_765)            // −70.75 / 400.75
    }

    func testIncentiveTypesComparedWithinOneWave() {
        let workspace = workspace
        let ledger = LedgerProgram.ledger(workspace)
        let all = Cohorts(ledger, workspace: workspace, by: .incentive)
        // Spring is gifting with commission (affiliate); Summer's plan and Ben's override add a fee.
        XCTAssertEqual(all.groups.map(\.name), ["affiliate", "paid + affiliate"])
        XCTAssertEqual(all.groups[0].cost, 8_251)
        XCTAssertEqual(all.groups[0].kpis.roasBasisPoints, 42_425)           // 350.05 / 82.51
        XCTAssertEqual(all.groups[1].cost, 65_495)
        let summer = Cohorts(ledger, workspace: workspace, by: .incentive, wave: LedgerProgram.summer)
        XCTAssertEqual(summer.groups.map(\.name), ["paid + affiliate"])
        XCTAssertEqual(summer.groups[0].creators, 2)
    }

    func testANicheCountsEachOfItsCreatorsAndMissingValuesAreUnknown() {
        let workspace = workspace
        let ledger = LedgerProgram.ledger(workspace)
        let niches = Cohorts(ledger, workspace: workspace, by: .niche)
        // "Beauty" and "beauty" are one niche; Cleo has none.
        XCTAssertEqual(niches.groups.map(\.name), ["beauty", "skincare", "unknown"])
        XCTAssertEqual(niches.groups.map(\.creators), [2, 1, 1])
        let countries = Cohorts(ledger, workspace: workspace, by: .country)
        XCTAssertEqual(countries.groups.map(\.name), ["unknown", "BR"])
    }

    func testThisWaveAgainstTheLastOnTheManagersKPIs() {
        let ledger = LedgerProgram.ledger()
        let spring = ProgramKPIs(ledger, wave: LedgerProgram.spring, budget: 200_000)
        XCTAssertEqual(spring.costPerActiveCreator, 8_251)                   // only Ana has approved assets
        XCTAssertEqual(spring.costPerUsableAsset, 4_126)                     // 82.51 / 2 = 41.255
        XCTAssertEqual(spring.contributionMarginPerCreator, 6_376)           // 127.52 / 2
        XCTAssertEqual(spring.roasBasisPoints, 42_425)
        XCTAssertEqual(spring.roiOnMarginBasisPoints, 15_455)
        let summer = ProgramKPIs(ledger, wave: LedgerProgram.summer, budget: 500_000)
        XCTAssertEqual(summer.costPerActiveCreator, 65_495)
        XCTAssertEqual(summer.contributionMarginPerCreator, 8_053)           // 161.05 / 2 = 80.525
        XCTAssertEqual(summer.roasBasisPoints, 20_765)                       // 1360.00 / 654.95
        XCTAssertEqual(summer.roiOnMarginBasisPoints, 2_459)
        XCTAssertEqual(ProgramKPIs.multiple(summer.roasBasisPoints), "2.08×")
        XCTAssertEqual(ProgramKPIs.multiple(nil), "—")
    }

    func testWeeksAddUpToTheLedgerAndLandInTheRightWeek() throws {
        let workspace = LedgerProgram.workspace
        let ledger = LedgerProgram.ledger(workspace)
        let summer = WeeklySeries(ledger, workspace: workspace, wave: LedgerProgram.summer)
        // Ben's fee week (he posted on Sunday 1 March) to today's week (Monday 29 June).
        XCTAssertEqual(summer.weeks.first, Day("2026-02-23"))
        XCTAssertEqual(summer.weeks.last, Day("2026-06-29"))
        XCTAssertEqual(summer.weeks.count, 19)
        XCTAssertEqual(summer.spend.reduce(0, +), 65_495)
        XCTAssertEqual(summer.cumulativeSpend.last, 65_495)
        XCTAssertEqual(summer.directRevenue.reduce(0, +), 136_000)
        XCTAssertEqual(summer.assistedRevenue.reduce(0, +), 8_000)
        XCTAssertEqual(summer.orders.reduce(0, +), 6)
        // Cleo's 600.00 order on Sunday 10 May is in the week of Monday 4 May, with its 12 % commission.
        let week = try XCTUnwrap(summer.weeks.firstIndex(of: Day("2026-05-04")!))
        XCTAssertEqual(summer.directRevenue[week], 60_000)
        XCTAssertEqual(summer.spend[week], 7_200)
        XCTAssertEqual(summer.net[week], 36_000 - 7_200)
        let cleo = summer.row(3, of: ledger, workspace: workspace)
        XCTAssertEqual(cleo.weeks, summer.weeks)
        XCTAssertEqual(cleo.orders.reduce(0, +), 4)
        XCTAssertEqual(cleo.spend.reduce(0, +), 29_620)
    }

    func testCommittedCostAndTheBudgetRule() {
        let workspace = LedgerProgram.workspace
        let summer = workspace.wave(LedgerProgram.summer)!
        let budget = WaveBudget(summer, workspace: workspace, ledger: LedgerProgram.ledger(workspace))
        // Committed: Ben's 200.00 fee, commission in its hold (30.00 + 48.00), Cleo's queued parcel 25.00.
        XCTAssertEqual(budget.committed, 30_300)
        XCTAssertEqual(budget.total, 65_495)
        XCTAssertEqual(budget.spent, 35_195)
        XCTAssertEqual(budget.remaining, 434_505)
        XCTAssertNil(budget.overrun(adding: 434_505))                        // exactly on budget is allowed
        XCTAssertEqual(budget.overrun(adding: 434_506), 1)
        // Without the ledger (still computing): parcels, fees and credit only.
        let early = WaveBudget(summer, workspace: workspace, ledger: nil)
        XCTAssertFalse(early.includesCommission)
        XCTAssertEqual(early.total, 25_625)                                  // 200.00 + 31.25 + 25.00
        XCTAssertEqual(early.committed, 22_500)
    }
}
