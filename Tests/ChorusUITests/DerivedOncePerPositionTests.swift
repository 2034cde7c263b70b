import ChorusCore
@testable import ChorusUI
import XCTest

/// What the Pipeline reads on every key press is derived once per journal position by the
/// owner of derived figures: whether the wave on screen pays on orders (which decides whether
/// the budget line needs the ledger) and, in the recruit view, what each lead bought.
final class DerivedOncePerPositionTests: XCTestCase {
    func testWhetherTheWavePaysOnOrdersIsWorkedOutOncePerChangeNotPerKey() throws {
        var workspace = SeedingSample.workspace(queued: 0)
        var wave = try XCTUnwrap(workspace.wave(Sample.wave1))
        wave.incentivePlan.commissionBasisPoints = 1_000
        try workspace.apply(.updateWave(wave), context: CommandContext(now: Sample.now, actor: "test"))
        let console = ConsoleDriver(workspace, size: Size(width: 200, height: 60))
        XCTAssertEqual(console.session.derived.wavesPayingOnOrders(in: console.workspace), [Sample.wave1])
        let computes = console.session.derived.computes.wavesPayingOnOrders
        console.press("j", "j", "k", "j", "2", "j", "1")
        _ = console.frame
        XCTAssertEqual(console.session.derived.computes.wavesPayingOnOrders, computes, "keys that change nothing scan no enrollments")
        console.press("S")   // queues a parcel: a new position
        _ = console.frame
        XCTAssertEqual(console.session.performed.count, 1)
        XCTAssertEqual(console.session.derived.computes.wavesPayingOnOrders, computes + 1)
        console.press("j", "k")
        XCTAssertEqual(console.session.derived.computes.wavesPayingOnOrders, computes + 1)
    }

    func testTheRecruitViewReadsTheOrdersForLeadsOnlyWhenCreatorsOrOrdersChange() throws {
        var workspace = Sample.workspace()
        let context = CommandContext(now: Sample.now, actor: "test")
        let lead = Creator(id: "CR-0020", handle: "", name: "Marta Ruiz", email: "marta@example.es", sources: [.customerList],
                           customer: CustomerSignals(orders: 1, totalSpent: Money(minorUnits: 3_200, currency: .eur), acceptsMarketing: true))
        try workspace.apply(.importCreators([lead], codes: []), context: context)
        let console = ConsoleDriver(workspace, size: Size(width: 140, height: 30)).press("R")
        XCTAssertTrue(console.frame.line(1).contains("1 lead"), console.dump)
        let computes = console.session.derived.computes.leadPurchases
        XCTAssertEqual(computes, 1, "read when the recruit view opened")

        // A colleague moves a creator in another wave: the rows are rebuilt, the leads' purchases are not.
        try console.session.colleague("ana", .advanceStage(creators: [CreatorID("CR-0001")], wave: Sample.wave2))
        XCTAssertTrue(console.console.followColleagues())
        _ = console.frame
        XCTAssertEqual(console.session.derived.computes.leadPurchases, computes, "nothing a lead bought changed")

        // An order arrives: what Marta bought is read again.
        try console.session.colleague("shop", .importOrders([
            Order(id: "#5001", email: "marta@example.es", financialStatus: "paid", createdAt: Sample.now,
                  subtotal: Money(minorUnits: 3_200, currency: .eur), refunded: .zero(.eur),
                  lines: [OrderLine(sku: "TS-M", name: "Trail Socks - M", quantity: 1, price: Money(minorUnits: 3_200, currency: .eur))])]))
        XCTAssertTrue(console.console.followColleagues())
        XCTAssertTrue(console.frame.lines.contains { $0.contains("Marta Ruiz · 1 order") }, console.dump)
        XCTAssertEqual(console.session.derived.computes.leadPurchases, computes + 1)
    }
}
