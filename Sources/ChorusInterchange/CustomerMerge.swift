import ChorusCore

/// Merges customer-list rows into creators, so the same person found in the store export,
/// the loyalty list and the CRM becomes one creator who remembers every list.
///
/// **The merge rule.** A row is the same person as a creator when the email matches
/// (ignoring case), else when one of its handles matches the creator's handle or a profile on
/// the same platform. Then:
/// - contact fields — name, email, country, address, phone, payout email, marketing consent — and the loyalty tier
///   take the newest import's value; a replaced value is listed as a conflict;
/// - order count and total spent are the same purchases seen by different systems, so they are
///   never added: the higher figure is kept (a list that lags behind has seen fewer orders);
/// - handles are identity: a known creator keeps the handle on file for a platform, and a
///   list naming another one is listed as a conflict, as is a handle that belongs to someone else;
/// - categories, profiles and sources are united; an empty cell changes nothing.
/// A list without a consent column leaves consent as it was; a new customer without one is
/// not contactable until a list says they accepted marketing.
///
/// **Leads.** A new customer with an email but no handle becomes a lead (a creator without a
/// handle, found again by email, so re-importing the list adds nobody twice). A lead a later
/// list gives a handle takes it and becomes a prospect, the same record.
struct CustomerMerge {
    private let workspace: Workspace
    private let source: CreatorSource
    private var ids: IDSequence<CreatorID>
    /// Creators this import touches, in the order first touched.
    private var touched: [Creator] = []
    private var position: [CreatorID: Int] = [:]
    private var byEmail: [String: CreatorID] = [:]
    private var byHandle: [String: CreatorID] = [:]
    private(set) var conflicts: [String] = []
    private(set) var added = 0
    private(set) var merged = 0
    /// New leads among `added`'s people (not counted there: they are not creators yet).
    private(set) var leadsAdded = 0

    init(workspace: Workspace, source: CreatorSource) {
        self.workspace = workspace
        self.source = source
        ids = IDSequence(after: workspace.creators.lazy.map(\.id), prefix: "CR-", width: 5)
        byEmail.reserveCapacity(workspace.creators.count)
        byHandle.reserveCapacity(workspace.creators.count * 2)
        for creator in workspace.creators { index(creator) }
    }

    var creators: [Creator] { touched }

    /// Merges one row; false when the row has neither a handle nor an email and matches no creator.
    mutating func add(_ row: CustomerRecord) -> Bool {
        var creator: Creator
        let isNew: Bool
        if let known = match(row) {
            creator = known
            isNew = false
            // A lead found again is not a creator merged.
            if position[creator.id] == nil, !creator.isLead { merged += 1 }
        } else {
            isNew = true
            if let (platform, handle) = row.primaryHandle {
                creator = Creator(id: ids.next(), handle: handle, name: row.name ?? handle,
                                  profiles: [SocialProfile(platform: platform, handle: handle, followers: 0)])
                added += 1
            } else if let email = row.email {
                creator = Creator(id: ids.next(), handle: "", name: row.name ?? email)
                leadsAdded += 1
            } else {
                return false
            }
        }
        apply(row, to: &creator, isNew: isNew)
        remember(creator)
        return true
    }

    private func creator(_ id: CreatorID) -> Creator? {
        position[id].map { touched[$0] } ?? workspace.creator(id)
    }

    private func match(_ row: CustomerRecord) -> Creator? {
        if let email = row.email?.lowercased(), let id = byEmail[email] { return creator(id) }
        for (platform, handle) in row.handles {
            if let id = byHandle[Self.key(platform, handle)] ?? byHandle[Self.key(nil, handle)] { return creator(id) }
        }
        return nil
    }

    private mutating func apply(_ row: CustomerRecord, to creator: inout Creator, isNew: Bool) {
        let who = row.email ?? creator.reference
        var name: String? = creator.name
        replace(who, "name", &name, row.name, same: ==) { $0 }
        creator.name = name ?? creator.name
        replace(who, "email", &creator.email, row.email, same: Self.sameIgnoringCase) { $0 }
        replace(who, "country", &creator.country, row.country, same: ==) { $0 }
        replace(who, "address", &creator.address, row.address, same: ==) { "\($0.line1), \($0.city)" }
        replace(who, "phone", &creator.phone, row.phone, same: ==) { $0 }
        replace(who, "payout email", &creator.payoutEmail, row.payoutEmail, same: Self.sameIgnoringCase) { $0 }
        var consent = creator.customer?.acceptsMarketing
        replace(who, "marketing consent", &consent, row.acceptsMarketing, same: ==) { $0 ? "yes" : "no" }
        var customer = creator.customer ?? CustomerSignals(orders: 0, totalSpent: .zero(workspace.program.currency), acceptsMarketing: false)
        // An applicant who becomes a customer stays contactable; a stranger from a list is not, until a list says so.
        customer.acceptsMarketing = consent ?? !isNew
        // A tier is a label: "Gold" on file and "gold" in a tag are the same tier.
        replace(who, "loyalty tier", &customer.loyaltyTier, row.loyaltyTier, same: Self.sameIgnoringCase) { $0 }
        customer.orders = max(customer.orders, row.orders ?? 0)
        if let spent = row.totalSpent, spent.minorUnits > customer.totalSpent.minorUnits { customer.totalSpent = spent }
        for category in row.categories where !customer.categories.contains(category) { customer.categories.append(category) }
        creator.customer = customer
        for (platform, handle) in row.handles { addProfile(platform, handle, to: &creator, who: who) }
        // A lead whose handle a list now gives becomes a prospect under it.
        if creator.isLead, let primary = creator.profiles.first { creator.handle = primary.handle }
        if let followers = row.followers, let index = creator.profiles.firstIndex(where: { $0.platform == (row.primaryHandle?.0 ?? creator.primaryPlatform) }) {
            creator.profiles[index].followers = followers
        }
        if creator.note == nil { creator.note = row.note }
        if !creator.sources.contains(source) { creator.sources.append(source) }
    }

    /// The newest import's value wins; a value it replaces is listed as a conflict.
    private mutating func replace<T>(_ who: String, _ field: String, _ current: inout T?, _ new: T?,
                                     same: (T, T) -> Bool, _ text: (T) -> String) {
        guard let new, !(current.map { same($0, new) } ?? false) else { return }
        if let old = current { conflicts.append("\(who): \(field) \(text(old)) replaced by \(text(new)) (newest import wins)") }
        current = new
    }

    private mutating func addProfile(_ platform: Platform, _ handle: String, to creator: inout Creator, who: String) {
        let normalized = Creator.normalizedHandle(handle)
        if let existing = creator.profiles.first(where: { $0.platform == platform }) {
            if Creator.normalizedHandle(existing.handle) != normalized {
                conflicts.append("\(who): \(platform.label) @\(handle) not used; @\(creator.handle) keeps @\(existing.handle) (handles on file win)")
            }
            return
        }
        let owner = byHandle[Self.key(platform, handle)] ?? byHandle[Self.key(nil, handle)]
        if let owner, owner != creator.id {
            conflicts.append("\(who): \(platform.label) @\(handle) belongs to another creator and was not added")
            return
        }
        creator.profiles.append(SocialProfile(platform: platform, handle: handle, followers: 0))
    }

    private mutating func remember(_ creator: Creator) {
        if let index = position[creator.id] {
            touched[index] = creator
        } else {
            position[creator.id] = touched.count
            touched.append(creator)
        }
        index(creator)
    }

    private mutating func index(_ creator: Creator) {
        if let email = creator.email?.lowercased() { byEmail[email] = creator.id }
        if !creator.isLead { byHandle[Self.key(nil, creator.handle)] = creator.id }
        for profile in creator.profiles { byHandle[Self.key(profile.platform, profile.handle)] = creator.id }
    }

    private static func sameIgnoringCase(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

    private static func key(_ platform: Platform?, _ handle: String) -> String {
        (platform?.rawValue ?? "*") + ":" + Creator.normalizedHandle(handle)
    }
}
