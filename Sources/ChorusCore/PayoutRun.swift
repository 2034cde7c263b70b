/// A numbered batch of payments to creators, as finance pays it: created with everything
/// payable and unpaid, exported for the bank or payment tool, then marked paid.
///
/// Runs keep every item they paid, by a stable key, so the next run can subtract what was
/// already paid: a creator is never paid twice for the same item, and a refund after payment
/// comes back as a negative item in the next run.
public struct PayoutRun: Hashable, Sendable, Codable, Identifiable {
    public var number: Int
    public var createdOn: Day
    public var paidOn: Day?
    public var payments: [Payment]

    public init(number: Int, createdOn: Day, paidOn: Day? = nil, payments: [Payment]) {
        self.number = number
        self.createdOn = createdOn
        self.paidOn = paidOn
        self.payments = payments
    }

    public var id: Int { number }

    /// The sum of every payment, in minor units of the program currency.
    public var total: Int64 { payments.reduce(0) { $0 + $1.total } }
}

/// What one creator receives in a run.
public struct Payment: Hashable, Sendable, Codable {
    public var creatorID: CreatorID
    public var items: [PayoutItem]

    public init(creatorID: CreatorID, items: [PayoutItem]) {
        self.creatorID = creatorID
        self.items = items
    }

    public var total: Int64 { items.reduce(0) { $0 + $1.amount } }
}

/// One thing paid: `commission W2 #1001`, `bonus W2 1` (the plan's second tier) or `fee W2`,
/// with the amount paid now (minor units; negative takes back part of an earlier payment).
public struct PayoutItem: Hashable, Sendable, Codable {
    public var key: String
    public var amount: Int64

    public init(key: String, amount: Int64) {
        self.key = key
        self.amount = amount
    }
}
