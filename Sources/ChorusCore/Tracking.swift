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

    /// Whether `code` can be typed at a checkout: letters, digits, `-` and `_`, not empty.
    public static func isWellFormed(_ code: String) -> Bool {
        !code.isEmpty && code.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_" }
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

extension Workspace {
    /// The link a creator shares in a wave, on `platform` (default: their biggest), built from
    /// the program's landing URL and creator medium, the wave's slug and the creator's link slug.
    public func trackingURL(for creator: Creator, in wave: Wave, platform: Platform? = nil) -> String {
        TrackingLink(creatorID: creator.id, waveID: wave.id, platform: platform ?? creator.primaryPlatform ?? .instagram)
            .url(landingURL: program.landingURL, medium: program.settings.creatorMedium, campaign: wave.slug, slug: creator.effectiveLinkSlug)
    }
}

extension DiscountCode {
    /// The value as a store's discount screen takes it: `15` or `12.5` (percent), `10.00` (fixed).
    public func valueText(currency: Currency) -> String {
        switch kind {
        case .percent:
            let fraction = value % 100
            guard fraction != 0 else { return String(value / 100) }
            let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
            return "\(value / 100).\(digits)"
        case .fixed:
            return Money(minorUnits: value, currency: currency).decimalString
        }
    }
}

extension DiscountCode.Kind {
    /// A value as people type it, in the units `DiscountCode.value` keeps: `15` or `12.5` for a
    /// percent code (→ 1500 or 1250 basis points), `10.00` for a fixed one (→ minor units).
    /// Nil for anything else, including zero or less.
    public func value(from text: String, currency: Currency) -> Int64? {
        // A percentage read with two decimal places is a count of hundredths of a percent: basis points.
        let parsed = Money.parse(Substring(text), currency: self == .percent ? Currency("XXX") : currency)
        guard let units = parsed?.minorUnits, units > 0 else { return nil }
        return units
    }
}
