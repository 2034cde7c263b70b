import XCTest
@testable import ChorusCore

/// A manager scales winners into the next wave with a better plan, and can take it back.
final class PromotionTests: XCTestCase {
    let context = CommandContext(now: Timestamp(day: LedgerProgram.today, hour: 9), actor: "ana")

    func testPromotingAddsNewcomersAndRaisesThePlanOfThoseAlreadyThere() throws {
        var workspace = LedgerProgram.workspace
        let before = workspace
        let applied = try workspace.apply(.promote(creators: [LedgerProgram.ana, LedgerProgram.cleo, LedgerProgram.ben],
                                                   wave: LedgerProgram.summer, change: IncentiveChange(commissionBasisPoints: 500)),
                                          context: context)
        XCTAssertEqual(applied.summary, "promoted 3 creators to Summer with commission +5 points")

        let ana = try XCTUnwrap(workspace.enrollment(LedgerProgram.ana, in: LedgerProgram.summer))
        XCTAssertEqual(ana.stage, .prospect)
        XCTAssertEqual(ana.incentiveOverride?.commissionBasisPoints, 1_700)     // Summer's 12 % + 5
        XCTAssertEqual(ana.incentiveOverride?.flatFee, eur("150.00"))
        let cleo = try XCTUnwrap(workspace.enrollment(LedgerProgram.cleo, in: LedgerProgram.summer))
        XCTAssertEqual(cleo.stage, .active)
        XCTAssertEqual(cleo.incentiveOverride?.commissionBasisPoints, 1_700)
        // Ben already had his own 15 %: five points more than that.
        XCTAssertEqual(workspace.enrollment(LedgerProgram.ben, in: LedgerProgram.summer)?.incentiveOverride?.commissionBasisPoints, 2_000)
        XCTAssertEqual(workspace.enrollment(LedgerProgram.ben, in: LedgerProgram.summer)?.incentiveOverride?.flatFee, eur("200.00"))

        try workspace.apply(applied.undo, context: context)
        XCTAssertEqual(workspace, before)
    }

    func testABonusTierIsAddedOnce() throws {
        var workspace = LedgerProgram.workspace
        let tier = BonusTier(metric: .directOrders, threshold: 20, bonus: eur("50.00"))
        let change = IncentiveChange(bonusTier: tier)
        let applied = try workspace.apply(.promote(creators: [LedgerProgram.cleo], wave: LedgerProgram.summer, change: change), context: context)
        try workspace.apply(.promote(creators: [LedgerProgram.cleo], wave: LedgerProgram.summer, change: change), context: context)
        XCTAssertEqual(applied.summary, "promoted 1 creator to Summer with bonus 50.00 EUR at 20 direct orders")
        XCTAssertEqual(workspace.enrollment(LedgerProgram.cleo, in: LedgerProgram.summer)?.incentiveOverride?.bonusTiers.filter { $0 == tier }.count, 1)
    }

    func testAClosedOrUnknownWaveIsRefusedAndNothingChanges() {
        var workspace = LedgerProgram.workspace
        let before = workspace
        XCTAssertThrowsError(try workspace.apply(.promote(creators: [LedgerProgram.cleo], wave: LedgerProgram.spring,
                                                          change: IncentiveChange(commissionBasisPoints: 500)), context: context)) {
            XCTAssertEqual(($0 as? DomainError)?.message, "wave Spring is closed; creators cannot join it")
        }
        XCTAssertThrowsError(try workspace.apply(.promote(creators: [LedgerProgram.cleo], wave: "W9",
                                                          change: IncentiveChange(commissionBasisPoints: 500)), context: context))
        XCTAssertEqual(workspace, before)
    }
}

/// What a manager may type at the promote prompt.
final class IncentiveChangeParsingTests: XCTestCase {
    func testPointsBonusesAndNonsense() {
        XCTAssertEqual(IncentiveChange(parsing: "+5", currency: .eur), IncentiveChange(commissionBasisPoints: 500))
        XCTAssertEqual(IncentiveChange(parsing: "commission +2.5 points", currency: .eur), IncentiveChange(commissionBasisPoints: 250))
        XCTAssertEqual(IncentiveChange(parsing: "+5, bonus 50 at 20 orders", currency: .eur),
                       IncentiveChange(commissionBasisPoints: 500, bonusTier: BonusTier(metric: .directOrders, threshold: 20, bonus: eur("50"))))
        XCTAssertEqual(IncentiveChange(parsing: "bonus 100 at 2000 revenue", currency: .eur)?.bonusTier?.threshold, 200_000)
        XCTAssertNil(IncentiveChange(parsing: "lots more", currency: .eur))
        XCTAssertNil(IncentiveChange(parsing: "", currency: .eur))
        XCTAssertNil(IncentiveChange(parsing: "bonus 50 at many orders", currency: .eur))
    }
}
