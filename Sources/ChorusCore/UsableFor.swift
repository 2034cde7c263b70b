/// The question the paid, site and email teams bring to the library: "may I run this asset
/// for paid social in DE today?". It is asked of many assets at once (a filter, an export),
/// so besides yes or no it says why an asset is left out, and the export can count the reasons.
public struct UsableFor: Hashable, Sendable {
    public var use: RightsUse
    /// The country the use is for; nil asks for a licence that holds everywhere (worldwide).
    public var country: String?

    public init(_ use: RightsUse, in country: String? = nil) {
        self.use = use
        self.country = country?.uppercased()
    }

    /// Why an asset may not be used; the cases are what a person reads in the export's summary.
    public enum Exclusion: Hashable, Sendable, Comparable {
        case noRights, notYetActive, expired, useNotLicensed, partnershipAdsEnded, outsideTerritory
    }

    /// "paid social in DE", "website worldwide".
    public var label: String { "\(use.label) \(country.map { "in \($0)" } ?? "worldwide")" }

    /// Nil when `asset` may be used so on `day`; otherwise the first reason it may not.
    public func exclusion(of asset: Asset, on day: Day) -> Exclusion? {
        guard let rights = asset.rights else { return .noRights }
        if day < rights.start { return .notYetActive }
        if day > rights.end { return .expired }
        if !rights.uses.contains(use) { return .useNotLicensed }
        if rights.permits(use, in: country, on: day) { return nil }
        if use == .whitelisting, let end = rights.whitelistingEnd, day > end { return .partnershipAdsEnded }
        return .outsideTerritory
    }

    public func admits(_ asset: Asset, on day: Day) -> Bool { exclusion(of: asset, on: day) == nil }

    /// The assets that may be used so on `day`, in their order, and how many were left out for each reason.
    public func select(_ assets: [Asset], on day: Day) -> Selection {
        var selection = Selection()
        for asset in assets {
            if let reason = exclusion(of: asset, on: day) {
                selection.leftOut[reason, default: 0] += 1
            } else {
                selection.usable.append(asset)
            }
        }
        return selection
    }

    /// What an export for one use took and what it left out.
    public struct Selection: Hashable, Sendable {
        public var usable: [Asset] = []
        public var leftOut: [Exclusion: Int] = [:]

        public var leftOutCount: Int { leftOut.values.reduce(0, +) }
    }

    /// The reason in words, for counts: "12 not licensed for paid social".
    public func describe(_ exclusion: Exclusion) -> String {
        switch exclusion {
        case .noRights: "without usage rights"
        case .notYetActive: "with rights not started yet"
        case .expired: "with expired rights"
        case .useNotLicensed: "not licensed for \(use.label)"
        case .partnershipAdsEnded: "with partnership ads ended"
        case .outsideTerritory: "not licensed \(country.map { "in \($0)" } ?? "worldwide")"
        }
    }

    /// "left out 55 assets: 41 with expired rights, 12 not licensed for paid social, 2 without usage rights".
    public func summary(of selection: Selection) -> String {
        guard selection.leftOutCount > 0 else { return "left out none" }
        let reasons = selection.leftOut.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.value) \(describe($0.key))" }
        let assets = selection.leftOutCount == 1 ? "1 asset" : "\(selection.leftOutCount) assets"
        return "left out \(assets): " + reasons.joined(separator: ", ")
    }

    /// Reads "paid-social DE", "paid social in de", "website" (worldwide); nil with the reason when it does not read.
    public static func parse(_ text: String) -> Result<UsableFor, ParseProblem> {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if words.last?.lowercased() == "worldwide" { words.removeLast() }
        var country: String?
        if words.count >= 2, let last = words.last, last.count == 2, CountryCodes.isKnown(last) {
            country = last.uppercased()
            words.removeLast()
            if words.last?.lowercased() == "in" { words.removeLast() }
        } else if words.count >= 2, let last = words.last, last.count == 2 {
            return .failure(ParseProblem("'\(last)' is not a known country code"))
        }
        guard !words.isEmpty else { return .failure(ParseProblem("name a use: \(RightsUse.slugs)")) }
        guard let use = RightsUse(named: words.joined(separator: " ")) else {
            return .failure(ParseProblem("'\(words.joined(separator: " "))' is not a use; use one of \(RightsUse.slugs)"))
        }
        return .success(UsableFor(use, in: country))
    }

    /// Why a typed question does not read.
    public struct ParseProblem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}

extension RightsUse {
    /// The name on the command line and in the console: `paid-social`.
    public var slug: String { String(label.map { $0 == " " ? "-" : $0 }) }

    public static var slugs: String { allCases.map(\.slug).joined(separator: ", ") }

    /// Accepts the slug, the label, the case name or a short form (`paid`, `ooh`, `whitelisting`), ignoring case.
    public init?(named text: String) {
        let folded = String(text.lowercased().filter { $0.isLetter })
        let aliases: [String: RightsUse] = ["paid": .paidSocial, "organic": .organicRepost, "repost": .organicRepost,
                                            "whitelisting": .whitelisting, "partnership": .whitelisting, "ooh": .outOfHome,
                                            "site": .website, "web": .website]
        if let use = aliases[folded] ?? Self.allCases.first(where: { $0.rawValue.lowercased() == folded || $0.label.filter(\.isLetter) == folded }) {
            self = use
        } else {
            return nil
        }
    }
}

extension Asset {
    /// Derived, never stored: whether the rights hold on `day`, and whether they end within
    /// `warningDays` of it; `.none` for an asset nobody has licensed.
    public func rightsStatus(on day: Day, warningDays: Int) -> RightsStatus {
        rights?.status(on: day, warningDays: warningDays) ?? .none
    }
}
