
/// Finds everything in a workspace that breaks the domain's invariants: references that do
/// not resolve, duplicate ids, handles, codes or tracking numbers, stock reservations that do
/// not add up, dates out of order, statuses without the facts they imply.
///
/// Commands keep these invariants for changes made in Chorus, but workspaces also come from
/// imports, hand-edited snapshots, older versions and the generator. `chorus check` runs this
/// so a broken workspace is caught with a readable list instead of a wrong ledger. Each
/// problem names the record and says what is wrong, e.g.
/// `shipment SH-0042: creator CR-00999 does not exist`.
public enum WorkspaceCheck {
    /// Every problem found, grouped by area; empty for a sound workspace.
    public static func problems(in workspace: Workspace) -> [String] {
        var inspection = WorkspaceInspection(workspace)
        inspection.checkWaves()
        inspection.checkCreators()
        inspection.checkEnrollments()
        inspection.checkTracking()
        inspection.checkStock()
        inspection.checkShipments()
        inspection.checkSubmissions()
        inspection.checkAssets()
        inspection.checkOrders()
        return inspection.problems
    }
}

/// The state of one check run: the workspace and the problems found so far.
struct WorkspaceInspection {
    let workspace: Workspace
    let currency: Currency
    private(set) var problems: [String] = []

    init(_ workspace: Workspace) {
        self.workspace = workspace
        self.currency = workspace.program.currency
    }

    mutating func report(_ problem: String) { problems.append(problem) }

    /// Reports each value that appears more than once, naming it once.
    mutating func reportDuplicates<Key: Hashable>(_ keys: some Sequence<Key>, _ describe: (Key) -> String) {
        var seen: Set<Key> = []
        var reported: Set<Key> = []
        for key in keys where !seen.insert(key).inserted && reported.insert(key).inserted {
            report(describe(key))
        }
    }

    /// A table's repeated keys, found through its own index (a key leads to its first row, so a
    /// later row with that key is a repeat) instead of a set of every key: a million orders'
    /// ids copied into a set was `chorus check`'s peak memory.
    mutating func reportDuplicates<Entity: TableKeyed>(in table: EntityTable<Entity>, _ describe: (Entity.Key) -> String) {
        var reported: Set<Entity.Key> = []
        for (row, entity) in table.enumerated() where table.position(of: entity.tableKey) != row && reported.insert(entity.tableKey).inserted {
            report(describe(entity.tableKey))
        }
    }

    mutating func checkCurrency(_ money: Money?, _ owner: String, _ what: String) {
        guard let money, money.currency != currency else { return }
        report("\(owner): \(what) is in \(money.currency), the program uses \(currency)")
    }

    mutating func requireCreator(_ id: CreatorID, _ owner: String) {
        guard let creator = workspace.creator(id) else { return report("\(owner): creator \(id) does not exist") }
        if creator.isLead { report("\(owner): \(id) is a lead with no handle, who cannot be in a wave or hold anything") }
    }

    mutating func requireWave(_ id: WaveID, _ owner: String) {
        if workspace.wave(id) == nil { report("\(owner): wave \(id) does not exist") }
    }

    // MARK: Program, waves, creators, pipeline

    mutating func checkWaves() {
        reportDuplicates(in: workspace.waves) { "wave id \($0) is used twice" }
        reportDuplicates(workspace.waves.map(\.slug)) { "wave slug '\(($0).excerpt)' is used twice, so links cannot tell the waves apart" }
        for wave in workspace.waves {
            let owner = "wave \(wave.id)"
            if let start = wave.startDate, let end = wave.endDate, end < start { report("\(owner): ends \(end) before it starts \(start)") }
            checkCurrency(wave.budget, owner, "the budget")
            checkCurrency(wave.incentivePlan.flatFee, owner, "the flat fee")
            checkCurrency(wave.incentivePlan.storeCredit, owner, "the store credit")
            for tier in wave.incentivePlan.bonusTiers { checkCurrency(tier.bonus, owner, "a bonus") }
            for product in wave.brief.products {
                if workspace.sku(product.sku) == nil { report("\(owner): the brief seeds SKU \(product.sku), which does not exist") }
                if product.quantity <= 0 { report("\(owner): the brief seeds \(product.quantity) × \(product.sku)") }
            }
            reportDuplicates(wave.brief.deliverables.map(\.id)) { "\(owner): deliverable \($0) is listed twice" }
            for deliverable in wave.brief.deliverables {
                guard let rights = deliverable.rights else { continue }
                if rights.durationDays <= 0 { report("\(owner): deliverable \(deliverable.id) grants rights for \(rights.durationDays) days") }
                if case .countries(let codes) = rights.territory {
                    for code in codes where !CountryCodes.isKnown(code) {
                        report("\(owner): deliverable \(deliverable.id) licenses '\(code.excerpt)', not a known country code")
                    }
                }
            }
        }
    }

    mutating func checkCreators() {
        reportDuplicates(in: workspace.creators) { "creator id \($0) is used twice" }
        let handled = workspace.creators.filter { !$0.isLead }
        reportDuplicates(handled.map { Creator.normalizedHandle($0.handle) }) { "handle @\($0) belongs to more than one creator" }
        reportDuplicates(handled.map(\.effectiveLinkSlug)) { "link slug '\(($0).excerpt)' belongs to more than one creator" }
        // Leads are known by email alone: one each, and only for people in no wave and holding nothing.
        reportDuplicates(workspace.leads.compactMap { $0.email?.lowercased() }) { "the email \(($0).excerpt) belongs to more than one lead" }
        for creator in workspace.creators {
            let owner = "creator \(creator.id)"
            if creator.isLead {
                if !(creator.email.map(ContactDetails.isEmail) ?? false) { report("\(owner): has neither a handle nor an email") }
            } else if Creator.normalizedHandle(creator.handle).isEmpty { report("\(owner): has no handle") }
            if let country = creator.country, !CountryCodes.isKnown(country) { report("\(owner): '\(country.excerpt)' is not a known country code") }
            if let address = creator.address, !CountryCodes.isKnown(address.country) {
                report("\(owner): the address country '\(address.country.excerpt)' is not a known country code")
            }
            for profile in creator.profiles where profile.followers < 0 {
                report("\(owner): \(profile.followers) followers on \(profile.platform.label)")
            }
            if let customer = creator.customer {
                checkCurrency(customer.totalSpent, owner, "total spent")
                if let first = customer.firstOrder, let last = customer.lastOrder, last < first {
                    report("\(owner): last order \(last) is before the first \(first)")
                }
            }
        }
    }

    mutating func checkEnrollments() {
        reportDuplicates(in: workspace.enrollments) { "creator \($0.creatorID) is enrolled in wave \($0.waveID) twice" }
        for enrollment in workspace.enrollments {
            let owner = "enrollment of \(enrollment.creatorID) in \(enrollment.waveID)"
            requireCreator(enrollment.creatorID, owner)
            requireWave(enrollment.waveID, owner)
            if enrollment.stage.isExit, (enrollment.exitReason ?? "").isEmpty {
                report("\(owner): \(enrollment.stage.label) without a reason")
            }
        }
    }

    mutating func checkTracking() {
        reportDuplicates(workspace.discountCodes.map { $0.code.uppercased() }) { "discount code \($0) is used twice" }
        for code in workspace.discountCodes {
            let owner = "discount code \(code.code)"
            if code.code.isEmpty { report("a discount code of creator \(code.creatorID) is empty") }
            requireCreator(code.creatorID, owner)
            if let wave = code.waveID { requireWave(wave, owner) }
            if let from = code.validFrom, let until = code.validUntil, until < from { report("\(owner): valid until \(until), before \(from)") }
            if code.kind == .percent, !(1...10_000).contains(code.value) { report("\(owner): \(code.value) basis points is not a percentage") }
            if code.value <= 0 { report("\(owner): gives no discount") }
        }
        reportDuplicates(workspace.trackingLinks.map(TrackingLinkKey.init)) { "tracking link \($0) is listed twice" }
        for link in workspace.trackingLinks {
            let owner = "tracking link \(TrackingLinkKey(link))"
            requireCreator(link.creatorID, owner)
            requireWave(link.waveID, owner)
        }
    }

    mutating func checkOrders() {
        reportDuplicates(in: workspace.orders) { "order \($0) appears twice" }
        for order in workspace.orders {
            let owner = "order \(order.id)"
            checkCurrency(order.subtotal, owner, "the subtotal")
            checkCurrency(order.refunded, owner, "the refund")
            for line in order.lines {
                checkCurrency(line.price, owner, "a line price")
                if line.quantity <= 0 { report("\(owner): a line has quantity \(line.quantity)") }
            }
            if order.refunded.currency == order.subtotal.currency {
                if order.refunded.minorUnits < 0 { report("\(owner): refund is negative") }
                if order.refunded > order.subtotal { report("\(owner): refunds \(order.refunded) of a \(order.subtotal) subtotal") }
            }
            if let cancelled = order.cancelledAt, cancelled < order.createdAt { report("\(owner): cancelled before it was placed") }
        }
        // An answer whose order is not imported yet is waiting for it, not broken (`SurveyAnswerOrders`).
        reportDuplicates(in: workspace.surveyResponses) { "survey response \($0) appears twice" }
        for response in workspace.surveyResponses {
            if let creator = response.creditedCreator { requireCreator(creator, "survey response \(response.id)") }
        }
    }
}

/// A tracking link's identity, for naming duplicates.
private struct TrackingLinkKey: Hashable, CustomStringConvertible {
    let creatorID: CreatorID
    let waveID: WaveID
    let platform: Platform
    init(_ link: TrackingLink) { creatorID = link.creatorID; waveID = link.waveID; platform = link.platform }
    var description: String { "\(creatorID)/\(waveID)/\(platform.rawValue)" }
}
