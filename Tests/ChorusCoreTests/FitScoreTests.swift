import XCTest
@testable import ChorusCore
@testable import ChorusGenerator

/// The fit score ranks prospects by signals, not follower count: the order below is argued
/// part by part with the default weights (orders 15, spend 10, recency 10, categories 15,
/// loyalty 5, engagement 25, niche 10, audience 10; they add up to 100, so parts are points).
final class FitScoreTests: XCTestCase {
    private static let today = Day("2026-03-12")!
    private static let serumsWave = FitContext(today: today, waveCategories: ["serums"], briefWords: ["serums", "skincare", "glow"])

    private static func customer(_ orders: Int, spent: Int64, last: String?, categories: [String] = [], tier: String? = nil) -> CustomerSignals {
        CustomerSignals(orders: orders, totalSpent: Money(minorUnits: spent, currency: .eur), lastOrder: last.flatMap { Day($0) },
                        categories: categories, loyaltyTier: tier, acceptsMarketing: true)
    }

    private static func creator(_ handle: String, followers: Int, engagement: Double, niches: [String], customer: CustomerSignals?) -> Creator {
        Creator(id: CreatorID("CR-\(handle)"), handle: handle, name: handle,
                profiles: [SocialProfile(platform: .instagram, handle: handle, followers: followers)],
                engagementRate: engagement, niches: niches, customer: customer)
    }

    /// Lena: 5 000 followers, 7 % engagement, a gold loyalty member who bought serums three
    /// weeks ago (12 orders, 600 €), skincare niche. Every part is high: orders 12.6, spend 8.4,
    /// recency 9.5, categories 15, loyalty 3.75, engagement 21.9, niche 10, audience 7.4 ≈ 89.
    private let lena = creator("lena", followers: 5_000, engagement: 0.07, niches: ["skincare"],
                               customer: customer(12, spent: 60_000, last: "2026-02-20", categories: ["serums"], tier: "gold"))
    /// Dev: 20 000 followers at 5 %, one 40 € order last month, travel niche, no serums:
    /// orders 3.4, spend 4.9, recency 9.2, engagement 15.6, audience 8.6 ≈ 42.
    private let dev = creator("dev", followers: 20_000, engagement: 0.05, niches: ["travel"],
                              customer: customer(1, spent: 4_000, last: "2026-02-10"))
    /// Carla: a loyal but quiet customer (8 orders, 300 €) whose last order is over a year old,
    /// 800 followers at 2 %: orders 10.8, spend 7.5, engagement 6.3, audience 5.8 ≈ 30.
    private let carla = creator("carla", followers: 800, engagement: 0.02, niches: ["books"],
                                customer: customer(8, spent: 30_000, last: "2025-03-01"))
    /// Max: a 90 000-follower stranger in the right niche at 1.2 %: niche 10, audience 9.9,
    /// engagement 3.75 ≈ 24. Reach alone cannot buy a place above the customers.
    private let max = creator("max", followers: 90_000, engagement: 0.012, niches: ["skincare"], customer: nil)

    private func ranked(_ creators: [Creator], _ context: FitContext) -> [String] {
        creators.sorted { FitScore($0, context: context).value > FitScore($1, context: context).value }.map(\.handle)
    }

    func testCustomersWithSignalsOutrankABigStranger() {
        XCTAssertEqual(ranked([max, carla, dev, lena], Self.serumsWave), ["lena", "dev", "carla", "max"])
        XCTAssertEqual(FitScore(lena, context: Self.serumsWave).value, 88.6, accuracy: 0.5)
        XCTAssertEqual(FitScore(max, context: Self.serumsWave).value, 23.7, accuracy: 0.5)
    }

    func testTheScoreAloneIsTheSumOfTheParts() {
        var negative = FitScoreWeights()
        negative.audience = -5
        for context in [Self.serumsWave, FitContext(), FitContext(weights: negative, today: Self.today, waveCategories: ["serums"])] {
            for creator in [lena, dev, carla, max] {
                XCTAssertEqual(FitScore.value(of: creator, context: context), FitScore(creator, context: context).value, accuracy: 1e-9,
                               creator.handle)
            }
        }
    }

    func testThePartsExplainTheScoreAndAddUpToIt() {
        let score = FitScore(lena, context: Self.serumsWave)
        XCTAssertEqual(score.parts.map(\.name), ["orders", "spend", "recency", "categories", "loyalty", "engagement", "niche", "audience"])
        XCTAssertEqual(score.parts.reduce(0) { $0 + $1.maximum }, 100, accuracy: 1e-9)
        XCTAssertEqual(score.parts.first { $0.name == "categories" }?.points ?? 0, 15, accuracy: 1e-9, "she bought the wave's serums")
    }

    func testWeightsAreAProgramSetting() {
        // A brand that only cares about reach gets what it asks for.
        var weights = FitScoreWeights()
        for path in [\FitScoreWeights.orders, \.spend, \.recency, \.categories, \.loyalty, \.engagement, \.niche] { weights[keyPath: path] = 0 }
        var reachOnly = Self.serumsWave
        reachOnly.weights = weights
        XCTAssertEqual(ranked([lena, max], reachOnly), ["max", "lena"])
    }

    func testCategoriesBoughtComeFromTheOrdersLineItems() throws {
        var workspace = ProgramFixture.workspace
        let wave = try XCTUnwrap(workspace.waves.first { !$0.brief.products.isEmpty })
        let sku = try XCTUnwrap(workspace.sku(wave.brief.products[0].sku))
        var skus = workspace.skus.rows
        let index = try XCTUnwrap(skus.firstIndex { $0.id == sku.id })
        skus[index].category = "serums"
        // A creator who is also a customer; her orders carry her email in other letter case.
        var buyer = lena
        buyer.customer?.categories = []
        buyer.email = "lena@example.com"
        workspace = Workspace(program: workspace.program, waves: workspace.waves.rows, creators: workspace.creators.rows + [buyer], skus: skus,
                              orders: [Order(id: "1001", email: "Lena@Example.com", financialStatus: "paid",
                                             createdAt: Timestamp("2026-03-01T10:00:00Z")!, subtotal: Money(minorUnits: 2_000, currency: .eur),
                                             refunded: .zero(.eur), lines: [OrderLine(sku: sku.id.rawValue, name: sku.name, quantity: 1,
                                                                                      price: Money(minorUnits: 2_000, currency: .eur))])])
        let context = FitContext(workspace: workspace, wave: wave, today: Self.today)
        XCTAssertEqual(FitScore(buyer, context: context).parts.first { $0.name == "categories" }?.points ?? 0, 15, accuracy: 1e-9)
    }

    /// What each creator bought, looked up by the bytes of every order's e-mail, is what
    /// lower-casing each e-mail and comparing it as text gives: in any letter case, composed or
    /// decomposed, with a Kelvin sign that is a "k" once lower-cased, a Greek question mark that
    /// is a ";", buyers who are no creator, and orders that do not count.
    func testCategoriesBoughtMatchLowerCasedEmailsComparedAsText() {
        var generator = SeededRandom(seed: 26)
        let spellings = ["lena@example.com", "Lena@Example.COM", "zo\u{EB}@example.de", "zoe\u{308}@example.de", "ZO\u{CB}@EXAMPLE.DE",
                         "\u{212A}im@example.com", "kim@example.com", "a\u{37E}b@example.com", "a;b@example.com", "\u{0130}lker@example.com",
                         "dev@example.com", "stranger@example.com", "\u{1F3D4}@example.com"]
        let categories = ["Serums", "masks", "lip care", nil]
        for _ in 0..<300 {
            let skus = (0..<6).map { SKU(id: SKUID("S\($0)"), name: "Product \($0)", unitCost: .zero(.eur), stockOnHand: 0,
                                         category: categories.randomElement(using: &generator)!) }
            let creators = (0..<Int.random(in: 0...6, using: &generator)).map { number in
                Creator(id: CreatorID("CR-\(number)"), handle: "creator\(number)", name: "Creator \(number)",
                        email: Bool.random(using: &generator) ? spellings.randomElement(using: &generator)! : nil)
            }
            let orders = (0..<Int.random(in: 0...40, using: &generator)).map { number in
                Order(id: OrderID("#\(number)"), email: Int.random(in: 0..<8, using: &generator) == 0 ? nil : spellings.randomElement(using: &generator)!,
                      financialStatus: ["paid", "voided", "partially_refunded", "pending"].randomElement(using: &generator)!,
                      createdAt: Timestamp("2026-03-01T10:00:00Z")!, subtotal: Money(minorUnits: 100, currency: .eur), refunded: .zero(.eur),
                      lines: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                          let sku = Int.random(in: 0...6, using: &generator)
                          return OrderLine(sku: sku == 6 ? nil : "S\(sku)", name: "Product \(sku)", quantity: 1, price: Money(minorUnits: 100, currency: .eur))
                      })
            }
            let workspace = Workspace(program: ProgramFixture.workspace.program, creators: creators, skus: skus, orders: orders)
            XCTAssertEqual(FitContext.categoriesBought(in: workspace), plainCategoriesBought(in: workspace),
                           "creators \(creators.map(\.email)), orders \(orders.map { ($0.email, $0.counts, $0.lines.map(\.sku)) })")
        }
    }

    /// Every counted order's e-mail lower-cased and compared as text with the creators'.
    private func plainCategoriesBought(in workspace: Workspace) -> [String: Set<String>] {
        let creatorEmails = Set(workspace.creators.compactMap { $0.email?.lowercased() })
        var bought: [String: Set<String>] = [:]
        for order in workspace.orders where order.counts {
            guard let email = order.email?.lowercased(), let creatorEmail = creatorEmails.first(where: { $0 == email }) else { continue }
            for line in order.lines {
                if let category = line.sku.flatMap({ workspace.sku(SKUID($0))?.category }) { bought[creatorEmail, default: []].insert(category.lowercased()) }
            }
        }
        return bought
    }
}
