import ChorusCore

/// A wave as a keyboard form: which fields it has, how a wave fills them, and how they read
/// back into a wave. Saving makes exactly one `.createWave` or `.updateWave`, so the change is
/// one journal line and one `z`.
enum WaveForm {
    /// The form's fields, in Tab order.
    enum Field: Int, CaseIterable {
        case name, status, start, end, budget
        case products, keyMessages, hashtags, mentions, bannedWords, deliverables
        case gifting, flatFee, storeCredit, commission, bonusTiers
        case usageRights

        var label: String {
            switch self {
            case .name: "Name"
            case .status: "Status"
            case .start: "Starts"
            case .end: "Ends"
            case .budget: "Budget"
            case .products: "Products"
            case .keyMessages: "Key messages"
            case .hashtags: "Hashtags"
            case .mentions: "Mentions"
            case .bannedWords: "Banned words"
            case .deliverables: "Deliverables"
            case .gifting: "Gifting (y/n)"
            case .flatFee: "Flat fee"
            case .storeCredit: "Store credit"
            case .commission: "Commission %"
            case .bonusTiers: "Bonus tiers"
            case .usageRights: "Usage rights"
            }
        }
    }

    static func form(title: String, wave: Wave, currency: Currency) -> FormState {
        let brief = wave.brief, plan = wave.incentivePlan
        let text: (Field) -> String = { field in
            switch field {
            case .name: wave.name
            case .status: wave.status.label
            case .start: wave.startDate?.description ?? ""
            case .end: wave.endDate?.description ?? ""
            case .budget: wave.budget.decimalString
            case .products: BriefText.items(brief.products.map { ($0.sku, $0.quantity) })
            case .keyMessages: BriefText.list(brief.keyMessages)
            case .hashtags: BriefText.list(brief.requiredHashtags)
            case .mentions: BriefText.list(brief.requiredMentions)
            case .bannedWords: BriefText.list(brief.bannedWords)
            case .deliverables: BriefText.deliverables(brief.deliverables)
            case .gifting: BriefText.yesNo(plan.gifting)
            case .flatFee: plan.flatFee?.decimalString ?? ""
            case .storeCredit: plan.storeCredit?.decimalString ?? ""
            case .commission: BriefText.percent(plan.commissionBasisPoints)
            case .bonusTiers: BriefText.bonusTiers(plan.bonusTiers, currency)
            case .usageRights: DeliverableRightsText.text(brief.deliverables)
            }
        }
        return FormState(title: title, fields: Field.allCases.map { FormField($0.label, text($0)) })
    }

    /// `base` with the form's values, or nil after putting a message next to every field that
    /// does not read. Deliverables keep their ids (submissions point at them) when their
    /// platform and format are still there.
    static func wave(from form: inout FormState, base: Wave, currency: Currency) -> Wave? {
        var wave = base
        func read<T>(_ field: Field, _ parse: (String) throws -> T) -> T? {
            do { return try parse(form.fields[field.rawValue].text) } catch {
                form.refuse(field.rawValue, (error as? BriefText.Problem)?.message ?? "\(error)")
                return nil
            }
        }
        wave.name = form.fields[Field.name.rawValue].text.trimmingSpaces
        if let status = read(.status, status) { wave.status = status }
        if let start = read(.start, BriefText.day) { wave.startDate = start }
        if let end = read(.end, BriefText.day) { wave.endDate = end }
        if let budget = read(.budget, { try BriefText.money($0, currency) }) { wave.budget = budget }
        wave.brief.products = BriefText.items(form.fields[Field.products.rawValue].text).map { BriefProduct(sku: $0.sku, quantity: $0.quantity) }
        wave.brief.keyMessages = BriefText.list(form.fields[Field.keyMessages.rawValue].text)
        wave.brief.requiredHashtags = BriefText.list(form.fields[Field.hashtags.rawValue].text)
        wave.brief.requiredMentions = BriefText.list(form.fields[Field.mentions.rawValue].text)
        wave.brief.bannedWords = BriefText.list(form.fields[Field.bannedWords.rawValue].text)
        if let parsed = read(.deliverables, BriefText.deliverables) { wave.brief.deliverables = deliverables(parsed, keeping: base) }
        if form.fields[Field.usageRights.rawValue].text.trimmingSpaces != DeliverableRightsText.perDeliverable,
           let rights = read(.usageRights, DeliverableRightsText.template) {
            for index in wave.brief.deliverables.indices { wave.brief.deliverables[index].rights = rights }
        }
        if let gifting = read(.gifting, BriefText.yesNo) { wave.incentivePlan.gifting = gifting }
        if let fee = read(.flatFee, { try BriefText.optionalMoney($0, currency) }) { wave.incentivePlan.flatFee = fee }
        if let credit = read(.storeCredit, { try BriefText.optionalMoney($0, currency) }) { wave.incentivePlan.storeCredit = credit }
        if let commission = read(.commission, BriefText.percent) { wave.incentivePlan.commissionBasisPoints = commission }
        if let tiers = read(.bonusTiers, { try BriefText.bonusTiers($0, currency) }) { wave.incentivePlan.bonusTiers = tiers }
        return form.hasMessages ? nil : wave
    }

    /// A new wave's slug from the name it was given (`Autumn Trails` → `autumn-trails`): the
    /// slug is the `utm_campaign` of every tracking link, so it should read as the wave does
    /// rather than as the placeholder `wave-1`. Nil when the name has no ASCII letters or
    /// digits, or another wave has that slug.
    static func slug(for name: String, in workspace: Workspace) -> String? {
        let words = TextFolding.words(name).map { String($0.unicodeScalars.filter(\.isASCII).map(Character.init)) }.filter { !$0.isEmpty }
        let slug = words.joined(separator: "-")
        guard !slug.isEmpty, !workspace.waves.contains(where: { $0.slug.lowercased() == slug }) else { return nil }
        return slug
    }

    /// The field a domain refusal is about, so it shows where the fix goes. SKUs first: an
    /// unknown SKU's refusal lists the program's SKUs, whose names may hold any of the words after.
    static func field(for refusal: String) -> Int {
        let fields: [(String, Field)] = [("SKU", .products), ("seeds", .products), ("ends", .end), ("budget", .budget),
                                         ("commission", .commission), ("incentive", .flatFee)]
        return (fields.first { refusal.contains($0.0) }?.1 ?? .name).rawValue
    }

    private static func status(_ text: String) throws -> WaveStatus {
        let text = text.trimmingSpaces.lowercased()
        guard let status = WaveStatus.allCases.first(where: { $0.label == text || $0.rawValue.lowercased() == text }) else {
            throw BriefText.Problem("use \(WaveStatus.allCases.map(\.label).joined(separator: ", "))")
        }
        return status
    }

    private static func deliverables(_ parsed: [(platform: Platform, format: ContentFormat, due: Day?)], keeping base: Wave) -> [Deliverable] {
        var unused = base.brief.deliverables
        var number = 0
        return parsed.map { item in
            if let index = unused.firstIndex(where: { $0.platform == item.platform && $0.format == item.format }) {
                var kept = unused.remove(at: index)
                kept.dueDate = item.due
                return kept
            }
            var id: DeliverableID
            repeat {
                number += 1
                id = DeliverableID("\(base.id)-D\(number)")
            } while base.brief.deliverables.contains { $0.id == id }
            return Deliverable(id: id, platform: item.platform, format: item.format, dueDate: item.due)
        }
    }
}
