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

extension IncentivePlan {
    /// `gifting, fee 150.00 EUR, commission 17%, bonus 100.00 EUR at 25 direct orders`.
    public var label: String {
        var parts: [String] = gifting ? ["gifting"] : []
        if let flatFee { parts.append("fee \(flatFee)") }
        if let storeCredit { parts.append("store credit \(storeCredit)") }
        if let commissionBasisPoints { parts.append("commission \(BasisPoints.text(commissionBasisPoints))%") }
        parts += bonusTiers.map { "bonus \($0.bonus) at \($0.thresholdLabel)" }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}

extension BonusTier {
    /// `20 direct orders` or `1000.00 EUR direct revenue`.
    public var thresholdLabel: String {
        switch metric {
        case .directOrders: "\(threshold) direct orders"
        case .directRevenue: "\(Money(minorUnits: threshold, currency: bonus.currency)) direct revenue"
        }
    }
}

/// Basis points as a person reads them: 1250 → `12.5`, 500 → `5`; as a percentage with two
/// places (ROI): 27040 → `270.40%`.
public enum BasisPoints {
    public static func percent(_ basisPoints: Int64) -> String {
        let magnitude = basisPoints.magnitude
        let fraction = magnitude % 100
        return "\(basisPoints < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    public static func text(_ basisPoints: Int64) -> String {
        let whole = basisPoints / 100, rest = (basisPoints % 100).magnitude
        if rest == 0 { return String(whole) }
        let sign = basisPoints < 0 && whole == 0 ? "-" : ""
        let fraction = rest % 10 == 0 ? String(rest / 10) : (rest < 10 ? "0\(rest)" : String(rest))
        return "\(sign)\(whole).\(fraction)"
    }
}

extension ChangeRecorder {
    /// Moves creators into a wave with a changed plan: creators not yet in it join as
    /// prospects; creators already in it keep their stage and get the new plan.
    mutating func promote(_ ids: [CreatorID], to waveID: WaveID, change: IncentiveChange, _ context: CommandContext) throws -> String {
        try Self.requireNonEmpty(ids, "creators")
        if Set(ids).count != ids.count { throw DomainError("a creator is listed twice") }
        let wave = try requireWave(waveID)
        if wave.status == .closed { throw DomainError("wave \(wave.name) is closed; creators cannot join it") }
        var promoted: [Enrollment] = []
        for id in ids {
            _ = try requireCreator(id)
            if var enrollment = workspace.enrollment(id, in: waveID), !enrollment.stage.isExit {
                enrollment.incentiveOverride = change.applied(to: enrollment.incentiveOverride ?? wave.incentivePlan)
                promoted.append(enrollment)
            } else {
                promoted.append(Enrollment(creatorID: id, waveID: waveID, stage: .prospect, stageChangedAt: context.now,
                                           incentiveOverride: change.applied(to: wave.incentivePlan)))
            }
        }
        promoted.forEach { put($0) }
        return "promoted \(Self.plural(ids.count, "creator")) to \(wave.name) with \(change.label)"
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
