/// Leads: customers the brand knows by email but not yet by a social handle.
///
/// A customer-sourced program starts by asking its best customers to join, and most customers
/// have no handle on file. A lead is a creator record with an empty handle, so when they answer
/// with one the same record (id, orders, consent, every list it came from) becomes a prospect.
/// Until then they are in no wave and hold no code or link, so nothing is attributed, owed or
/// shipped to them, and every count of creators leaves them out.
extension Creator {
    /// Inlinable: asked of every creator at open, in place in their array rather than of a copy.
    @inlinable public var isLead: Bool { handle.isEmpty }

    /// How messages name this person: `@handle`, or a lead's email (their only key).
    public var reference: String { isLead ? (email ?? id.rawValue) : "@" + handle }
}

extension Workspace {
    /// Creators with a handle: what every count, table and total of creators means.
    public var handledCreators: [Creator] { creators.filter { !$0.isLead } }

    public var leads: [Creator] { creators.filter(\.isLead) }

    /// The lead with this email (ignoring case), if any.
    public func lead(email: some StringProtocol) -> Creator? {
        let wanted = email.lowercased()
        return creators.first { $0.isLead && $0.email?.lowercased() == wanted }
    }
}

extension ChangeRecorder {
    /// A lead's email is their only key, so two leads never share one: a re-imported list finds
    /// the lead it made before instead of making another.
    func requireUniqueLeadEmails(_ changed: [Creator]) throws {
        let incoming = changed.filter(\.isLead)
        guard !incoming.isEmpty else { return }
        let changing = Set(changed.map(\.id))
        var owners: [String: Creator] = [:]
        for lead in workspace.creators where lead.isLead && !changing.contains(lead.id) {
            if let email = lead.email?.lowercased() { owners[email] = lead }
        }
        for lead in incoming {
            guard let email = lead.email?.lowercased() else { continue }
            if let other = owners[email], other.id != lead.id {
                throw DomainError("the lead \(lead.reference) is already \(other.name) (\(other.id))")
            }
            owners[email] = lead
        }
    }
}

/// What a lead bought, as the recruit view and `chorus list creators --leads` show it: the
/// customer list's order count and total, and the products on the orders with their email.
public struct LeadPurchases: Hashable, Sendable {
    public var orders: Int
    public var spent: Money
    public var products: [String]

    public init(orders: Int, spent: Money, products: [String]) {
        self.orders = orders
        self.spent = spent
        self.products = products
    }

    /// "2 orders · 88.00 EUR · Trail Socks - M, Merino Base Layer - S", or "no orders".
    public var summary: String {
        guard orders > 0 || !products.isEmpty else { return "no orders" }
        return ([counted(orders, "order"), spent.description] + (products.isEmpty ? [] : [products.joined(separator: ", ")]))
            .joined(separator: " · ")
    }
}

extension Workspace {
    /// Every lead's purchases, reading the orders once. An order counted by the store but not
    /// yet by the list raises the count, as the customers import keeps the higher figure.
    public func leadPurchases() -> [CreatorID: LeadPurchases] { leadPurchases(of: creators.filter(\.isLead)) }

    private func leadPurchases(of leads: [Creator]) -> [CreatorID: LeadPurchases] {
        var byEmail: [String: CreatorID] = [:]
        var result: [CreatorID: LeadPurchases] = [:]
        for lead in leads {
            let signals = lead.customer
            result[lead.id] = LeadPurchases(orders: signals?.orders ?? 0, spent: signals?.totalSpent ?? .zero(program.currency), products: [])
            if let email = lead.email?.lowercased() { byEmail[email] = lead.id }
        }
        guard !byEmail.isEmpty else { return result }
        var counted: [CreatorID: Int] = [:]
        for order in orders where order.counts {
            guard let email = order.email?.lowercased(), let id = byEmail[email] else { continue }
            counted[id, default: 0] += 1
            for line in order.lines where !result[id]!.products.contains(line.name) { result[id]!.products.append(line.name) }
        }
        for (id, count) in counted where count > result[id]!.orders { result[id]!.orders = count }
        return result
    }
}
