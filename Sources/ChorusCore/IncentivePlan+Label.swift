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
