/// A person who makes content for the brand, often already a customer.
///
/// The primary `handle` is how coordinators name creators everywhere (CLI arguments, survey
/// answers, imports), so it is unique in a workspace, compared without case and without `@`.
public struct Creator: Hashable, Sendable, Codable, Identifiable {
    /// See `CopyOnWrite`: a change made while another thread holds the table copies references.
    @usableFromInline var storage: CopyOnWrite<Fields>

    /// Codable as synthesized from them, as when they were the creator's stored properties:
    /// journals and snapshots keep these keys.
    @usableFromInline struct Fields: Hashable, Sendable, Codable {
        @usableFromInline var id: CreatorID
        @usableFromInline var handle: String
        @usableFromInline var name: String
        @usableFromInline var email: String?
        @usableFromInline var country: String?
        @usableFromInline var profiles: [SocialProfile]
        @usableFromInline var engagementRate: Double
        @usableFromInline var niches: [String]
        @usableFromInline var address: PostalAddress?
        @usableFromInline var sources: [CreatorSource]
        @usableFromInline var customer: CustomerSignals?
        @usableFromInline var linkSlug: String?
        @usableFromInline var note: String?
        @usableFromInline var phone: String?
        @usableFromInline var payoutEmail: String?
        @usableFromInline var aliases: [String]
        @usableFromInline var payoutProfile: PayoutProfile?
        @usableFromInline var invitationToApply: Correspondence?

        @inlinable init(id: CreatorID, handle: String, name: String, email: String?, country: String?, profiles: [SocialProfile],
                        engagementRate: Double, niches: [String], address: PostalAddress?, sources: [CreatorSource],
                        customer: CustomerSignals?, linkSlug: String?, note: String?, phone: String?, payoutEmail: String?,
                        aliases: [String], payoutProfile: PayoutProfile?, invitationToApply: Correspondence?) {
            self.id = id
            self.handle = handle
            self.name = name
            self.email = email
            self.country = country
            self.profiles = profiles
            self.engagementRate = engagementRate
            self.niches = niches
            self.address = address
            self.sources = sources
            self.customer = customer
            self.linkSlug = linkSlug
            self.note = note
            self.phone = phone
            self.payoutEmail = payoutEmail
            self.aliases = aliases
            self.payoutProfile = payoutProfile
            self.invitationToApply = invitationToApply
        }
    }

    @inlinable public var id: CreatorID {
        get { storage.fields.id }
        _modify { yield &storage.fields.id }
    }
    @inlinable public var handle: String {
        get { storage.fields.handle }
        _modify { yield &storage.fields.handle }
    }
    @inlinable public var name: String {
        get { storage.fields.name }
        _modify { yield &storage.fields.name }
    }
    @inlinable public var email: String? {
        get { storage.fields.email }
        _modify { yield &storage.fields.email }
    }
    @inlinable public var country: String? {
        get { storage.fields.country }
        _modify { yield &storage.fields.country }
    }
    @inlinable public var profiles: [SocialProfile] {
        get { storage.fields.profiles }
        _modify { yield &storage.fields.profiles }
    }
    /// Engagement as a fraction (0.045 = 4.5 %); a rate, not money, so a Double is right.
    @inlinable public var engagementRate: Double {
        get { storage.fields.engagementRate }
        _modify { yield &storage.fields.engagementRate }
    }
    @inlinable public var niches: [String] {
        get { storage.fields.niches }
        _modify { yield &storage.fields.niches }
    }
    @inlinable public var address: PostalAddress? {
        get { storage.fields.address }
        _modify { yield &storage.fields.address }
    }
    /// Every list this creator came from, first one first.
    @inlinable public var sources: [CreatorSource] {
        get { storage.fields.sources }
        _modify { yield &storage.fields.sources }
    }
    @inlinable public var customer: CustomerSignals? {
        get { storage.fields.customer }
        _modify { yield &storage.fields.customer }
    }
    /// `utm_content` for this creator's tracking links; nil means the handle lower-cased.
    @inlinable public var linkSlug: String? {
        get { storage.fields.linkSlug }
        _modify { yield &storage.fields.linkSlug }
    }
    @inlinable public var note: String? {
        get { storage.fields.note }
        _modify { yield &storage.fields.note }
    }
    /// For the parcel label and the carrier's delivery notice.
    @inlinable public var phone: String? {
        get { storage.fields.phone }
        _modify { yield &storage.fields.phone }
    }
    /// Where payouts go when it is not `email` (a PayPal or Wise account).
    @inlinable public var payoutEmail: String? {
        get { storage.fields.payoutEmail }
        _modify { yield &storage.fields.payoutEmail }
    }
    /// Other words buyers use for this creator in survey answers ("Felix Mueller on
    /// Instagram"); each names this creator alone, so an answer using one is not ambiguous.
    @inlinable public var aliases: [String] {
        get { storage.fields.aliases }
        _modify { yield &storage.fields.aliases }
    }
    /// Payout method and tax-form status; nil until finance records them.
    @inlinable public var payoutProfile: PayoutProfile? {
        get { storage.fields.payoutProfile }
        _modify { yield &storage.fields.payoutProfile }
    }
    /// The `apply` message a lead was sent (a lead is in no wave, so it is kept here rather
    /// than on an enrollment); nil for everyone never invited to apply this way.
    @inlinable public var invitationToApply: Correspondence? {
        get { storage.fields.invitationToApply }
        _modify { yield &storage.fields.invitationToApply }
    }

    /// Inlinable so that callers in other modules building many creators move their values in.
    @inlinable
    public init(id: CreatorID, handle: String, name: String, email: String? = nil, country: String? = nil,
                profiles: [SocialProfile] = [], engagementRate: Double = 0, niches: [String] = [],
                address: PostalAddress? = nil, sources: [CreatorSource] = [], customer: CustomerSignals? = nil,
                linkSlug: String? = nil, note: String? = nil, phone: String? = nil, payoutEmail: String? = nil, aliases: [String] = [],
                payoutProfile: PayoutProfile? = nil, invitationToApply: Correspondence? = nil) {
        storage = CopyOnWrite(Fields(id: id, handle: handle, name: name, email: email, country: country, profiles: profiles,
                                 engagementRate: engagementRate, niches: niches, address: address, sources: sources,
                                 customer: customer, linkSlug: linkSlug, note: note, phone: phone, payoutEmail: payoutEmail,
                                 aliases: aliases, payoutProfile: payoutProfile, invitationToApply: invitationToApply))
    }


    /// Followers on the creator's biggest platform: audiences overlap, so they are not summed.
    /// (`lazy`: no array per call; the Pipeline asks it of every creator at open. Inlinable, so
    /// asking it of a creator in an array reads its profiles there instead of copying the creator.)
    @inlinable public var followers: Int { profiles.lazy.map(\.followers).max() ?? 0 }

    public var tier: Tier { Tier(followers: followers) }

    public var primaryPlatform: Platform? { profiles.max(by: { $0.followers < $1.followers })?.platform }

    public var effectiveLinkSlug: String { linkSlug ?? Creator.normalizedHandle(handle) }

    /// Handle as compared everywhere: lower-cased, without a leading `@`, trimmed.
    public static func normalizedHandle(_ handle: String) -> String {
        // Most stored handles are normalized already: hand the same string back instead of
        // a lower-cased copy (a heap block per handle longer than 15 bytes). Opening a million
        // creators normalizes every handle twice, for the handle index and the Pipeline's ranks.
        if isNormalizedHandle(handle.utf8) { return handle }
        return normalizedHandle(Substring(handle))
    }

    /// Handle as compared everywhere: lower-cased, without a leading `@`, trimmed.
    public static func normalizedHandle(_ handle: some StringProtocol) -> String {
        var text = Substring(handle)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        if text.first == "@" { text = text.dropFirst() }
        return text.lowercased()
    }

    /// ASCII without upper-case letters, a leading `@` or space or tab at either end: what
    /// `normalizedHandle` would return unchanged. Anything else takes the Unicode-aware path.
    private static func isNormalizedHandle(_ bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == UInt8(ascii: "@") || first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return false }
        return !bytes.contains { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }
    }
}

extension Creator {
    public init(from decoder: any Decoder) throws { storage = CopyOnWrite(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try storage.fields.encode(to: encoder) }
}

extension Creator.Fields {
    /// Journals written before aliases (or leads' invitations) existed have none; every other field decodes as usual.
    @usableFromInline init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(CreatorID.self, forKey: .id), handle: try c.decode(String.self, forKey: .handle),
                  name: try c.decode(String.self, forKey: .name), email: try c.decodeIfPresent(String.self, forKey: .email),
                  country: try c.decodeIfPresent(String.self, forKey: .country),
                  profiles: try c.decode([SocialProfile].self, forKey: .profiles),
                  engagementRate: try c.decode(Double.self, forKey: .engagementRate), niches: try c.decode([String].self, forKey: .niches),
                  address: try c.decodeIfPresent(PostalAddress.self, forKey: .address),
                  sources: try c.decode([CreatorSource].self, forKey: .sources),
                  customer: try c.decodeIfPresent(CustomerSignals.self, forKey: .customer),
                  linkSlug: try c.decodeIfPresent(String.self, forKey: .linkSlug), note: try c.decodeIfPresent(String.self, forKey: .note),
                  phone: try c.decodeIfPresent(String.self, forKey: .phone),
                  payoutEmail: try c.decodeIfPresent(String.self, forKey: .payoutEmail),
                  aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [],
                  payoutProfile: try c.decodeIfPresent(PayoutProfile.self, forKey: .payoutProfile),
                  invitationToApply: try c.decodeIfPresent(Correspondence.self, forKey: .invitationToApply))
    }
}

public struct SocialProfile: Hashable, Sendable, Codable {
    public var platform: Platform
    public var handle: String
    public var followers: Int

    public init(platform: Platform, handle: String, followers: Int) {
        self.platform = platform
        self.handle = handle
        self.followers = followers
    }
}

public enum Platform: String, Hashable, Sendable, Codable, CaseIterable {
    case instagram, tiktok, youtube, pinterest

    public var label: String {
        switch self {
        case .instagram: "Instagram"
        case .tiktok: "TikTok"
        case .youtube: "YouTube"
        case .pinterest: "Pinterest"
        }
    }
}

/// Audience size band. Nano and micro creators are the channel's core.
public enum Tier: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case nano, micro, macro, mega

    public init(followers: Int) {
        switch followers {
        case ..<10_000: self = .nano
        case ..<100_000: self = .micro
        case ..<1_000_000: self = .macro
        default: self = .mega
        }
    }

    public static func < (lhs: Tier, rhs: Tier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum CreatorSource: String, Hashable, Sendable, Codable, CaseIterable {
    case customerList, loyalty, crm, inbound, marketplace, referral

    public var label: String {
        switch self {
        case .customerList: "customer"
        case .loyalty: "loyalty"
        case .crm: "CRM"
        case .inbound: "inbound"
        case .marketplace: "marketplace"
        case .referral: "referral"
        }
    }
}

public struct PostalAddress: Hashable, Sendable, Codable {
    public var line1: String
    public var line2: String?
    public var city: String
    public var region: String?
    public var postalCode: String
    /// ISO 3166-1 alpha-2.
    public var country: String

    public init(line1: String, line2: String? = nil, city: String, region: String? = nil, postalCode: String, country: String) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }
}

/// What the store knows about a creator who is also a customer: the strongest fit signal.
public struct CustomerSignals: Hashable, Sendable, Codable {
    public var orders: Int
    public var totalSpent: Money
    public var firstOrder: Day?
    public var lastOrder: Day?
    public var categories: [String]
    public var loyaltyTier: String?
    /// Only customers who accepted marketing may be invited.
    public var acceptsMarketing: Bool

    public init(orders: Int, totalSpent: Money, firstOrder: Day? = nil, lastOrder: Day? = nil,
                categories: [String] = [], loyaltyTier: String? = nil, acceptsMarketing: Bool) {
        self.orders = orders
        self.totalSpent = totalSpent
        self.firstOrder = firstOrder
        self.lastOrder = lastOrder
        self.categories = categories
        self.loyaltyTier = loyaltyTier
        self.acceptsMarketing = acceptsMarketing
    }
}
