@testable import ChorusCore

/// A program small enough to compute by hand, for the ledger and payout tests. Today is
/// 30 June 2026; the hold is 30 days, so commission on orders up to 31 May is payable.
///
/// - Spring (W1): gifting and 10 % commission. Ana completed it; Ben posted.
/// - Summer (W2): 150.00 flat fee, 30.00 store credit, 12 % commission, +50.00 at 3 direct
///   orders and +100.00 at 1000.00 direct revenue. Ben posted with his own plan (15 %,
///   200.00 fee, +75.00 at 2 orders); Cleo is active and has not posted, so no fee yet.
enum LedgerProgram {
    static let today = Day("2026-06-30")!
    static let spring: WaveID = "W1", summer: WaveID = "W2"
    static let ana: CreatorID = "CR-1", ben: CreatorID = "CR-2", cleo: CreatorID = "CR-3"

    static var workspace: Workspace {
        var program = Program(name: "Glow", brand: "Lumen", currency: .eur, landingURL: "https://lumen.example")
        program.settings.minimumPayoutMinorUnits = 2_500
        let spring = Wave(id: Self.spring, name: "Spring", slug: "spring", status: .closed, startDate: Day("2026-03-01"),
                          endDate: Day("2026-04-30"), budget: eur("2000.00"), brief: Brief(),
                          incentivePlan: IncentivePlan(gifting: true, commissionBasisPoints: 1_000))
        let summer = Wave(id: Self.summer, name: "Summer", slug: "summer", status: .live, startDate: Day("2026-05-01"),
                          endDate: Day("2026-08-31"), budget: eur("5000.00"), brief: Brief(),
                          incentivePlan: IncentivePlan(gifting: false, flatFee: eur("150.00"), storeCredit: eur("30.00"),
                                                       commissionBasisPoints: 1_200,
                                                       bonusTiers: [BonusTier(metric: .directOrders, threshold: 3, bonus: eur("50.00")),
                                                                    BonusTier(metric: .directRevenue, threshold: 100_000, bonus: eur("100.00"))]))
        let bensPlan = IncentivePlan(gifting: true, flatFee: eur("200.00"), commissionBasisPoints: 1_500,
                                     bonusTiers: [BonusTier(metric: .directOrders, threshold: 2, bonus: eur("75.00"))])
        let creators = [
            Creator(id: ana, handle: "ana.glows", name: "Ana Lima", email: "ana@example.com"),
            Creator(id: ben, handle: "=HYPERLINK(\"http://x\")", name: "Ben Okafor", email: "ben@example.com"),
            Creator(id: cleo, handle: "cleo.c", name: "Cleo Marchetti", email: "cleo@example.com"),
        ]
        let joined = Timestamp(day: Day("2026-03-01")!)
        let enrollments = [
            Enrollment(creatorID: ana, waveID: Self.spring, stage: .complete, stageChangedAt: joined),
            Enrollment(creatorID: ben, waveID: Self.spring, stage: .posted, stageChangedAt: joined),
            Enrollment(creatorID: ben, waveID: Self.summer, stage: .posted, stageChangedAt: joined, incentiveOverride: bensPlan),
            Enrollment(creatorID: cleo, waveID: Self.summer, stage: .active, stageChangedAt: joined),
        ]
        let codes = [
            DiscountCode(code: "ANA10", creatorID: ana, waveID: Self.spring, kind: .percent, value: 1_000),
            DiscountCode(code: "BEN-W1", creatorID: ben, waveID: Self.spring, kind: .percent, value: 1_000),
            DiscountCode(code: "BEN-W2", creatorID: ben, waveID: Self.summer, kind: .percent, value: 1_000),
            DiscountCode(code: "CLEO", creatorID: cleo, waveID: Self.summer, kind: .percent, value: 1_000),
        ]
        let orders = [
            order("#1", "2026-04-10", "100.05", code: "ANA10"),                   // commission 10.005 → 10.01
            order("#2", "2026-04-20", "80.00", refunded: "30.00", code: "ANA10"), // refunded after the hold
            order("#3", "2026-04-05", "200.00", code: "BEN-W1"),
            order("#4", "2026-06-20", "300.00", refunded: "100.00", code: "BEN-W2"), // refunded inside the hold
            order("#5", "2026-05-15", "150.00", code: "BEN-W2"),
            order("#6", "2026-06-25", "999.00", code: "BEN-W2", cancelled: true),
            order("#7", "2026-05-10", "600.00", code: "CLEO"),
            order("#8", "2026-06-01", "450.00", refunded: "50.00", code: "CLEO"), // 29 days old: held
            order("#9", "2026-05-31", "10.00", code: "CLEO"),                     // 30 days old: payable
            order("#10", "2026-06-10", "80.00"),                                  // the survey names Cleo
            order("#11", "2026-06-11", "50.00"),                                  // nobody's
        ]
        let survey = [SurveyResponse(id: "S1", orderID: "#10", response: "saw it on cleo.c's reel")]
        let shipments = [
            shipment("SH-1", ana, Self.spring, cost: "20.00", shipping: "5.50", .delivered),
            shipment("SH-2", ben, Self.spring, cost: "18.00", shipping: "4.00", .delivered),
            shipment("SH-3", ben, Self.summer, cost: "25.00", shipping: "6.25", .shipped),
            shipment("SH-4", cleo, Self.summer, cost: "25.00", shipping: "6.25", .cancelled),
            shipment("SH-5", cleo, Self.summer, cost: "25.00", shipping: nil, .queued),
        ]
        let assets = [
            asset("AS-1", ana, Self.spring, AssetMetrics(views: 5_000, likes: 100, comments: 10, shares: 5, saves: 5)),
            asset("AS-2", ana, Self.spring, AssetMetrics(views: 900, likes: 50)),
            asset("AS-3", ben, Self.summer, AssetMetrics(views: 8_000, likes: 300, comments: 20)),
        ]
        return Workspace(program: program, waves: [spring, summer], creators: creators, enrollments: enrollments,
                         shipments: shipments, assets: assets, discountCodes: codes, orders: orders, surveyResponses: survey)
    }

    static func ledger(_ workspace: Workspace = workspace, today: Day = today, wave: WaveID? = nil) -> Ledger {
        Ledger(workspace, attribution: Attribution.compute(workspace), today: today, wave: wave)
    }

    static func order(_ id: OrderID, _ day: String, _ subtotal: String, refunded: String = "0", code: String? = nil,
                      cancelled: Bool = false) -> Order {
        let at = Timestamp(day: Day(day)!, hour: 12)
        return Order(id: id, email: nil, financialStatus: "paid", createdAt: at, cancelledAt: cancelled ? at : nil,
                     subtotal: eur(subtotal), refunded: eur(refunded), discountCodes: code)
    }

    static func shipment(_ id: ShipmentID, _ creator: CreatorID, _ wave: WaveID, cost: String, shipping: String?,
                         _ status: ShipmentStatus) -> Shipment {
        Shipment(id: id, creatorID: creator, waveID: wave, items: [], status: status, productCost: eur(cost),
                 shippingCost: shipping.map(eur), createdAt: Timestamp(day: Day("2026-03-05")!))
    }

    static func asset(_ id: AssetID, _ creator: CreatorID, _ wave: WaveID, _ metrics: AssetMetrics) -> Asset {
        Asset(id: id, submissionID: nil, creatorID: creator, waveID: wave, platform: .instagram, kind: .video, caption: "", metrics: metrics)
    }
}
