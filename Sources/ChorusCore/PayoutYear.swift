/// What each creator was paid in a calendar year, for year-end tax reporting: `chorus report
/// payouts --year 2026`. A payment counts in the year it was paid (its reconciled day, else
/// the day its run was marked paid); returned and unsent payments count nowhere.
public struct PayoutYear: Sendable {
    /// The US 1099-NEC reporting threshold the issue names: 600.00 USD paid in the year.
    public static let form1099Threshold: Int64 = 60_000

    public struct Row: Hashable, Sendable {
        public var creatorID: CreatorID
        public var paid: Int64
        public var payments: Int
        /// At or above the 1099-NEC threshold; nil when the program does not pay in USD.
        public var reachesThreshold: Bool?
    }

    public let year: Int
    public let currency: Currency
    /// Creators paid in the year, most paid first.
    public let rows: [Row]

    public init(_ workspace: Workspace, year: Int) {
        let currency = workspace.program.currency
        var totals: [CreatorID: (paid: Int64, payments: Int)] = [:]
        for run in workspace.payoutRuns {
            for payment in run.payments {
                guard let day = run.paidDay(of: payment), day.components.year == year else { continue }
                totals[payment.creatorID, default: (0, 0)].paid += payment.total
                totals[payment.creatorID, default: (0, 0)].payments += 1
            }
        }
        self.year = year
        self.currency = currency
        rows = totals.map { id, total in
            Row(creatorID: id, paid: total.paid, payments: total.payments,
                reachesThreshold: currency == .usd ? total.paid >= Self.form1099Threshold : nil)
        }.sorted { ($0.paid, $1.creatorID.rawValue) > ($1.paid, $0.creatorID.rawValue) }
    }
}
