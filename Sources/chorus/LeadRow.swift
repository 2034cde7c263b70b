import ChorusCore

/// A row of `chorus list creators --leads`: a customer known by email but not yet by a handle,
/// whether they may be asked to apply, what they bought, and whether they were asked.
struct LeadRow: ListRow {
    var id: String
    var name: String
    var email: String?
    var acceptsMarketing: Bool
    var sources: [String]
    var orders: Int
    var spent: String
    var products: [String]
    /// The three above as one phrase: "1 order · 24.00 EUR · Trail Socks - M".
    var bought: String
    var invitationToApply: String?

    init(_ lead: Creator, purchases: LeadPurchases?, today: Day) {
        id = lead.id.rawValue
        name = lead.name
        email = lead.email
        acceptsMarketing = lead.isContactable
        sources = lead.sources.map(\.rawValue)
        orders = purchases?.orders ?? 0
        spent = (purchases?.spent).map(\.description) ?? ""
        products = purchases?.products ?? []
        bought = purchases?.summary ?? "no orders"
        invitationToApply = lead.invitationToApply?.label(today: today)
    }

    static let columns = ["id", "name", "email", "marketing", "bought", "apply"]
    var cells: [String] { [id, name, email ?? "", acceptsMarketing ? "yes" : "no", bought, invitationToApply ?? ""] }
}

extension Listings {
    /// `chorus list creators --leads`: customers with no handle yet, biggest spenders first.
    func leads(_ collection: ListCommand.Collection) throws -> Listing {
        guard collection == .creators else { throw CLIFailure(message: "--leads is for creators: chorus list creators --leads") }
        let purchases = workspace.leadPurchases()
        let leads = workspace.leads.sorted { lhs, rhs in
            let (a, b) = (purchases[lhs.id]?.spent.minorUnits ?? 0, purchases[rhs.id]?.spent.minorUnits ?? 0)
            return a != b ? a > b : lhs.id < rhs.id
        }
        return Listing(rows: leads.map { LeadRow($0, purchases: purchases[$0.id], today: today) })
    }
}
