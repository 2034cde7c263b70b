/// How much each signal counts in the fit score, set per program because each brand values
/// them differently: a brand with a loyalty club weighs its tiers, a new brand has no orders.
///
/// Weights are relative (they need not add up to 100): the score divides by their sum. The
/// caps are where a signal stops adding: `log(1 + x) / log(1 + cap)` reaches 1 at the cap, so
/// the first orders and the first thousands of followers count most.
public struct FitScoreWeights: Hashable, Sendable, Codable {
    public var orders: Double = 15
    public var spend: Double = 10
    public var recency: Double = 10
    public var categories: Double = 15
    public var loyalty: Double = 5
    public var engagement: Double = 25
    public var niche: Double = 10
    public var audience: Double = 10

    /// Orders at which the orders part is full.
    public var ordersCap: Int = 20
    /// Spend, in the currency's major units, at which the spend part is full.
    public var spendCap: Int = 2_000
    /// A last order this many days ago or longer scores no recency.
    public var recencyDays: Int = 365
    /// Engagement rate at which the engagement part is full (0.08 = 8 %).
    public var engagementCap: Double = 0.08
    /// Followers at which the audience part is full; beyond it reach adds nothing.
    public var audienceCap: Int = 100_000
    /// Loyalty tiers, lowest first; the highest scores the full loyalty part.
    public var loyaltyTiers: [String] = ["bronze", "silver", "gold", "platinum"]

    public init() {}

    /// An older program file, or a hand-edited one, may name only some weights; the rest
    /// keep their defaults instead of refusing to open the workspace.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = FitScoreWeights()
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        orders = try value(.orders, defaults.orders)
        spend = try value(.spend, defaults.spend)
        recency = try value(.recency, defaults.recency)
        categories = try value(.categories, defaults.categories)
        loyalty = try value(.loyalty, defaults.loyalty)
        engagement = try value(.engagement, defaults.engagement)
        niche = try value(.niche, defaults.niche)
        audience = try value(.audience, defaults.audience)
        ordersCap = try value(.ordersCap, defaults.ordersCap)
        spendCap = try value(.spendCap, defaults.spendCap)
        recencyDays = try value(.recencyDays, defaults.recencyDays)
        engagementCap = try value(.engagementCap, defaults.engagementCap)
        audienceCap = try value(.audienceCap, defaults.audienceCap)
        loyaltyTiers = try value(.loyaltyTiers, defaults.loyaltyTiers)
    }
}
