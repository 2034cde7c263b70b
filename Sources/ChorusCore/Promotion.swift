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

extension BonusTier {
    /// `20 direct orders` or `1000.00 EUR direct revenue`.
    public var thresholdLabel: String {
        switch metric {
        case .directOrders: "\(threshold) direct orders"
        case .directRevenue: "\(Money(minorUnits: threshold, currency: bonus.currency)) direct revenue"
        }
    }
}

/// Basis points as a person reads them: 1250 → `12.5`, 500 → `5`.
public enum BasisPoints {
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
