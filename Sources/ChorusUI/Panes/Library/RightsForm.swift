import ChorusCore

/// One asset's usage rights as a keyboard form. Dates take `YYYY-MM-DD` or `+90d` (days after
/// the date already there), because "extend by 90 days" is what people do most. Every rule
/// of `UsageRights` is checked here before anything is sent, and each problem is put next to
/// the field that fixes it; saving sends one `.setUsageRights`, so the change is one `z`.
enum RightsForm {
    enum Field: Int, CaseIterable {
        case uses, territory, start, end, exclusive, adCode, adEnd, note

        var label: String {
            switch self {
            case .uses: "Uses"
            case .territory: "Territory"
            case .start: "Starts"
            case .end: "Ends"
            case .exclusive: "Exclusive y/n"
            case .adCode: "Ad code"
            case .adEnd: "Ad code ends"
            case .note: "Note"
            }
        }
    }

    /// The asset's rights, or for an unlicensed asset a start today and an end to fill in.
    static func form(for asset: Asset, handle: String, today: Day) -> FormState {
        let rights = asset.rights
        let text: (Field) -> String = { field in
            switch field {
            case .uses: (rights?.uses ?? [.organicRepost]).map(\.slug).joined(separator: ", ")
            case .territory: rights.map { territoryText($0.territory) } ?? "worldwide"
            case .start: (rights?.start ?? today).description
            case .end: rights?.end.description ?? ""
            case .exclusive: BriefText.yesNo(rights?.exclusive ?? false)
            case .adCode: rights?.whitelistingAdCode ?? ""
            case .adEnd: rights?.whitelistingEnd?.description ?? ""
            case .note: rights?.note ?? ""
            }
        }
        return FormState(title: "Usage rights of \(asset.id) by \(handle)", fields: Field.allCases.map { FormField($0.label, text($0)) })
    }

    /// The rights the fields describe, or nil after putting a message next to every field
    /// that does not read or breaks a rule.
    static func rights(from form: inout FormState, base: UsageRights?, today: Day) -> UsageRights? {
        func text(_ field: Field) -> String { form.fields[field.rawValue].text.trimmingSpaces }
        func read<T>(_ field: Field, _ parse: (String) throws -> T) -> T? {
            do { return try parse(text(field)) } catch {
                form.refuse(field.rawValue, (error as? BriefText.Problem)?.message ?? "\(error)")
                return nil
            }
        }
        let uses = read(.uses, self.uses)
        let territory = read(.territory, self.territory)
        let start = read(.start) { try requiredDay($0, after: base?.start ?? today, "the first day the rights hold") }
        let end = read(.end) { try requiredDay($0, after: base?.end ?? start ?? today, "the last day the rights hold") }
        let exclusive = read(.exclusive, BriefText.yesNo)
        let adEnd = read(.adEnd) { try day($0, after: base?.whitelistingEnd ?? base?.end ?? today) }
        guard let uses, let territory, let start, let end, let exclusive, let adEnd, !form.hasMessages else { return nil }
        let adCode = text(.adCode), note = text(.note)
        let rights = UsageRights(uses: uses, territory: territory, start: start, end: end, exclusive: exclusive,
                                 whitelistingAdCode: adCode.isEmpty ? nil : adCode, whitelistingEnd: adEnd, note: note.isEmpty ? nil : note)
        for problem in rights.validationProblems { form.refuse(field(for: problem).rawValue, problem) }
        return form.hasMessages ? nil : rights
    }

    /// The field a rule's problem is about, so it shows where the fix goes.
    static func field(for problem: String) -> Field {
        if problem.contains("ad code") { return .adCode }
        if problem.contains("own end date") { return .adEnd }
        if problem.contains("before they start") { return .end }
        if problem.contains("country") { return .territory }
        if problem.contains("use") { return .uses }
        return .end
    }

    static func territoryText(_ territory: Territory) -> String {
        switch territory {
        case .worldwide: "worldwide"
        case .countries(let codes): codes.joined(separator: ", ")
        }
    }

    static func uses(_ text: String) throws -> [RightsUse] {
        let names = BriefText.list(text)
        if names.isEmpty { throw BriefText.Problem("name at least one use: \(RightsUse.slugs)") }
        var uses: [RightsUse] = []
        for name in names {
            guard let use = RightsUse(named: name) else { throw BriefText.Problem("'\(name)' is not a use; use \(RightsUse.slugs)") }
            if !uses.contains(use) { uses.append(use) }
        }
        return uses
    }

    static func territory(_ text: String) throws -> Territory {
        if text.lowercased() == "worldwide" { return .worldwide }
        let codes = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.uppercased() }
        if codes.isEmpty { throw BriefText.Problem("write worldwide or country codes such as DE, AT") }
        if let unknown = codes.first(where: { !CountryCodes.isKnown($0) }) {
            throw BriefText.Problem("'\(unknown)' is not a known country code; use two letters such as DE, AT")
        }
        return .countries(codes)
    }

    /// `YYYY-MM-DD`, or `+90d` / `+90` counted from `base`; empty is nil.
    private static func day(_ text: String, after base: Day) throws -> Day? {
        guard text.hasPrefix("+") else { return try BriefText.day(text) }
        let digits = text.dropFirst().lowercased().filter { $0 != "d" }
        guard let days = Int(digits), days >= 0 else { throw BriefText.Problem("write +90d for 90 days after \(base)") }
        return base.adding(days: days)
    }

    private static func requiredDay(_ text: String, after base: Day, _ what: String) throws -> Day {
        guard let day = try day(text, after: base) else { throw BriefText.Problem("\(what) is required: YYYY-MM-DD or +90d") }
        return day
    }
}
