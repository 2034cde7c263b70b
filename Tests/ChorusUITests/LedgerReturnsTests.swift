import ChorusCore
@testable import ChorusUI
import XCTest

/// Finance reads two returns, each by name: ROAS (revenue ÷ cost) and ROI on contribution
/// margin (margin ÷ cost). A row that loses money shows a negative ROI even though its
/// revenue still brings something back, which the old revenue-based ROI hid.
final class LedgerReturnsTests: XCTestCase {
    /// Spring pays 10 % commission at a 60 % margin rate.
    /// - @eve: 100.05 of sales (10.01 commission) on a 500.00 parcel: cost 510.01, gross margin
    ///   60.03, contribution margin −449.98; ROAS 100.05 / 510.01 = 0.196 → 0.20×, ROI −88.23 %.
    /// - @ana: 300.00 of sales (30.00 commission) on a 20.00 parcel: cost 50.00, gross margin
    ///   180.00, contribution margin 130.00; ROAS 6.00×, ROI 260.00 %.
    /// - Both: cost 560.01, revenue 400.05, margin −319.98; ROAS 0.714 → 0.71×, ROI −57.138 % → −57.14 %.
    static var workspace: Workspace {
        let day = Day(year: 2025, month: 2, day: 1)!
        let wave = Wave(id: "W-1", name: "Spring", slug: "spring", status: .live, startDate: day, endDate: nil,
                        budget: Money(minorUnits: 100_000, currency: .eur), brief: Brief(),
                        incentivePlan: IncentivePlan(gifting: true, commissionBasisPoints: 1_000))
        let creators = [Creator(id: "CR-1", handle: "eve", name: "Eve Laurent"), Creator(id: "CR-2", handle: "ana", name: "Ana Lima")]
        let parcel = { (id: ShipmentID, creator: CreatorID, cost: Int64) in
            Shipment(id: id, creatorID: creator, waveID: "W-1", items: [], status: .delivered,
                     productCost: Money(minorUnits: cost, currency: .eur), createdAt: Timestamp(day: day))
        }
        let order = { (id: OrderID, subtotal: Int64, code: String) in
            Order(id: id, email: nil, financialStatus: "paid", createdAt: Timestamp(day: day.adding(days: 5)),
                  subtotal: Money(minorUnits: subtotal, currency: .eur), refunded: .zero(.eur), discountCodes: code)
        }
        return Workspace(
            program: Program(name: "Glow", brand: "Lumen", currency: .eur, landingURL: "https://lumen.example"),
            waves: [wave], creators: creators,
            enrollments: creators.map { Enrollment(creatorID: $0.id, waveID: "W-1", stage: .posted, stageChangedAt: Timestamp(day: day)) },
            shipments: [parcel("SH-1", "CR-1", 50_000), parcel("SH-2", "CR-2", 2_000)],
            discountCodes: [DiscountCode(code: "EVE", creatorID: "CR-1", waveID: "W-1", kind: .percent, value: 1_000),
                            DiscountCode(code: "ANA", creatorID: "CR-2", waveID: "W-1", kind: .percent, value: 1_000)],
            orders: [order("#1", 10_005, "EVE"), order("#2", 30_000, "ANA")])
    }

    /// The last `count` cells of the row showing `text`, as words.
    private func lastCells(_ frame: Grid, _ text: String, _ count: Int) -> [String] {
        frame.row(containing: text).map { frame.lines[$0].split(separator: " ").suffix(count).map(String.init) } ?? []
    }

    func testTheLedgerNamesROASAndROIOnMarginAndALossIsNegative() {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            let console = ConsoleDriver(Self.workspace, size: size).press("6")
            let frame = console.frame
            let kpis = "Total cost 560.01 · ROAS 0.71× · ROI on margin -57.14% · direct revenue 400.05 · contribution margin -319.98"
            XCTAssertNotNil(frame.row(containing: String(kpis.prefix(size.width - 2))), console.dump)
            let header = frame.lines[frame.row(containing: "CREATOR")!]
            XCTAssertTrue(header.contains(" ROAS") && header.contains(" MARGIN ROI"), console.dump)
            // From 120 columns a row ends in its wave's sparkline; the returns come just before it.
            let trend = size.width >= RowTrends.minimumWidth ? 1 : 0
            XCTAssertEqual(Array(lastCells(frame, "@eve", 2 + trend).prefix(2)), ["0.20×", "-88.23%"], console.dump)
            XCTAssertEqual(Array(lastCells(frame, "@ana", 2 + trend).prefix(2)), ["6.00×", "260.00%"], console.dump)
            XCTAssertTrue(frame.lines[frame.row(containing: "@eve")!].contains(" -449.98 "), "the margin is negative\n" + console.dump)
        }
    }

    func testTheLeaderboardRanksByEitherReturnAndShowsBoth() {
        let console = ConsoleDriver(Self.workspace, size: Size(width: 120, height: 30)).press("5")
        console.press("s", "s")
        XCTAssertEqual(console.state.leaderboard.metric, .roas)
        XCTAssertNotNil(console.frame.row(containing: "ranked by ROAS"), console.dump)
        console.press("s")
        XCTAssertEqual(console.state.leaderboard.metric, .roi)
        let frame = console.frame
        XCTAssertNotNil(frame.row(containing: "ranked by ROI on margin"), console.dump)
        let ana = frame.row(containing: "@ana")!, eve = frame.row(containing: "@eve")!
        XCTAssertLessThan(ana, eve, "the profitable creator ranks first")
        XCTAssertEqual(lastCells(frame, "@eve", 5).prefix(3), ["-449.98", "0.20×", "-88.23%"], console.dump)
    }

    func testTheLedgerSortsByROASThenByROIOnMargin() {
        let console = ConsoleDriver(Self.workspace, size: Size(width: 120, height: 30)).press("6", "s", "s", "s")
        XCTAssertEqual(console.state.ledger.sort, .roas)
        XCTAssertEqual(console.state.message?.text, "sorted by ROAS")
        console.press("s")
        XCTAssertEqual(console.state.message?.text, "sorted by ROI on margin")
        XCTAssertLessThan(console.frame.row(containing: "@ana")!, console.frame.row(containing: "@eve")!)
    }

    func testTheWavesPaneShowsTheWavesReturnsUnderTheList() {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            let console = ConsoleDriver(Self.workspace, size: size).press("7")
            // At 80 columns the line wraps after the ROI; nothing of it is cut.
            XCTAssertNotNil(console.frame.row(containing: "Results    spent 560.01 · ROAS 0.71× · ROI on margin -57.14% · contribution"), console.dump)
            XCTAssertNotNil(console.frame.row(containing: "margin -319.98"), console.dump)
            XCTAssertEqual(console.frame.role(of: "spent 560.01"), .danger, "a wave that loses money says so")
        }
    }
}
