import ChorusConcurrency
import Foundation

/// How well a creator fits a program, 0–100, from the signals that predict good seeded
/// content rather than from follower count: the best micro-creators are already customers.
///
/// Each part is a fraction from 0 to 1 times its weight (`FitScoreWeights`, a program
/// setting); the score is the sum of the parts divided by the sum of the weights, × 100.
///
/// ```
/// orders      log(1 + orders) / log(1 + ordersCap)             diminishing
/// spend       log(1 + spent)  / log(1 + spendCap)              major units, diminishing
/// recency     1 − days since last order / recencyDays          0 without orders
/// categories  share of the wave's product categories bought    from tags and order lines
/// loyalty     (position + 1) / count in loyaltyTiers           0 when unknown
/// engagement  engagement rate / engagementCap                  capped at 1
/// niche       share of the creator's niches the brief names    categories, hashtags, messages
/// audience    log(1 + followers) / log(1 + audienceCap)        diminishing
/// ```
/// Because audience is one diminishing part among eight, a 5 000-follower customer with high
/// engagement outranks a 90 000-follower stranger.
public struct FitScore: Hashable, Sendable {
    /// One signal's share of the score, kept so the detail view can show why.
    public struct Part: Hashable, Sendable {
        public var name: String
        /// Points this part adds to the 0–100 score.
        public var points: Double
        /// The most it could add with these weights.
        public var maximum: Double
    }

    public private(set) var parts: [Part] = []

    /// The score, 0–100.
    public var value: Double { parts.reduce(0) { $0 + $1.points } }

    /// The parts' names, in the order of `fractions`.
    private static let partNames = ["orders", "spend", "recency", "categories", "loyalty", "engagement", "niche", "audience"]

    public init(_ creator: Creator, context: FitContext = FitContext()) {
        let weights = context.weightVector
        let total = weights.sum()
        guard total > 0 else { return }
        let fractions = Self.fractions(creator, context: context)
        parts = Self.partNames.indices.map { index in
            let maximum = 100 * weights[index] / total
            return Part(name: Self.partNames[index], points: maximum * fractions[index], maximum: maximum)
        }
    }

    /// The score alone, as `FitScore(creator, context:).value` gives it, without building the
    /// parts: the Pipeline scores 100 000 creators whenever they or their orders change.
    public static func value(of creator: Creator, context: FitContext) -> Double {
        let weights = context.weightVector
        let total = weights.sum()
        guard total > 0 else { return 0 }
        return (100 * weights / total * fractions(creator, context: context)).sum()
    }

    /// Each signal as a fraction from 0 to 1, in `partNames` order; allocates nothing for a
    /// creator without customer data.
    private static func fractions(_ creator: Creator, context: FitContext) -> SIMD8<Double> {
        let weights = context.weights
        let customer = creator.customer
        let fractions = SIMD8<Double>(
            diminishing(Double(customer?.orders ?? 0), cap: Double(weights.ordersCap)),
            diminishing(customer.map(majorUnits) ?? 0, cap: Double(weights.spendCap)),
            recency(customer?.lastOrder, today: context.today, days: weights.recencyDays),
            context.categoriesMatched(by: creator),
            loyalty(customer?.loyaltyTier, tiers: context.loyaltyTiers),
            weights.engagementCap > 0 ? min(1, max(0, creator.engagementRate) / weights.engagementCap) : 0,
            context.nicheMatch(creator.niches),
            diminishing(Double(creator.followers), cap: Double(weights.audienceCap)))
        return fractions.clamped(lowerBound: .zero, upperBound: .one)
    }

    private static func diminishing(_ amount: Double, cap: Double) -> Double {
        guard amount > 0, cap > 0 else { return 0 }
        return min(1, log1p(amount) / log1p(cap))
    }

    private static func majorUnits(_ customer: CustomerSignals) -> Double {
        Double(customer.totalSpent.minorUnits) / pow(10, Double(customer.totalSpent.currency.minorDigits))
    }

    private static func recency(_ lastOrder: Day?, today: Day?, days: Int) -> Double {
        guard let lastOrder, let today, days > 0 else { return 0 }
        return max(0, 1 - Double(max(0, lastOrder.days(until: today))) / Double(days))
    }

    /// `tiers` lower-cased.
    private static func loyalty(_ tier: String?, tiers: [String]) -> Double {
        guard let tier, !tiers.isEmpty, let position = tiers.firstIndex(of: tier.lowercased()) else { return 0 }
        return Double(position + 1) / Double(tiers.count)
    }
}

/// What a score is measured against: the program's weights, and the wave whose products and
/// brief a creator should match. Built once per ranking, since it indexes the orders.
public struct FitContext: Sendable {
    public var weights: FitScoreWeights {
        didSet { (weightVector, loyaltyTiers) = Self.derived(from: weights) }
    }
    public var today: Day?
    /// Categories of the wave's products (lower-cased); empty without a wave.
    public var waveCategories: Set<String>
    /// Words the brief uses (lower-cased): product categories, hashtags, key-message words.
    public var briefWords: Set<String>
    /// Categories each customer's orders bought, by lower-cased email.
    public var categoriesByEmail: [String: Set<String>]

    /// The weights as the score uses them (negative ones count as 0), and the loyalty tiers
    /// lower-cased: worked out once per ranking rather than once per creator.
    private(set) var weightVector: SIMD8<Double>
    private(set) var loyaltyTiers: [String]

    private static func derived(from weights: FitScoreWeights) -> (SIMD8<Double>, [String]) {
        let raw = SIMD8(weights.orders, weights.spend, weights.recency, weights.categories, weights.loyalty,
                        weights.engagement, weights.niche, weights.audience)
        return (raw.replacing(with: 0, where: raw .< 0), weights.loyaltyTiers.map { $0.lowercased() })
    }

    public init(weights: FitScoreWeights = FitScoreWeights(), today: Day? = nil, waveCategories: Set<String> = [],
                briefWords: Set<String> = [], categoriesByEmail: [String: Set<String>] = [:]) {
        (weightVector, loyaltyTiers) = Self.derived(from: weights)
        self.weights = weights
        self.today = today
        self.waveCategories = waveCategories
        self.briefWords = briefWords
        self.categoriesByEmail = categoriesByEmail
    }

    /// The context for ranking creators for `wave` (or for the program, without one).
    public init(workspace: Workspace, wave: Wave?, today: Day?) {
        self.init(workspace: workspace, waves: wave.map { [$0] } ?? [], today: today)
    }

    /// The context for ranking creators for any of `waves`: their products and briefs together.
    /// `categoriesByEmail` may be passed when already indexed (it reads every order).
    public init(workspace: Workspace, waves: [Wave], today: Day?, categoriesByEmail: [String: Set<String>]? = nil) {
        var categories: Set<String> = []
        var words: Set<String> = []
        for brief in waves.map(\.brief) {
            for product in brief.products {
                if let category = workspace.sku(product.sku)?.category?.lowercased() { categories.insert(category) }
            }
            words.formUnion(categories)
            for tag in brief.requiredHashtags { words.insert(tag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#"))) }
            for message in brief.keyMessages {
                words.formUnion(message.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            }
        }
        self.init(weights: workspace.program.settings.fitScore, today: today, waveCategories: categories,
                  briefWords: words, categoriesByEmail: categoriesByEmail ?? Self.categoriesBought(in: workspace))
    }

    /// The product categories each creator's counted orders bought, by the creator's
    /// lower-cased email, from the orders' line items and the SKUs' categories.
    ///
    /// It reads every order (a million in a big program), so it only looks up each order's
    /// email among the creators' (most buyers are not creators), keeps categories as bits,
    /// and splits the orders between two cores. Building a set per buyer took seconds.
    public static func categoriesBought(in workspace: Workspace) -> [String: Set<String>] {
        guard !workspace.orders.isEmpty else { return [:] }
        var categories: [String] = []
        var bitOfSKU: [String: UInt64] = [:]
        for sku in workspace.skus {
            guard let category = sku.category?.lowercased() else { continue }
            if !categories.contains(category), categories.count < 64 { categories.append(category) }
            if let index = categories.firstIndex(of: category) { bitOfSKU[sku.id.rawValue] = 1 << UInt64(index) }
        }
        let creatorEmails = CreatorEmailSlots(workspace.creators.lazy.compactMap(\.email))
        guard !bitOfSKU.isEmpty, !creatorEmails.emails.isEmpty else { return [:] }
        let orders = workspace.orders
        let pieces = Parallel.pieceCount(for: orders.count, minimumSize: 100_000)
        let masks = Parallel.map(pieces) { piece in
            var bought = [UInt64](repeating: 0, count: creatorEmails.emails.count)
            // Fields read in place: copying each whole order (a dozen references) cost more
            // than everything else here.
            orders.withUnsafeBufferPointer { orders in
                for index in (orders.count * piece / pieces)..<(orders.count * (piece + 1) / pieces) {
                    guard orders[index].counts, let slot = creatorEmails.slot(of: orders[index].packedEmail) else { continue }
                    for line in orders[index].lines { if let sku = line.sku, let bit = bitOfSKU[sku] { bought[slot] |= bit } }
                }
            }
            return bought
        }
        var byEmail: [String: Set<String>] = [:]
        for (slot, email) in creatorEmails.emails.enumerated() {
            let mask = masks.reduce(UInt64(0)) { $0 | $1[slot] }
            guard mask != 0 else { continue }
            byEmail[email] = Set(categories.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { categories[$0] })
        }
        return byEmail
    }

    /// Text lower-cased, without allocating when it already is (most emails and categories are).
    static func folded(_ text: String) -> String {
        text.utf8.contains { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ? text.lowercased() : text
    }

    /// Share of the wave's product categories the creator bought: from the customer's store
    /// tags and from the lines of their orders (0 without a wave's categories).
    func categoriesMatched(by creator: Creator) -> Double {
        guard !waveCategories.isEmpty else { return 0 }
        // Counted without building a set or a lower-cased copy per creator: a million
        // creators are scored before the first frame (with no orders read yet, so the email
        // lookup is skipped then).
        // |wave ∩ (tags ∪ ordered)| as |wave ∩ ordered| plus the tags in the wave not ordered,
        // each counted once: a lookup per tag (a customer has one or two) instead of a
        // comparison per wave category.
        let tagged = creator.customer?.categories ?? []
        let ordered = categoriesByEmail.isEmpty ? [] : creator.email.flatMap { categoriesByEmail[Self.folded($0)] } ?? []
        var matched = ordered.reduce(0) { $0 + (waveCategories.contains($1) ? 1 : 0) }
        for index in tagged.indices {
            let tag = Self.folded(tagged[index])
            if waveCategories.contains(tag), !ordered.contains(tag), !tagged[..<index].contains(where: { Self.folded($0) == tag }) { matched += 1 }
        }
        return Double(matched) / Double(waveCategories.count)
    }

    /// Share of the creator's niches that the brief names (0 without a brief).
    func nicheMatch(_ niches: [String]) -> Double {
        guard !niches.isEmpty, !briefWords.isEmpty else { return 0 }
        return Double(niches.reduce(0) { $0 + (briefWords.contains(Self.folded($1)) ? 1 : 0) }) / Double(niches.count)
    }
}
