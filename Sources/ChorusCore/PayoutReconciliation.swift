/// The processor's result for one creator's payment in a run, as `chorus payout reconcile`
/// read it from PayPal's or Wise's report.
public struct PaymentResult: Hashable, Sendable, Codable {
    public var creatorID: CreatorID
    public var outcome: PaymentOutcome

    public init(creatorID: CreatorID, outcome: PaymentOutcome) {
        self.creatorID = creatorID
        self.outcome = outcome
    }
}

/// A creator's payout details as a whole, set from the creator form or a payout-details file.
public struct PayoutDetails: Hashable, Sendable, Codable {
    public var creatorID: CreatorID
    public var profile: PayoutProfile?
    /// A new payout email; nil keeps the one on file.
    public var payoutEmail: String?

    public init(creatorID: CreatorID, profile: PayoutProfile?, payoutEmail: String? = nil) {
        self.creatorID = creatorID
        self.profile = profile
        self.payoutEmail = payoutEmail
    }
}

extension PayoutRun {
    /// The processor's item id for a creator's payment: stable per creator and run, so a report
    /// matches back to exactly one payment, and PayPal refuses the same id twice.
    public func itemID(for creatorID: CreatorID) -> String { "R\(number)-\(creatorID.rawValue)" }

    /// The creator a processor's item id names in this run, if any.
    public func creator(forItemID itemID: String) -> CreatorID? {
        payments.first { self.itemID(for: $0.creatorID) == itemID }?.creatorID
    }
}

extension ChangeRecorder {
    /// Records each payment's result. A returned payment's items are owed again and may already
    /// be in a later run, so its result is final; anything else may still move on (an unclaimed
    /// PayPal payment is claimed, or returned after 30 days).
    mutating func reconcilePayoutRun(_ number: Int, results: [PaymentResult]) throws -> String {
        guard var run = workspace.payoutRun(number) else { throw DomainError("there is no payout run \(number)") }
        try Self.requireNonEmpty(results, "payment results")
        var counts: [PaymentState: Int] = [:]
        for result in results {
            guard let index = run.payments.firstIndex(where: { $0.creatorID == result.creatorID }) else {
                throw DomainError("\(handle(result.creatorID)) is not paid in payout run \(number)")
            }
            let current = run.state(of: run.payments[index])
            if current == .returned, result.outcome.state != .returned {
                throw DomainError("\(handle(result.creatorID))'s payment in run \(number) was already returned and is payable again; "
                                  + "it cannot become \(result.outcome.state.label)")
            }
            if current == .returned { continue }
            run.payments[index].outcome = result.outcome
            counts[result.outcome.state, default: 0] += 1
        }
        put(run)
        let parts = [(PaymentState.paid, "paid"), (.waiting, "waiting"), (.returned, "returned to payable")]
            .compactMap { state, words in counts[state].map { "\($0) \(words)" } }
        return "reconciled payout run \(number): " + (parts.isEmpty ? "nothing changed" : parts.joined(separator: ", "))
    }

    mutating func setPayoutDetails(_ details: [PayoutDetails]) throws -> String {
        try Self.requireNonEmpty(details, "payout details")
        for detail in details {
            var creator = try requireCreator(detail.creatorID)
            if let country = detail.profile?.taxCountry, !CountryCodes.isKnown(country) {
                throw DomainError("\(handle(detail.creatorID))'s tax country \(country) is not a two-letter country code (US, DE, GB)")
            }
            creator.payoutProfile = detail.profile
            if let email = detail.payoutEmail {
                guard ContactDetails.isEmail(email) else { throw DomainError("\(handle(detail.creatorID))'s payout email \(email) is not an email address") }
                creator.payoutEmail = email
            }
            put(creator)
        }
        return details.count == 1 ? "updated the payout details of \(handle(details[0].creatorID))"
            : "updated the payout details of \(Self.plural(details.count, "creator"))"
    }
}
