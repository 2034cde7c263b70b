import ChorusCore

/// Reads a creators file (from a CRM, a spreadsheet, an application form) into one
/// `.importCreators` upsert. A file with other headers (a form's questions) is read through a
/// `ColumnMap`.
///
/// A creator is the same creator when the handle matches, ignoring case and `@`, so
/// re-importing an updated list updates people instead of duplicating them; a row whose email is
/// a lead's is that lead answering with their handle. An empty cell
/// leaves the existing value alone: a CRM export missing an email must not erase the one
/// already on file.
public struct CreatorsImport: Sendable {
    public static let columns = ["handle", "name", "email", "platform", "followers", "engagement_rate", "niches", "country",
                                 "source", "discount_code", "link_slug", "address1", "address2", "city", "region", "postal_code",
                                 "phone", "payout_email"]

    public private(set) var creators: [Creator] = []
    /// Codes from the `discount_code` column, each with the terms given to the importer.
    public private(set) var codes: [DiscountCode] = []
    public private(set) var errors: [ImportRowError] = []

    /// The command to send, or nil when no row could be read.
    public var command: Command? { creators.isEmpty ? nil : .importCreators(creators, codes: codes) }

    /// Reads and checks the whole file; `codeTerms` describe the store discount behind any
    /// `discount_code` (the file names the code, not its value).
    public init(bytes: [UInt8], fileName: String, workspace: Workspace, codeTerms: DiscountTerms, map: ColumnMap? = nil) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        try map?.requireHeaders(in: table)
        let handleHeader = map?.header(for: "handle") ?? "handle"
        if table.header.index(of: handleHeader) == nil {
            throw ImportFormatError(fileName: fileName, expected: "a creators file", missingColumns: [handleHeader],
                                    detail: map == nil ? "missing column 'handle' (a form's export? name its columns with --map map.json)"
                                        : "\(map!.fileName) names no column for handle")
        }
        var column: [String: Int] = [:]
        for name in Self.columns { column[name] = table.header.index(of: map?.header(for: name) ?? name) }
        let header = table.header
        var slugs: [String: Creator] = [:]
        var codeLines: [String: Int] = [:]
        for creator in workspace.creators where !creator.isLead { slugs[creator.effectiveLinkSlug.lowercased()] = creator }
        var ids = IDSequence<CreatorID>(after: workspace.creators.lazy.map(\.id), prefix: "CR-", width: 5)
        var seen: [String: Int] = [:]
        // Leads by email, looked up once per row: an application from a lead names their email.
        var leads: [String: Creator] = [:]
        for lead in workspace.creators where lead.isLead {
            if let email = lead.email?.lowercased(), leads[email] == nil { leads[email] = lead }
        }
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let line = record.line
            let cell = { (name: String) -> String? in
                guard let index = column[name] else { return nil }
                let value = record[index].trimmingWhitespace
                return value.isEmpty ? nil : value
            }
            let fail = { (name: String, message: String) in
                ImportRowError(fileName: fileName, line: line, column: (column[name] ?? -1) + 1, message: message,
                               field: column[name].map { header.names[$0] })
            }
            do {
                guard let handleText = cell("handle") else { throw fail("handle", "the row has no handle") }
                // Forms collect profile links as often as handles: instagram.com/lena.hikes is @lena.hikes.
                guard let cleaned = SocialHandles.clean(handleText) ?? SocialHandles.fromNote(handleText).first.map(\.1) else {
                    if handleText.contains(where: \.isWhitespace) {
                        throw fail("handle", "'\(handleText.excerpt)' contains a space; a handle is one word, like ana.glow")
                    }
                    throw fail("handle", "'\(handleText.excerpt)' is not a social handle (letters, digits, '.', '_' and '-')")
                }
                let handle = Creator.normalizedHandle(cleaned)
                if let earlier = seen[handle] { throw fail("handle", "@\(handle) is already on line \(earlier)") }
                seen[handle] = line
                var creator: Creator
                // An application from a lead (found by email) gives the lead this handle: the same
                // record, orders and consent, now a prospect.
                let lead = cell("email").flatMap { leads[$0.lowercased()] }
                if let lead, let owner = workspace.creator(handle: handle) {
                    throw fail("handle", "\(lead.name) (\(lead.reference)) is a lead, but @\(handle) belongs to \(owner.name) (\(owner.id)); "
                               + "correct the handle or the email")
                } else if let existing = workspace.creator(handle: handle) {
                    creator = existing
                } else if let lead {
                    creator = lead
                    creator.handle = handle
                } else {
                    creator = Creator(id: ids.next(), handle: handle, name: handle)
                }
                try Self.apply(cell, fail, to: &creator)
                if lead != nil, creator.profiles.isEmpty { creator.profiles.append(SocialProfile(platform: .instagram, handle: handle, followers: 0)) }
                let slug = creator.effectiveLinkSlug.lowercased()
                if let owner = slugs[slug], owner.id != creator.id {
                    throw fail(cell("link_slug") == nil ? "handle" : "link_slug",
                               "the link slug '\(slug)' is already @\(owner.handle)'s; give this creator another link_slug")
                }
                if let code = cell("discount_code") {
                    try Self.check(code: code, for: creator, in: workspace, fail)
                    if let earlier = codeLines[code.uppercased()] { throw fail("discount_code", "the code \(code.excerpt) is already on line \(earlier)") }
                    codeLines[code.uppercased()] = line
                    let terms = codeTerms
                    codes.append(DiscountCode(code: code, creatorID: creator.id, waveID: terms.waveID, kind: terms.kind, value: terms.value,
                                              usageLimit: terms.usageLimit, oncePerCustomer: terms.oncePerCustomer,
                                              validFrom: terms.validFrom, validUntil: terms.validUntil))
                }
                slugs[slug] = creator
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
            throw fail("discount_code", "'\(code.excerpt)' is not a discount code (letters, digits, - and _ only)")
        }
        if let holder = workspace.discountCode(code), holder.creatorID != creator.id {
            throw fail("discount_code", "the code \(holder.code) already belongs to @\(workspace.creator(holder.creatorID)?.handle ?? holder.creatorID.rawValue)")
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
            guard let code = CountryNames.code(for: country) else { throw fail("country", CountryNames.problem(with: country.excerpt)) }
            creator.country = code
        }
        try readAddress(cell, fail, into: &creator)
        if let phone = cell("phone") {
            guard ContactDetails.isPhone(phone) else {
                throw fail("phone", "'\(phone.excerpt)' is not a phone number")
            }
            creator.phone = phone
        }
        if let email = cell("payout_email") {
            guard ContactDetails.isEmail(email) else { throw fail("payout_email", "'\(email.excerpt)' is not an email address") }
            creator.payoutEmail = email
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

    /// The postal address, when the row has one: street, city and postal code are needed to
    /// ship anything, so a row with some of them but not all is refused rather than half-kept.
    private static func readAddress(_ cell: (String) -> String?, _ fail: (String, String) -> ImportRowError,
                                    into creator: inout Creator) throws {
        let parts = ["address1", "address2", "city", "region", "postal_code"]
        guard parts.contains(where: { cell($0) != nil }) else { return }
        for (part, what) in [("address1", "street (address1)"), ("city", "city"), ("postal_code", "postal code (postal_code)")] where cell(part) == nil {
            throw fail(part, "the address has no \(what)")
        }
        guard let country = creator.country ?? creator.address?.country else {
            throw fail("country", "the address has no country; add a country column")
        }
        creator.address = PostalAddress(line1: cell("address1")!, line2: cell("address2"), city: cell("city")!, region: cell("region"),
                                        postalCode: cell("postal_code")!, country: country)
    }

    /// `4.5%` and `4.5` are percentages; `0.045` is a fraction.
    static func parseRate(_ text: String) -> Double? {
        let isPercent = text.hasSuffix("%")
        guard let number = Double(isPercent ? String(text.dropLast()).trimmingWhitespace : text), number >= 0, number.isFinite else { return nil }
        let rate = isPercent || number > 1 ? number / 100 : number
        return rate <= 1 ? rate : nil
    }
}
