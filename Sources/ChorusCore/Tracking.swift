/// A creator's unique discount code: the strongest attribution signal, since a buyer typed it.
public struct DiscountCode: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case percent, fixed }
    /// Stored upper-cased; compared case-insensitively.
    public var code: String
    public var creatorID: CreatorID
    public var waveID: WaveID?
    public var kind: Kind
    /// Basis points for percent codes (1500 = 15 %), minor units for fixed ones.
    public var value: Int64
    public var usageLimit: Int?
    public var oncePerCustomer: Bool
    public var validFrom: Day?
    public var validUntil: Day?

    public init(code: String, creatorID: CreatorID, waveID: WaveID?, kind: Kind, value: Int64, usageLimit: Int? = nil,
                oncePerCustomer: Bool = true, validFrom: Day? = nil, validUntil: Day? = nil) {
        self.code = code.uppercased()
        self.creatorID = creatorID
        self.waveID = waveID
        self.kind = kind
        self.value = value
        self.usageLimit = usageLimit
        self.oncePerCustomer = oncePerCustomer
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// A creator's tracking link for one wave and platform; the URL is derived, never stored, so
/// changing the landing page or a slug cannot leave stale links behind.
public struct TrackingLink: Hashable, Sendable, Codable {
    public var creatorID: CreatorID
    public var waveID: WaveID
    public var platform: Platform

    public init(creatorID: CreatorID, waveID: WaveID, platform: Platform) {
        self.creatorID = creatorID
        self.waveID = waveID
        self.platform = platform
    }

    public func url(landingURL: String, medium: String, campaign: String, slug: String) -> String {
        let separator = landingURL.contains("?") ? "&" : "?"
        return landingURL + separator + "utm_source=\(platform.rawValue)&utm_medium=\(medium)&utm_campaign=\(campaign)&utm_content=\(slug)"
    }
}
