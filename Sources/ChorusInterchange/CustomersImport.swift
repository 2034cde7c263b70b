import ChorusCore

/// Reads a customer list — Shopify's customers export in either layout, or a CRM or loyalty
/// list — and merges the people in it into the workspace's creators as one `.importCreators`
/// upsert, with a report of every value the merge replaced (`CustomerMerge`).
///
/// People with a social handle (in a column, a tag or the note) become creators; people with
/// an email but no handle become leads, to be invited to apply; a row with neither is left out.
public struct CustomersImport: Sendable {
    public let layout: CustomerListLayout
    public private(set) var creators: [Creator] = []
    public private(set) var errors: [ImportRowError] = []
    /// Values the merge replaced or refused, one line each ("ana@x.com: name Ana replaced by Ana B. (newest import wins)").
    public private(set) var conflicts: [String] = []
    public private(set) var added = 0
    public private(set) var merged = 0
    /// New leads: customers with an email but no handle.
    public private(set) var leadsAdded = 0
    /// Rows with no handle and no email anywhere and no creator to merge into.
    public private(set) var withoutHandle = 0

    /// The command to send, or nil when there is nothing to import.
    public var command: Command? { creators.isEmpty ? nil : .importCreators(creators, codes: []) }

    /// Reads and checks the whole file; `source` is the list's kind (Shopify exports are `.customerList`).
    /// With `map`, the file is a generic list whose headers the map names (`crmColumns` fields).
    public init(bytes: [UInt8], fileName: String, workspace: Workspace, source: CreatorSource? = nil, map: ColumnMap? = nil) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        try map?.requireHeaders(in: table)
        layout = map == nil ? CustomerListLayout(header: table.header) : .generic
        let header = { (name: String) in map?.header(for: name) ?? name }
        if layout == .generic, !table.header.missing(layout.required.map(header)).isEmpty {
            if let map { throw ColumnMapError(message: "\(map.fileName) names no column for email, which a customer list needs") }
            throw CustomerListLayout.unrecognized(table)
        }
        if map == nil { try ImportFormatError.require(layout.required, in: table, expected: layout.label) }
        var columns: [CustomerListLayout.Field: Int] = [:]
        for field in CustomerListLayout.Field.allCases {
            if let name = layout.column(for: field), let index = table.header.index(of: header(name)) { columns[field] = index }
        }
        let categories = Set(workspace.skus.compactMap { $0.category?.lowercased() })
        var merge = CustomerMerge(workspace: workspace, source: source ?? (layout == .generic || layout == .klaviyo ? .crm : .customerList))
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let row = CustomerRow(record: record, columns: columns, header: table.header, fileName: fileName,
                                  requiresEmail: layout == .generic || layout == .klaviyo)
            do {
                let customer = try row.read(currency: workspace.program.currency, categories: categories)
                if !merge.add(customer) { withoutHandle += 1 }
            } catch let error as ImportRowError {
                errors.append(error)
            }
        }
        creators = merge.creators
        conflicts = merge.conflicts
        added = merge.added
        merged = merge.merged
        leadsAdded = merge.leadsAdded
    }

    /// The report's lines after the command's own summary: counts, then conflicts (at most `limit`).
    public func report(limit: Int = 20) -> [String] {
        var lines = ["\(added) new, \(merged) merged with creators already known"]
        if leadsAdded > 0 {
            lines.append("\(leadsAdded) new lead\(leadsAdded == 1 ? "" : "s"): customers with an email but no social handle, to invite to apply (chorus list creators --leads)")
        }
        let notContactable = creators.filter { !$0.isContactable }.count
        if notContactable > 0 { lines.append("\(notContactable) have not accepted marketing: shown, but never invited") }
        if withoutHandle > 0 { lines.append("\(withoutHandle) customers have neither a social handle nor an email and were left out") }
        if !conflicts.isEmpty {
            lines.append("\(conflicts.count) conflicting value\(conflicts.count == 1 ? "" : "s") (newest import wins for contact fields):")
            lines += conflicts.prefix(limit).map { "  " + $0 }
            if conflicts.count > limit { lines.append("  … and \(conflicts.count - limit) more") }
        }
        return lines
    }
}

/// One data row of a customer list, read field by field with errors at the right column.
private struct CustomerRow {
    let record: CSVRecord
    let columns: [CustomerListLayout.Field: Int]
    let header: CSVHeader
    let fileName: String
    /// A CRM list names people by email; a Shopify export may hold customers without one.
    let requiresEmail: Bool

    func cell(_ field: CustomerListLayout.Field) -> String? {
        guard let index = columns[field] else { return nil }
        let value = record[index].trimmingWhitespace
        return value.isEmpty ? nil : value
    }

    func fail(_ field: CustomerListLayout.Field, _ message: String) -> ImportRowError {
        ImportRowError(fileName: fileName, line: record.line, column: (columns[field] ?? -1) + 1, message: message,
                       field: columns[field].map { header.names[$0] })
    }

    func read(currency: Currency, categories: Set<String>) throws -> CustomerRecord {
        var customer = CustomerRecord(line: record.line)
        if let id = cell(.customerID) {
            // Spreadsheets export long ids with a leading ' so they are not shown as 7.2E+12.
            let digits = id.hasPrefix("'") ? String(id.dropFirst()) : id
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
                throw fail(.customerID, "'\(id.excerpt)' is not a Shopify customer id")
            }
        }
        let name = [cell(.firstName), cell(.lastName), cell(.name)].compactMap { $0 }.joined(separator: " ")
        customer.name = name.isEmpty ? nil : name
        if let email = cell(.email) {
            guard email.utf8.contains(UInt8(ascii: "@")), !email.utf8.contains(UInt8(ascii: " ")) else { throw fail(.email, "'\(email.excerpt)' is not an email address") }
            customer.email = email
        } else if requiresEmail {
            throw fail(.email, "the row has no email")
        }
        if let consent = cell(.acceptsMarketing) {
            guard let value = Self.yesNo(consent) else {
                throw fail(.acceptsMarketing, "'\(consent.excerpt)' is not yes or no (nor SUBSCRIBED, UNSUBSCRIBED or NEVER_SUBSCRIBED)")
            }
            customer.acceptsMarketing = value
        }
        if let country = cell(.country) {
            guard let code = CountryNames.code(for: country) else { throw fail(.country, CountryNames.problem(with: country.excerpt)) }
            customer.country = code
        }
        if let line1 = cell(.address1), let city = cell(.city), let zip = cell(.zip), let country = customer.country {
            customer.address = PostalAddress(line1: line1, line2: cell(.address2), city: city, region: cell(.province),
                                             postalCode: zip, country: country)
        }
        if let phone = cell(.phone) {
            guard ContactDetails.isPhone(phone) else { throw fail(.phone, "'\(phone.excerpt)' is not a phone number") }
            customer.phone = phone
        }
        if let email = cell(.payoutEmail) {
            guard ContactDetails.isEmail(email) else { throw fail(.payoutEmail, "'\(email.excerpt)' is not an email address") }
            customer.payoutEmail = email
        }
        if let spent = cell(.totalSpent) {
            guard let money = Money.parse(Substring(spent), currency: currency), money.minorUnits >= 0 else {
                throw fail(.totalSpent, "'\(spent.excerpt)' is not an amount like 1234.50")
            }
            customer.totalSpent = money
        }
        if let orders = cell(.orders) {
            guard let count = Int(orders), count >= 0 else { throw fail(.orders, "'\(orders.excerpt)' is not a number of orders") }
            customer.orders = count
        }
        if let followers = cell(.followers) {
            guard let count = Int(followers.filter { $0 != "," && $0 != "_" }), count >= 0 else {
                throw fail(.followers, "'\(followers.excerpt)' is not a follower count")
            }
            customer.followers = count
        }
        customer.loyaltyTier = cell(.loyaltyTier)
        let dedicated: [(CustomerListLayout.Field, Platform)] = [(.instagram, .instagram), (.tiktok, .tiktok), (.youtube, .youtube), (.handle, .instagram)]
        for (field, platform) in dedicated {
            guard let text = cell(field) else { continue }
            guard let handle = SocialHandles.clean(text) else { throw fail(field, "'\(text.excerpt)' is not a social handle") }
            customer.addHandle(platform, handle)
        }
        for tag in (cell(.tags) ?? "").split(separator: ",") {
            let tag = String(tag).trimmingWhitespace
            if let (platform, handle) = SocialHandles.fromTag(tag) {
                customer.addHandle(platform, handle)
                continue
            }
            let lower = tag.lowercased()
            if lower.hasPrefix("loyalty-") || lower.hasPrefix("loyalty:") {
                customer.loyaltyTier = customer.loyaltyTier ?? String(tag.dropFirst("loyalty-".count))
            } else if categories.contains(lower) {
                customer.categories.append(lower)
            }
        }
        if let note = cell(.note) {
            customer.note = note
            for (platform, handle) in SocialHandles.fromNote(note) { customer.addHandle(platform, handle) }
        }
        return customer
    }

    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true", "1", "y", "subscribed": true
        case "no", "false", "0", "n", "unsubscribed", "not_subscribed", "never_subscribed": false
        default: nil
        }
    }
}
