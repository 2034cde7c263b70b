import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// Small hand-built workspaces and folder helpers shared by the store's workflow tests.
enum StoreFixtures {
    static let march12 = Timestamp(day: Day(year: 2026, month: 3, day: 12)!, hour: 9, minute: 14, second: 2)

    static func context(_ minutes: Int = 0, actor: String = "ana") -> CommandContext {
        CommandContext(now: march12.adding(seconds: Int64(minutes * 60)), actor: actor)
    }

    static func eur(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .eur) }

    static var program: Program {
        Program(name: "Glow Always-On", brand: "Glow", currency: .eur, landingURL: "https://glow.example/shop?ref=creators")
    }

    static var serum: SKU { SKU(id: "SKU-SERUM", name: "Serum 30 ml", unitCost: eur(850), stockOnHand: 40, category: "skincare") }

    static var wave1: Wave {
        Wave(id: "W1", name: "Wave 1", slug: "wave-1", status: .live, startDate: Day(year: 2026, month: 3, day: 1),
             endDate: Day(year: 2026, month: 4, day: 30), budget: eur(500_000),
             brief: Brief(products: [BriefProduct(sku: "SKU-SERUM", quantity: 1)], keyMessages: ["glow, not \"shine\""],
                          requiredHashtags: ["#gifted"], requiredMentions: ["@glow"], bannedWords: ["cure"],
                          deliverables: [Deliverable(id: "D1", platform: .instagram, format: .reel, dueDate: Day(year: 2026, month: 4, day: 1),
                                                     rights: RightsTemplate(uses: [.organicRepost, .paidSocial], territory: .countries(["FR", "DE"]), durationDays: 90))]),
             incentivePlan: IncentivePlan(gifting: true, flatFee: eur(5_000), commissionBasisPoints: 1_000,
                                          bonusTiers: [BonusTier(metric: .directOrders, threshold: 10, bonus: eur(2_500))]))
    }

    /// Creators whose text exercises the reader: quotes, backslashes, control characters,
    /// non-ASCII, emoji (astral plane) and RTL text.
    static var creators: [Creator] {
        [
            Creator(id: "CR-00001", handle: "ana.glow", name: "Ana \"Glow\" Martín", email: "ana@example.com", country: "ES",
                    profiles: [SocialProfile(platform: .instagram, handle: "ana.glow", followers: 8_400),
                               SocialProfile(platform: .tiktok, handle: "anaglow", followers: 12_050)],
                    engagementRate: 0.0457, niches: ["skincare", "vegan"],
                    address: PostalAddress(line1: "Calle Mayor 1", line2: "3º izq.", city: "Madrid", region: nil, postalCode: "28013", country: "ES"),
                    sources: [.customerList, .loyalty],
                    customer: CustomerSignals(orders: 7, totalSpent: eur(41_990), firstOrder: Day(year: 2024, month: 11, day: 2),
                                              lastOrder: Day(year: 2026, month: 2, day: 27), categories: ["skincare"], loyaltyTier: "gold",
                                              acceptsMarketing: true),
                    linkSlug: "ana", note: "loves the serum\nsecond line\twith tab \\ and / slash"),
            Creator(id: "CR-00002", handle: "kenji_😀", name: "健二 🎌 \u{202E}evil", email: nil, country: "JP",
                    profiles: [SocialProfile(platform: .youtube, handle: "kenji", followers: 95_000)], engagementRate: 1e-05,
                    customer: CustomerSignals(orders: 1, totalSpent: Money(minorUnits: 12_000, currency: Currency("JPY")), acceptsMarketing: false)),
            Creator(id: "CR-00003", handle: "bare", name: "", engagementRate: 0),
        ]
    }

    static var orders: [Order] {
        [
            Order(id: "#1001", email: "buyer@example.com", financialStatus: "paid", createdAt: march12, subtotal: eur(4_599), refunded: eur(0),
                  discountCodes: "ANA15", source: "web", utmSource: "instagram", utmMedium: "creator", utmCampaign: "wave-1", utmContent: "ana",
                  lines: [OrderLine(sku: "SKU-SERUM", name: "Serum 30 ml", quantity: 1, price: eur(2_999)),
                          OrderLine(sku: nil, name: "Gift wrap", quantity: 2, price: eur(800))]),
            Order(id: "#1002", email: nil, financialStatus: "refunded", createdAt: march12.adding(days: 1), cancelledAt: march12.adding(days: 2),
                  subtotal: Money(minorUnits: 1_500, currency: .usd), refunded: Money(minorUnits: -20, currency: .usd)),
        ]
    }

    /// A night's big import: `count` plain orders numbered from `first`, enough to be staged.
    static func nightsOrders(_ count: Int = 3_000, first: Int = 510_001) -> [Order] {
        (first..<(first + count)).map { number in
            Order(id: OrderID("#\(number)"), email: "night\(number)@example.com", financialStatus: "paid",
                  createdAt: march12, subtotal: eur(Int64(number % 10_000)), refunded: eur(0))
        }
    }

    /// A workspace with every collection populated.
    static var richWorkspace: Workspace {
        let creators = creators
        return Workspace(
            program: program, waves: [wave1], creators: creators,
            enrollments: [Enrollment(creatorID: "CR-00001", waveID: "W1", stage: .seeded, stageChangedAt: march12),
                          Enrollment(creatorID: "CR-00002", waveID: "W1", stage: .declined, stageChangedAt: march12, exitReason: "busy",
                                     incentiveOverride: IncentivePlan(gifting: false, flatFee: eur(9_900), storeCredit: Money(minorUnits: 5, currency: .gbp),
                                                                      commissionBasisPoints: nil, bonusTiers: [BonusTier(metric: .directRevenue, threshold: 100_000, bonus: eur(1))]))],
            skus: [serum],
            shipments: [Shipment(id: "SH-0001", creatorID: "CR-00001", waveID: "W1", items: [ShipmentItem(sku: "SKU-SERUM", quantity: 1)],
                                 status: .shipped, carrier: .dhl, trackingNumber: "1234567890", productCost: eur(850), createdAt: march12,
                                 shippedAt: march12.adding(days: 1))],
            submissions: [Submission(id: "SUB-0001", creatorID: "CR-00001", waveID: "W1", deliverableID: "D1", platform: .instagram, format: .reel,
                                     caption: "My glow routine #gifted @glow", submittedAt: march12,
                                     reviews: [Review(action: .changesRequested, reviewer: "ana", at: march12, round: 1, note: "add #ad")])],
            assets: [Asset(id: "AS-0001", submissionID: "SUB-0001", creatorID: "CR-00001", waveID: "W1", platform: .instagram, kind: .video,
                           caption: "glow", metrics: AssetMetrics(views: 1_000, likes: 80), tags: ["hero"],
                           rights: UsageRights(uses: [.paidSocial], territory: .worldwide, start: Day(year: 2026, month: 3, day: 1)!,
                                               end: Day(year: 2026, month: 6, day: 1)!))],
            discountCodes: [DiscountCode(code: "ANA15", creatorID: "CR-00001", waveID: "W1", kind: .percent, value: 1_500)],
            trackingLinks: [TrackingLink(creatorID: "CR-00001", waveID: "W1", platform: .instagram)],
            orders: orders,
            surveyResponses: [SurveyResponse(id: "SR-1", orderID: "#1001", question: "How did you hear about us?", response: "Instagram",
                                             other: "@ana.glow's reel", email: "buyer@example.com")])
    }

    /// A fresh, empty folder path (not yet created) under the temporary directory.
    /// The attribution files kept in `folder`: the decisions, or (`answers`) the answers about
    /// ambiguous orders kept beside them, sorted.
    static func keptAttributionFiles(in folder: String, answers: Bool = false) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix("attribution-") && $0.hasSuffix(".answers.json") == answers }.sorted()
    }

    static func temporaryFolder(_ name: String = #function) -> String {
        let base = NSTemporaryDirectory() + "chorus-store-tests-\(getpid())"
        mkdir(base, 0o700)
        let cleaned = name.filter { $0.isLetter || $0.isNumber }
        return base + "/" + cleaned + "-" + UUID().uuidString.prefix(8)
    }

    /// Every file in `folder` with its bytes, to prove a failed operation changed nothing.
    static func contents(of folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name != "lock" {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return result
    }

    static func file(_ collection: String, in folder: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        guard let name = names.filter({ $0.hasPrefix(collection + "-") && $0.hasSuffix(".json") }).sorted().last else {
            throw StoreError(.notAWorkspace, "no \(collection) file in \(folder)")
        }
        return folder + "/" + name
    }

    /// The journal segment appended to, as the manifest lists it (`journal.jsonl` until the
    /// first compaction rolls the journal to `journal-<first>.jsonl`).
    static func activeJournal(in folder: String) throws -> String {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/chorus.json"))) as? [String: Any]
        let segments = manifest?["segments"] as? [[String: Any]]
        return folder + "/" + ((segments?.last?["file"] as? String) ?? "journal.jsonl")
    }

    /// Empties the journal of a workspace whose snapshot holds nothing since: undoes a probe run.
    static func removeJournalEntries(in folder: String) throws {
        try Data().write(to: URL(fileURLWithPath: folder + "/journal.jsonl"))
    }

    static func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }
}

/// Asserts that `body` throws a `StoreError` and returns it for further checks.
func assertStoreError(_ body: @autoclosure () throws -> some Any, file: StaticString = #filePath, line: UInt = #line) -> StoreError? {
    do {
        _ = try body()
        XCTFail("expected a StoreError", file: file, line: line)
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        XCTFail("expected a StoreError, got \(error)", file: file, line: line)
        return nil
    }
}
