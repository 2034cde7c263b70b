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
    /// Creators owed money but left out of this run, and why (no tax form on file); nil
    /// for runs from before the rule, so their stored JSON is unchanged.
    public var leftOut: [LeftOutCreator]?

    public init(number: Int, createdOn: Day, paidOn: Day? = nil, payments: [Payment], leftOut: [LeftOutCreator]? = nil) {
        self.number = number
        self.createdOn = createdOn
        self.paidOn = paidOn
        self.payments = payments
        self.leftOut = leftOut
    }

    /// Where a payment stands: its reconciled outcome, else paid with the run, else still in it.
    public func state(of payment: Payment) -> PaymentState {
        if let outcome = payment.outcome { return outcome.state }
        return paidOn == nil ? .inRun : .paid
    }

    /// The day a payment was paid, when it was.
    public func paidDay(of payment: Payment) -> Day? {
        guard state(of: payment) == .paid else { return nil }
        return payment.outcome?.on ?? paidOn
    }

    /// The run's status in words, as the Payouts view and `chorus list payouts` show it.
    public var status: String {
        let states = payments.map(state(of:))
        let returned = states.filter { $0 == .returned }.count
        if returned == states.count { return "returned" }
        if states.allSatisfy({ $0 == .paid || $0 == .returned }) {
            return returned == 0 ? "paid" : "paid, \(returned) returned"
        }
        if states.contains(where: { $0 != .inRun }) { return "reconciling" }
        return "not yet paid"
    }

    public var id: Int { number }

    /// The sum of every payment, in minor units of the program currency.
    public var total: Int64 { payments.reduce(0) { $0 + $1.total } }
}

/// What one creator receives in a run.
public struct Payment: Hashable, Sendable, Codable {
    public var creatorID: CreatorID
    public var items: [PayoutItem]
    /// What the processor reported for it; nil until the run is reconciled.
    public var outcome: PaymentOutcome?

    public init(creatorID: CreatorID, items: [PayoutItem], outcome: PaymentOutcome? = nil) {
        self.creatorID = creatorID
        self.items = items
        self.outcome = outcome
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

/// Where one payment of a run stands.
public enum PaymentState: String, Hashable, Sendable, Codable {
    /// Sent to the processor (or about to be), no result yet.
    case inRun
    /// Still with the processor: PayPal's UNCLAIMED, PENDING or ONHOLD. It stays in the run,
    /// so it is never paid a second time while it may still be claimed.
    case waiting
    case paid
    /// Failed, returned or cancelled: its items are payable again in the next run.
    case returned

    public var label: String {
        switch self {
        case .inRun: "in run"
        case .waiting: "waiting"
        case .paid: "paid"
        case .returned: "returned"
        }
    }
}

/// A processor's result for one payment, from its report (`chorus payout reconcile`).
public struct PaymentOutcome: Hashable, Sendable, Codable {
    public var state: PaymentState
    public var on: Day
    /// The processor's status and reason as reported (`RETURNED`, `UNCLAIMED: not yet claimed`).
    public var reason: String?

    public init(state: PaymentState, on: Day, reason: String? = nil) {
        self.state = state
        self.on = on
        self.reason = reason
    }
}

/// A creator owed money whom a run did not pay, with the reason in words.
public struct LeftOutCreator: Hashable, Sendable, Codable {
    public var creatorID: CreatorID
    public var amount: Int64
    public var reason: String

    public init(creatorID: CreatorID, amount: Int64, reason: String) {
        self.creatorID = creatorID
        self.amount = amount
        self.reason = reason
    }
}
