/// How a promoted creator's incentive changes in the wave they move into: the change is made
/// to the plan they would otherwise get there (their override, else the wave's plan), so
/// "+5 points" always means five points more than the next wave offers everyone else.
public struct IncentiveChange: Hashable, Sendable, Codable {
    /// Added to the commission rate, in basis points (500 = +5 percentage points).
    public var commissionBasisPoints: Int64
    /// A bonus tier added to the plan, if any.
    public var bonusTier: BonusTier?

    public init(commissionBasisPoints: Int64 = 0, bonusTier: BonusTier? = nil) {
        self.commissionBasisPoints = commissionBasisPoints
        self.bonusTier = bonusTier
    }

    public func applied(to plan: IncentivePlan) -> IncentivePlan {
        var plan = plan
        if commissionBasisPoints != 0 {
            plan.commissionBasisPoints = max(0, (plan.commissionBasisPoints ?? 0) + commissionBasisPoints)
        }
        if let bonusTier, !plan.bonusTiers.contains(bonusTier) { plan.bonusTiers.append(bonusTier) }
        return plan
    }

    /// `commission +5 points, bonus 50.00 EUR at 20 direct orders`, or `same plan`.
    public var label: String {
        var parts: [String] = []
        if commissionBasisPoints != 0 {
            parts.append("commission \(commissionBasisPoints > 0 ? "+" : "")\(BasisPoints.text(commissionBasisPoints)) points")
        }
        if let tier = bonusTier { parts.append("bonus \(tier.bonus) at \(tier.thresholdLabel)") }
        return parts.isEmpty ? "same plan" : parts.joined(separator: ", ")
    }
}

extension IncentiveChange {
    /// Reads what a manager types at the promote prompt: `+5` or `commission +5` (percentage
    /// points, up to two decimals), `bonus 50 at 20 orders`, `bonus 100 at 2000 revenue`, or
    /// both separated by a comma. Nil for anything else.
    public init?(parsing text: String, currency: Currency) {
        self.init()
        for part in text.lowercased().split(separator: ",") {
            let words = part.split(separator: " ").filter { !["commission", "points", "point", "pts", "%"].contains($0) }
            if words.first == "bonus" {
                guard words.count == 5, words[2] == "at", let bonus = Money.parse(words[1], currency: currency),
                      bonusTier == nil else { return nil }
                switch words[4] {
                case "orders", "order":
                    guard let count = Int64(words[3]), count > 0 else { return nil }
                    bonusTier = BonusTier(metric: .directOrders, threshold: count, bonus: bonus)
                case "revenue":
                    guard let revenue = Money.parse(words[3], currency: currency) else { return nil }
                    bonusTier = BonusTier(metric: .directRevenue, threshold: revenue.minorUnits, bonus: bonus)
                default: return nil
                }
            } else {
                guard words.count == 1, commissionBasisPoints == 0 else { return nil }
                let number = words[0].hasPrefix("+") ? words[0].dropFirst() : words[0]
                // Percentage points with two decimals are basis points: 2.5 → 250.
                guard let points = Money.parse(number, currency: .eur), points.minorUnits != 0 else { return nil }
                commissionBasisPoints = points.minorUnits
            }
        }
        if commissionBasisPoints == 0 && bonusTier == nil { return nil }
    }
}
