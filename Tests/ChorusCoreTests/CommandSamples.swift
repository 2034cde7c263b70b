import XCTest
@testable import ChorusCore

/// One valid example of every command, each applicable to the plain `ProgramFixture`.
/// The undo and journal tests run over all of them; `kind(of:)` makes a new command case a
/// compile error here until it gets a sample.
enum CommandSamples {
    static let f = ProgramFixture.self

    static var all: [Command] {
        let workspace = ProgramFixture.workspace
        var program = workspace.program
        program.settings.commissionHoldDays = 45
        // As frozen in the golden journals before programs had people (`setRoles` changes those).
        program.people = nil
        var summer = workspace.wave(f.summer)!
        summer.status = .closed
        var mila = workspace.creator(f.mila)!
        mila.handle = "mila.glows"
        var closedSummer = workspace.wave(f.summer)!
        closedSummer.status = .closed
        var restorePoint = RestorePoint()
        restorePoint.waves = [closedSummer]
        restorePoint.remove.orders = ["#1001", "#1002"]
        restorePoint.remove.trackingLinks = [workspace.trackingLinks[0]]

        return [
            .updateProgram(program),
            .createWave(Wave(id: "W3", name: "Autumn Glow", slug: "autumn-glow", status: .planning, startDate: Day("2026-09-01"),
                             endDate: nil, budget: eur("3000"), brief: Brief(requiredHashtags: ["LumenGlow"]),
                             incentivePlan: IncentivePlan(gifting: true, bonusTiers: [BonusTier(metric: .directOrders, threshold: 10, bonus: eur("50"))]))),
            .updateWave(summer),
            .addCreators([
                Creator(id: "CR-0005", handle: "yuki.t", name: "田中 ゆき", country: "JP",
                        profiles: [SocialProfile(platform: .tiktok, handle: "yuki.t", followers: 15_000)], engagementRate: 0.07),
                Creator(id: "CR-0006", handle: "ola.n", name: "Ola Nordmann", country: "NO", sources: [.crm]),
            ]),
            .updateCreator(mila),
            .enroll(creators: [f.mila, f.sakura], wave: f.summer, stage: .invited),
            .advanceStage(creators: [f.mila, f.lea], wave: f.spring),
            .revertStage(creators: [f.sakura], wave: f.spring),
            .exitPipeline(creators: [f.lea], wave: f.spring, stage: .declined, reason: "not into serums"),
            .promote(creators: [f.mila, f.jonas], wave: f.summer, change: IncentiveChange(commissionBasisPoints: 500)),
            .setDueDate(creators: [f.mila, f.sakura], wave: f.spring, change: .later(days: 7)),
            .draftMessages(kind: .brief, wave: f.spring, creators: [f.mila, f.sakura]),
            .markMessagesSent(kind: .brief, wave: f.spring, creators: [f.mila]),
            .createPayoutRun(PayoutRun(number: 2, createdOn: f.today,
                                       payments: [Payment(creatorID: f.mila, items: [PayoutItem(key: "fee W1", amount: 5_000)])])),
            .markPayoutRunPaid(number: 1, on: f.today),
            .reconcilePayoutRun(number: 1, results: [
                PaymentResult(creatorID: f.mila, outcome: PaymentOutcome(state: .returned, on: f.today, reason: "RETURNED")),
            ]),
            .setPayoutDetails([
                PayoutDetails(creatorID: f.mila, profile: PayoutProfile(method: .paypal, taxForm: .w8ben,
                                                                        taxFormReceived: f.today, taxCountry: "DE"),
                              payoutEmail: "mila.payouts@example.com"),
                PayoutDetails(creatorID: f.sakura, profile: nil),
            ]),
            .addSKUs([SKU(id: "SKU-BALM", name: "Lip Balm", unitCost: eur("3.10"), stockOnHand: 40),
                      SKU(id: "SKU-MASK", name: "Sheet Mask", unitCost: eur("1.80"), stockOnHand: 100)]),
            .adjustStock(sku: f.mist, delta: 24, reason: "delivery from supplier"),
            .importProducts([SKU(id: f.mist, name: "Face Mist - 100 ml", unitCost: eur("6.40"), stockOnHand: 30, category: "Toners",
                                 price: eur("19.00")),
                             SKU(id: "SKU-BALM", name: "Lip Balm", unitCost: eur("3.10"), stockOnHand: 40, price: eur("9.50"))]),
            .queueShipments([ShipmentRequest(creatorID: f.lea, waveID: f.spring, items: [ShipmentItem(sku: f.serum, quantity: 1)]),
                             ShipmentRequest(creatorID: f.sakura, waveID: f.spring, items: [ShipmentItem(sku: f.cream, quantity: 2)])]),
            .markPacked([f.queuedParcel]),
            .markShipped([ShipmentDispatch(shipmentID: f.queuedParcel, carrier: .ups, trackingNumber: "1Z999AA10123456784")]),
            .importTracking([ShipmentDispatch(shipmentID: f.queuedParcel, carrier: .royalMail, trackingNumber: "AB123456789GB")]),
            .markDelivered([f.shippedParcel]),
            .flagException(shipments: [f.shippedParcel], kind: .returned, note: "refused at the door"),
            .cancelShipments([f.queuedParcel]),
            .resolveException(f.returnedParcel, ExceptionResolution(next: .repack, note: "she sent her new address")),
            .editShipment(f.queuedParcel, items: [ShipmentItem(sku: f.cream, quantity: 2)], note: "swap the serum for cream"),
            .addSubmissions([f.draft("SUB-0006", caption: "#ad first look", submittedAt: "2026-03-12T07:00:00Z")]),
            .approve([f.compliantDraft]),
            .approveWithOverride(f.undisclosedDraft, reason: "disclosed by the platform label"),
            .requestChanges([f.compliantDraft, f.undisclosedDraft], note: "Please add #ad up front"),
            .reject([f.undisclosedDraft], reason: "off-brief"),
            .resubmit(f.draftAwaitingChanges, caption: "Glow time #ad #LumenGlow @lumenskin", onScreenText: "#ad"),
            .recordPost(f.approvedDraft, url: "https://instagram.com/p/abc", postedOn: f.today),
            .setUsageRights(asset: f.approvedAsset, rights: UsageRights(
                uses: [.whitelisting, .paidSocial], territory: .countries(["DE"]), start: f.today, end: f.today.adding(days: 180),
                exclusive: true, whitelistingAdCode: "IGAD-5521", whitelistingEnd: f.today.adding(days: 60), note: "signed 12 March")),
            .tagAssets([f.approvedAsset], add: ["hero"], remove: ["morning"]),
            .recordMetrics(asset: f.approvedAsset, metrics: AssetMetrics(views: 12_000, likes: 900, measuredOn: f.today)),
            .importMetrics([MetricsReading(asset: f.approvedAsset, metrics: AssetMetrics(views: 15_000, likes: 1_020, clicks: 88,
                                                                                        measuredOn: f.today.adding(days: 1)))]),
            .addDiscountCodes([DiscountCode(code: "SAKURA10", creatorID: f.sakura, waveID: f.spring, kind: .percent, value: 1_000,
                                            usageLimit: 50, validFrom: f.today, validUntil: Day("2026-04-30")),
                               DiscountCode(code: "SAKURA5", creatorID: f.sakura, waveID: nil, kind: .fixed, value: 500)]),
            .addTrackingLinks([TrackingLink(creatorID: f.sakura, waveID: f.spring, platform: .tiktok),
                               TrackingLink(creatorID: f.sakura, waveID: f.spring, platform: .instagram)]),
            .importOrders([
                Order(id: "#1001", email: "buyer1@example.com", financialStatus: "partially_refunded",
                      createdAt: Timestamp("2026-03-08 14:22:05 +0000")!, subtotal: eur("64.00"), refunded: eur("32.00"),
                      discountCodes: "MILA15", lines: [OrderLine(sku: "SKU-SERUM", name: "Glow Serum", quantity: 2, price: eur("32.00"))]),
                Order(id: "#1003", email: nil, financialStatus: "paid", createdAt: Timestamp("2026-03-11T18:03:44Z")!,
                      cancelledAt: nil, subtotal: eur("45.00"), refunded: eur("0"), source: "web", utmSource: "tiktok",
                      utmMedium: "creator", utmCampaign: "spring-glow", utmContent: "sakura_hibi"),
            ]),
            .importSurveyResponses([SurveyResponse(id: "SR-0002", orderID: "#1003", question: "How did you hear about us?",
                                                   response: "TikTok", other: "sakura", email: "c@example.com",
                                                   couponCode: nil, utmSource: "tiktok")]),
            .importRates([ExchangeRate(day: Day("2026-03-01")!, currency: .usd, rate: DecimalRate("0.9234")!),
                          ExchangeRate(day: Day("2026-03-02")!, currency: .usd, rate: DecimalRate("0.9251")!)]),
            .importCreators([mila, Creator(id: "CR-0007", handle: "zoe.muller", name: "Zoë Müller", linkSlug: "zoe")],
                            codes: [DiscountCode(code: "ZOE15", creatorID: "CR-0007", waveID: nil, kind: .percent, value: 1_500)]),
            .resolveSurveyAnswer(order: "#1002", creator: f.sakura, alias: "Sakura from TikTok"),
            .setRoles(person: "sam", roles: [.seeding]),
            .removePerson("e2e"),
            .allowActingAs(true),
            .restore(point: restorePoint, label: "closed Summer Scale"),
        ]
    }

    /// The name of a command's case; exhaustive, so every case must be listed.
    static func kind(of command: Command) -> String {
        switch command {
        case .updateProgram: "updateProgram"
        case .createWave: "createWave"
        case .updateWave: "updateWave"
        case .addCreators: "addCreators"
        case .updateCreator: "updateCreator"
        case .enroll: "enroll"
        case .advanceStage: "advanceStage"
        case .revertStage: "revertStage"
        case .exitPipeline: "exitPipeline"
        case .promote: "promote"
        case .setDueDate: "setDueDate"
        case .draftMessages: "draftMessages"
        case .markMessagesSent: "markMessagesSent"
        case .createPayoutRun: "createPayoutRun"
        case .markPayoutRunPaid: "markPayoutRunPaid"
        case .reconcilePayoutRun: "reconcilePayoutRun"
        case .setPayoutDetails: "setPayoutDetails"
        case .addSKUs: "addSKUs"
        case .adjustStock: "adjustStock"
        case .importProducts: "importProducts"
        case .queueShipments: "queueShipments"
        case .markPacked: "markPacked"
        case .markShipped: "markShipped"
        case .importTracking: "importTracking"
        case .markDelivered: "markDelivered"
        case .flagException: "flagException"
        case .cancelShipments: "cancelShipments"
        case .editShipment: "editShipment"
        case .resolveException: "resolveException"
        case .addSubmissions: "addSubmissions"
        case .approve: "approve"
        case .approveWithOverride: "approveWithOverride"
        case .requestChanges: "requestChanges"
        case .reject: "reject"
        case .resubmit: "resubmit"
        case .recordPost: "recordPost"
        case .setUsageRights: "setUsageRights"
        case .tagAssets: "tagAssets"
        case .recordMetrics: "recordMetrics"
        case .importMetrics: "importMetrics"
        case .addDiscountCodes: "addDiscountCodes"
        case .addTrackingLinks: "addTrackingLinks"
        case .importOrders: "importOrders"
        case .importSurveyResponses: "importSurveyResponses"
        case .importCreators: "importCreators"
        case .resolveSurveyAnswer: "resolveSurveyAnswer"
        case .importRates: "importRates"
        case .setRoles: "setRoles"
        case .removePerson: "removePerson"
        case .allowActingAs: "allowActingAs"
        case .restore: "restore"
        }
    }

    static let kindCount = 51
}
