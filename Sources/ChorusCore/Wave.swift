/// One round of seeding in a program. Waves are the unit of "test, learn, scale": the next
/// wave copies the last one's brief and raises incentives for the winners.
public struct Wave: Hashable, Sendable, Codable, Identifiable {
    public var id: WaveID
    public var name: String
    /// Used as `utm_campaign` in tracking links.
    public var slug: String
    public var status: WaveStatus
    public var startDate: Day?
    public var endDate: Day?
    public var budget: Money
    public var brief: Brief
    public var incentivePlan: IncentivePlan

    public init(id: WaveID, name: String, slug: String, status: WaveStatus, startDate: Day?, endDate: Day?,
                budget: Money, brief: Brief, incentivePlan: IncentivePlan) {
        self.id = id
        self.name = name
        self.slug = slug
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
        self.budget = budget
        self.brief = brief
        self.incentivePlan = incentivePlan
    }
}

public enum WaveStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case planning, recruiting, live, wrapUp, closed

    public var label: String {
        switch self {
        case .planning: "planning"
        case .recruiting: "recruiting"
        case .live: "live"
        case .wrapUp: "wrap-up"
        case .closed: "closed"
        }
    }
}

/// What creators in a wave are asked to do and what their content must (and must not) say.
/// The compliance checks of the approval inbox are computed from it.
public struct Brief: Hashable, Sendable, Codable {
    public var products: [BriefProduct]
    public var keyMessages: [String]
    public var requiredHashtags: [String]
    public var requiredMentions: [String]
    public var bannedWords: [String]
    public var deliverables: [Deliverable]

    public init(products: [BriefProduct] = [], keyMessages: [String] = [], requiredHashtags: [String] = [],
                requiredMentions: [String] = [], bannedWords: [String] = [], deliverables: [Deliverable] = []) {
        self.products = products
        self.keyMessages = keyMessages
        self.requiredHashtags = requiredHashtags
        self.requiredMentions = requiredMentions
        self.bannedWords = bannedWords
        self.deliverables = deliverables
    }
}

public struct BriefProduct: Hashable, Sendable, Codable {
    public var sku: SKUID
    public var quantity: Int
    public init(sku: SKUID, quantity: Int) { self.sku = sku; self.quantity = quantity }
}

public struct Deliverable: Hashable, Sendable, Codable, Identifiable {
    public var id: DeliverableID
    public var platform: Platform
    public var format: ContentFormat
    public var dueDate: Day?
    /// The rights a creator agrees to grant for this deliverable when it is approved.
    public var rights: RightsTemplate?

    public init(id: DeliverableID, platform: Platform, format: ContentFormat, dueDate: Day?, rights: RightsTemplate? = nil) {
        self.id = id
        self.platform = platform
        self.format = format
        self.dueDate = dueDate
        self.rights = rights
    }
}

/// Rights agreed up front for a deliverable; an approved asset gets them from its approval day.
public struct RightsTemplate: Hashable, Sendable, Codable {
    public var uses: [RightsUse]
    public var territory: Territory
    public var durationDays: Int
    public var exclusive: Bool

    public init(uses: [RightsUse], territory: Territory, durationDays: Int, exclusive: Bool = false) {
        self.uses = uses
        self.territory = territory
        self.durationDays = durationDays
        self.exclusive = exclusive
    }
}

public enum ContentFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case post, reel, story, video, short, pin, carousel
}

/// How a creator is rewarded in a wave; any mix of the parts applies.
public struct IncentivePlan: Hashable, Sendable, Codable {
    public var gifting: Bool
    public var flatFee: Money?
    public var storeCredit: Money?
    /// Commission on direct net revenue, in basis points (1000 = 10 %).
    public var commissionBasisPoints: Int64?
    public var bonusTiers: [BonusTier]

    public init(gifting: Bool = true, flatFee: Money? = nil, storeCredit: Money? = nil,
                commissionBasisPoints: Int64? = nil, bonusTiers: [BonusTier] = []) {
        self.gifting = gifting
        self.flatFee = flatFee
        self.storeCredit = storeCredit
        self.commissionBasisPoints = commissionBasisPoints
        self.bonusTiers = bonusTiers
    }
}

/// A one-time bonus paid when a creator's direct orders or revenue reach a threshold.
public struct BonusTier: Hashable, Sendable, Codable {
    public enum Metric: String, Hashable, Sendable, Codable { case directOrders, directRevenue }
    public var metric: Metric
    /// Orders, or revenue in minor units.
    public var threshold: Int64
    public var bonus: Money

    public init(metric: Metric, threshold: Int64, bonus: Money) {
        self.metric = metric
        self.threshold = threshold
        self.bonus = bonus
    }
}

extension Workspace {
    /// The wave a person means by its id (`W2`), slug or name, ignoring case: how files and
    /// command lines name waves.
    public func wave(matching text: String) -> Wave? {
        let wanted = text.lowercased()
        return waves.first { $0.id.rawValue.lowercased() == wanted || $0.slug.lowercased() == wanted || $0.name.lowercased() == wanted }
    }
}
