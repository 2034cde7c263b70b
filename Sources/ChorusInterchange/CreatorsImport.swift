import ChorusCore

/// Reads a creators file (from a CRM, a spreadsheet, an application form) into one
/// `.importCreators` upsert.
///
/// A creator is the same creator when the handle matches, ignoring case and `@`, so
/// re-importing an updated list updates people instead of duplicating them. An empty cell
/// leaves the existing value alone: a CRM export missing an email must not erase the one
/// already on file.
public struct CreatorsImport: Sendable {
    public static let columns = ["handle", "name", "email", "platform", "followers", "engagement_rate", "niches", "country",
                                 "source", "discount_code", "link_slug"]

    public private(set) var creators: [Creator] = []
    /// Codes from the `discount_code` column, each with the terms given to the importer.
    public private(set) var codes: [DiscountCode] = []
    public private(set) var errors: [ImportRowError] = []

    /// The command to send, or nil when no row could be read.
    public var command: Command? { creators.isEmpty ? nil : .importCreators(creators, codes: codes) }

    /// Reads and checks the whole file; `codeTerms` describe the store discount behind any
    /// `discount_code` (the file names the code, not its value).
    public init(bytes: [UInt8], fileName: String, workspace: Workspace, codeTerms: DiscountTerms) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        try ImportFormatError.require(["handle"], in: table, expected: "a creators file")
        var column: [String: Int] = [:]
        for name in Self.columns { column[name] = table.header.index(of: name) }
        var ids = IDSequence<CreatorID>(after: workspace.creators.lazy.map(\.id), prefix: "CR-", width: 5)
        var seen: [String: Int] = [:]
        var codeLines: [String: Int] = [:]
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let line = record.line
            let cell = { (name: String) -> String? in
                guard let index = column[name] else { return nil }
                let value = record[index].trimmingWhitespace
                return value.isEmpty ? nil : value
            }
            let fail = { (name: String, message: String) in
                ImportRowError(fileName: fileName, line: line, column: (column[name] ?? -1) + 1, message: message)
            }
            do {
                guard let handleText = cell("handle") else { throw fail("handle", "the row has no handle") }
                let handle = Creator.normalizedHandle(handleText)
                if handle.contains(where: \.isWhitespace) { throw fail("handle", "'\(handleText.excerpt)' contains a space; a handle is one word, like ana.glow") }
                if let earlier = seen[handle] { throw fail("handle", "@\(handle) is already on line \(earlier)") }
                seen[handle] = line
                var creator: Creator
                if let existing = workspace.creator(handle: handle) {
                    creator = existing
                } else {
                    creator = Creator(id: ids.next(), handle: handle, name: handle)
                }
                try Self.apply(cell, fail, to: &creator)
                if let code = cell("discount_code") {
                    try Self.check(code: code, for: creator, in: workspace, fail)
                    if let earlier = codeLines[code.uppercased()] { throw fail("discount_code", "\(code.uppercased()) is already on line \(earlier)") }
                    codeLines[code.uppercased()] = line
                    let terms = codeTerms
                    codes.append(DiscountCode(code: code, creatorID: creator.id, waveID: terms.waveID, kind: terms.kind, value: terms.value,
                                              usageLimit: terms.usageLimit, oncePerCustomer: terms.oncePerCustomer,
                                              validFrom: terms.validFrom, validUntil: terms.validUntil))
                }
                creators.append(creator)
            } catch let error as ImportRowError {
                errors.append(error)
            }
        }
    }

    /// A code the checkout can take, and not someone else's: what the domain refuses for the
    /// whole import, refused here for the row, with its place.
    private static func check(code: String, for creator: Creator, in workspace: Workspace, _ fail: (String, String) -> ImportRowError) throws {
        guard DiscountCode.isWellFormed(code) else {
            throw fail("discount_code", "'\(code.excerpt)' is not a valid discount code (letters, digits, - and _ only)")
        }
        if let holder = workspace.discountCode(code), holder.creatorID != creator.id {
            throw fail("discount_code", "discount code \(holder.code) already belongs to @\(workspace.creator(holder.creatorID)?.handle ?? holder.creatorID.rawValue)")
        }
    }

    /// Copies the row's non-empty cells onto `creator`, checking each.
    private static func apply(_ cell: (String) -> String?, _ fail: (String, String) -> ImportRowError,
                              to creator: inout Creator) throws {
        if let name = cell("name") { creator.name = name }
        if let email = cell("email") {
            guard email.contains("@") else { throw fail("email", "'\(email.excerpt)' is not an email address") }
            creator.email = email
        }
        if let country = cell("country") {
            guard CountryCodes.isKnown(country) else { throw fail("country", "'\(country.excerpt)' is not a two-letter ISO country code") }
            creator.country = country.uppercased()
        }
        if let rate = cell("engagement_rate") {
            guard let value = parseRate(rate) else { throw fail("engagement_rate", "'\(rate.excerpt)' is not a rate like 4.5% or 0.045") }
            creator.engagementRate = value
        }
        if let niches = cell("niches") {
            creator.niches = niches.split(separator: ";").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        }
        if let text = cell("source") {
            guard let source = CreatorSource.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() || $0.label.lowercased() == text.lowercased() })
            else { throw fail("source", "'\(text.excerpt)' is not a source; use one of \(CreatorSource.allCases.map(\.rawValue).joined(separator: ", "))") }
            if !creator.sources.contains(source) { creator.sources.append(source) }
        }
        if let slug = cell("link_slug") {
            guard slug.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else {
                throw fail("link_slug", "'\(slug.excerpt)' is not a link slug (letters, digits, '-', '_' and '.')")
            }
            creator.linkSlug = slug.lowercased()
        }
        let platformText = cell("platform")
        let platform = try platformText.map { text in
            guard let platform = Platform.allCases.first(where: { $0.rawValue == text.lowercased() || $0.label.lowercased() == text.lowercased() })
            else { throw fail("platform", "'\(text.excerpt)' is not a platform; use one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))") }
            return platform
        }
        if let followersText = cell("followers") {
            guard let followers = Int(followersText.filter { $0 != "," && $0 != "_" }), followers >= 0 else {
                throw fail("followers", "'\(followersText.excerpt)' is not a follower count")
            }
            let target = platform ?? creator.primaryPlatform ?? .instagram
            if let index = creator.profiles.firstIndex(where: { $0.platform == target }) {
                creator.profiles[index].followers = followers
            } else {
                creator.profiles.append(SocialProfile(platform: target, handle: creator.handle, followers: followers))
            }
        } else if let platform, !creator.profiles.contains(where: { $0.platform == platform }) {
            creator.profiles.append(SocialProfile(platform: platform, handle: creator.handle, followers: 0))
        }
    }

    /// `4.5%` and `4.5` are percentages; `0.045` is a fraction.
    static func parseRate(_ text: String) -> Double? {
        let isPercent = text.hasSuffix("%")
        guard let number = Double(isPercent ? String(text.dropLast()).trimmingWhitespace : text), number >= 0, number.isFinite else { return nil }
        let rate = isPercent || number > 1 ? number / 100 : number
        return rate <= 1 ? rate : nil
    }
}
