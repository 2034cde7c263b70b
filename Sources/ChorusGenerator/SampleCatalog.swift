import ChorusCore

/// The sample brand: a coastal skincare label selling in euros, its products, and its three
/// waves. Wave 1 (closed) tested gifting only, Wave 2 (live) adds commission and a bonus,
/// Wave 3 (planning) pays a flat fee plus commission: the "test, learn, scale" arc the
/// product is built around.
enum SampleCatalog {
    static let currency = Currency.eur
    static let brandHandle = "@kelpieskin"
    static let landingURL = "https://kelpieskin.eu/collections/bestsellers"

    static func program() -> Program {
        Program(name: "Kelpie Creators", brand: "Kelpie Skin", currency: currency, landingURL: landingURL)
    }

    /// A product with the retail price orders use; the domain's SKU keeps only the cost.
    struct Product {
        let id: SKUID
        let name: String
        let unitCost: Int64
        let price: Int64
        let category: String
    }

    static let products: [Product] = [
        Product(id: "KS-CLN-150", name: "Tidal Gel Cleanser 150 ml", unitCost: 420, price: 2_400, category: "cleansers"),
        Product(id: "KS-SER-030", name: "Kelp Barrier Serum 30 ml", unitCost: 690, price: 3_900, category: "serums"),
        Product(id: "KS-MOI-050", name: "Sea Fennel Moisturiser 50 ml", unitCost: 610, price: 3_400, category: "moisturisers"),
        Product(id: "KS-SPF-050", name: "Mineral Sun Fluid SPF 50", unitCost: 580, price: 2_900, category: "suncare"),
        Product(id: "KS-LIP-010", name: "Algae Lip Balm", unitCost: 140, price: 900, category: "lips"),
        Product(id: "KS-OIL-100", name: "Salt Spray Body Oil 100 ml", unitCost: 520, price: 3_200, category: "body"),
        Product(id: "KS-MSK-075", name: "Night Repair Mask 75 ml", unitCost: 650, price: 3_600, category: "masks"),
        Product(id: "KS-KIT-TRV", name: "Travel Ritual Kit", unitCost: 880, price: 4_500, category: "sets"),
        Product(id: "KS-SET-MIN", name: "Discovery Set (5 minis)", unitCost: 450, price: 1_900, category: "sets"),
        Product(id: "KS-ACC-CLO", name: "Bamboo Face Cloth", unitCost: 90, price: 700, category: "accessories"),
        Product(id: "KS-EYE-015", name: "Eye Revive Gel 15 ml", unitCost: 510, price: 2_800, category: "serums"),
        Product(id: "KS-BOX-WIN", name: "Gift Box – Winter Edition", unitCost: 1_250, price: 6_500, category: "sets"),
    ]

    static let bannedWords = ["miracle", "cures", "heals", "medical grade", "anti-aging guaranteed"]

    static func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: currency) }

    /// The three waves, dated around `today`.
    static func waves(today: Day) -> [Wave] {
        let start1 = today.adding(days: -150), start2 = today.adding(days: -45), start3 = today.adding(days: 40)
        let wave1 = Wave(
            id: "W1", name: "Wave 1 — Spring test", slug: "wave-1", status: .closed,
            startDate: start1, endDate: today.adding(days: -60), budget: money(400_000),
            brief: Brief(
                products: [BriefProduct(sku: "KS-CLN-150", quantity: 1), BriefProduct(sku: "KS-SER-030", quantity: 1)],
                keyMessages: ["Calms skin in 14 days", "Made with North Atlantic kelp", "Fragrance-free"],
                requiredHashtags: ["#KelpieGlow"], requiredMentions: [brandHandle], bannedWords: bannedWords,
                deliverables: [
                    Deliverable(id: "W1-REEL", platform: .instagram, format: .reel, dueDate: start1.adding(days: 35),
                                rights: RightsTemplate(uses: [.organicRepost, .paidSocial, .website], territory: .worldwide, durationDays: 120)),
                    Deliverable(id: "W1-TIKTOK", platform: .tiktok, format: .video, dueDate: start1.adding(days: 40),
                                rights: RightsTemplate(uses: [.organicRepost], territory: .countries(["DE", "FR", "GB", "NL"]), durationDays: 90)),
                ]),
            incentivePlan: IncentivePlan(gifting: true))
        let wave2 = Wave(
            id: "W2", name: "Wave 2 — Summer SPF", slug: "wave-2", status: .live,
            startDate: start2, endDate: today.adding(days: 30), budget: money(1_200_000),
            brief: Brief(
                products: [BriefProduct(sku: "KS-SPF-050", quantity: 1), BriefProduct(sku: "KS-OIL-100", quantity: 1),
                           BriefProduct(sku: "KS-LIP-010", quantity: 2)],
                keyMessages: ["Mineral SPF 50 with no white cast", "Reef-considerate formula", "Travel-size friendly"],
                requiredHashtags: ["#KelpieGlow", "#SunSmartKelpie"], requiredMentions: [brandHandle], bannedWords: bannedWords,
                deliverables: [
                    Deliverable(id: "W2-REEL", platform: .instagram, format: .reel, dueDate: start2.adding(days: 40),
                                rights: RightsTemplate(uses: [.organicRepost, .paidSocial, .website, .email],
                                                       territory: .countries(["DE", "AT", "CH", "US"]), durationDays: 180)),
                    Deliverable(id: "W2-STORY", platform: .instagram, format: .story, dueDate: start2.adding(days: 45),
                                rights: RightsTemplate(uses: [.organicRepost], territory: .worldwide, durationDays: 30)),
                    Deliverable(id: "W2-TIKTOK", platform: .tiktok, format: .video, dueDate: start2.adding(days: 50),
                                rights: RightsTemplate(uses: [.organicRepost, .paidSocial], territory: .countries(["DE", "FR", "ES", "IT", "NL"]),
                                                       durationDays: 180, exclusive: true)),
                ]),
            incentivePlan: IncentivePlan(gifting: true, commissionBasisPoints: 1_000,
                                         bonusTiers: [BonusTier(metric: .directOrders, threshold: 25, bonus: money(10_000))]))
        let wave3 = Wave(
            id: "W3", name: "Wave 3 — Autumn repair", slug: "wave-3", status: .planning,
            startDate: start3, endDate: today.adding(days: 130), budget: money(2_500_000),
            brief: Brief(
                products: [BriefProduct(sku: "KS-MSK-075", quantity: 1), BriefProduct(sku: "KS-EYE-015", quantity: 1)],
                keyMessages: ["Overnight repair for wind-worn skin", "Ceramides plus sea fennel"],
                requiredHashtags: ["#KelpieGlow", "#KelpieNightShift"], requiredMentions: [brandHandle], bannedWords: bannedWords,
                deliverables: [
                    Deliverable(id: "W3-CAROUSEL", platform: .instagram, format: .carousel, dueDate: start3.adding(days: 30),
                                rights: RightsTemplate(uses: [.organicRepost, .paidSocial, .website], territory: .worldwide, durationDays: 365)),
                    Deliverable(id: "W3-YOUTUBE", platform: .youtube, format: .short, dueDate: start3.adding(days: 45),
                                rights: RightsTemplate(uses: [.organicRepost, .paidSocial], territory: .worldwide, durationDays: 365)),
                ]),
            incentivePlan: IncentivePlan(gifting: false, flatFee: money(15_000), commissionBasisPoints: 1_200))
        return [wave1, wave2, wave3]
    }
}
