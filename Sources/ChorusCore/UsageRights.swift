/// What the brand may do with one asset, where, and until when. Rights are per asset, not
/// per campaign, because creators license pieces differently.
public struct UsageRights: Hashable, Sendable, Codable {
    public var uses: [RightsUse]
    public var territory: Territory
    public var start: Day
    /// Last day the rights hold (inclusive).
    public var end: Day
    public var exclusive: Bool
    /// Partnership ads need the platform's ad authorization code and have their own expiry.
    public var whitelistingAdCode: String?
    public var whitelistingEnd: Day?
    public var note: String?

    public init(uses: [RightsUse], territory: Territory, start: Day, end: Day, exclusive: Bool = false,
                whitelistingAdCode: String? = nil, whitelistingEnd: Day? = nil, note: String? = nil) {
        self.uses = uses
        self.territory = territory
        self.start = start
        self.end = end
        self.exclusive = exclusive
        self.whitelistingAdCode = whitelistingAdCode
        self.whitelistingEnd = whitelistingEnd
        self.note = note
    }

    /// Problems a person must fix before these rights can be saved; empty when valid.
    public var validationProblems: [String] {
        var problems: [String] = []
        if end < start { problems.append("rights end \(end) is before they start \(start)") }
        if uses.isEmpty { problems.append("no use is licensed") }
        if case .countries(let codes) = territory {
            if codes.isEmpty { problems.append("territory lists no country") }
            for code in codes where !CountryCodes.isKnown(code) { problems.append("'\(code)' is not a known country code") }
        }
        if uses.contains(.whitelisting) {
            if (whitelistingAdCode ?? "").isEmpty { problems.append("partnership ads need the platform's ad code") }
            if whitelistingEnd == nil { problems.append("partnership ads need their own end date") }
        }
        return problems
    }

    public func status(on day: Day, warningDays: Int) -> RightsStatus {
        if day < start { return .notYetActive }
        if day > end { return .expired }
        return day.days(until: end) <= warningDays ? .expiring : .active
    }

    /// Whether `use` in `country` is licensed on `day`.
    public func permits(_ use: RightsUse, in country: String?, on day: Day) -> Bool {
        guard day >= start, day <= end, uses.contains(use) else { return false }
        if use == .whitelisting, let whitelistEnd = whitelistingEnd, day > whitelistEnd { return false }
        switch territory {
        case .worldwide: return true
        case .countries(let codes):
            guard let country else { return false }
            let wanted = country.uppercased()
            return codes.contains { $0.uppercased() == wanted }
        }
    }
}

public enum RightsUse: String, Hashable, Sendable, Codable, CaseIterable {
    case organicRepost, paidSocial, whitelisting, website, email, outOfHome

    public var label: String {
        switch self {
        case .organicRepost: "organic repost"
        case .paidSocial: "paid social"
        case .whitelisting: "partnership ads"
        case .website: "website"
        case .email: "email"
        case .outOfHome: "out-of-home"
        }
    }
}

public enum Territory: Hashable, Sendable, Codable {
    case worldwide
    case countries([String])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), text == "worldwide" {
            self = .worldwide
        } else {
            self = .countries(try container.decode([String].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .worldwide: try container.encode("worldwide")
        case .countries(let codes): try container.encode(codes)
        }
    }

    public var label: String {
        switch self {
        case .worldwide: "worldwide"
        case .countries(let codes): codes.joined(separator: ",")
        }
    }
}

public enum RightsStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case active, expiring, expired, notYetActive, none

    public var label: String {
        switch self {
        case .active: "active"
        case .expiring: "expiring"
        case .expired: "expired"
        case .notYetActive: "not yet active"
        case .none: "no rights"
        }
    }
}

/// ISO 3166-1 alpha-2 codes, for validating territories and addresses.
public enum CountryCodes {
    public static func isKnown(_ code: String) -> Bool { all.contains(code.uppercased()) }

    public static let all: Set<String> = Set("""
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO \
    JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR \
    MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO \
    RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV \
    TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split(separator: " ").map(String.init))
}
