/// The figures a manager compares wave against wave: what an active creator and a usable asset
/// cost, what each creator contributed, and the two returns finance asks for. They are named
/// apart because they answer different questions: ROAS is revenue per unit of spend (the paid
/// team's yardstick), ROI on margin is what the spend earned after the cost of goods.
public struct ProgramKPIs: Hashable, Sendable {
    public let figures: Ledger.KPIs

    public init(_ figures: Ledger.KPIs) { self.figures = figures }

    /// The KPIs of one wave's rows of `ledger`.
    public init(_ ledger: Ledger, wave: WaveID, budget: Int64) {
        self.init(Ledger.KPIs(ledger.rows.lazy.filter { $0.waveID == wave }, budget: budget))
    }

    public var cost: Int64 { figures.costs.total }
    public var costPerActiveCreator: Int64? { figures.costPerActiveCreator }
    public var costPerUsableAsset: Int64? { figures.costPerUsableAsset }
    public var contributionMarginPerCreator: Int64? { figures.contributionMarginPerCreator }
    /// Direct net revenue ÷ cost, in basis points (25 000 = 2.5×); nil without cost.
    public var roasBasisPoints: Int64? { Self.ratio(figures.results.directNetRevenue, cost) }
    /// Contribution margin ÷ cost, in basis points (−1 200 = −12 %); nil without cost.
    public var roiOnMarginBasisPoints: Int64? { Self.ratio(figures.contributionMargin, cost) }

    /// `numerator ÷ cost` in basis points, rounded half away from zero.
    static func ratio(_ numerator: Int64, _ cost: Int64) -> Int64? {
        cost > 0 ? Ledger.roundedQuotient(numerator * 10_000, cost) : nil
    }

    /// `2.50×` for a ROAS in basis points; `—` without one.
    public static func multiple(_ basisPoints: Int64?) -> String {
        basisPoints.map { decimalMultiple($0) + "×" } ?? "—"
    }

    /// `2.50` for a ROAS of 25 000 basis points, rounded half away from zero: for files.
    public static func decimalMultiple(_ basisPoints: Int64) -> String {
        BasisPoints.decimal(Ledger.roundedQuotient(basisPoints, 100))
    }
}
