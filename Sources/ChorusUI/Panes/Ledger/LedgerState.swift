import ChorusCore

/// The Ledger pane's own state: cursor over the rows shown, the wave (nil: every wave), the
/// filter and the column the rows are sorted by.
public struct LedgerState: Hashable, Sendable, ListPaneState {
    /// Its filter: words that must each match a handle, name or wave. Rows are not marked.
    public var list = ListState<LedgerRowKey>()
    public var wave: WaveID?
    public var sort: LedgerSort = .totalCost
    /// `I`: the sort turned round.
    public var sortReversed = false

    public init() {}
}

/// The Ledger's orders (`s` cycles), largest first.
public enum LedgerSort: String, Hashable, Sendable, CaseIterable {
    case totalCost = "total cost", directRevenue = "direct revenue", contributionMargin = "contribution margin"
    case roas = "ROAS", roi = "ROI on margin", costPerAcquisition = "CPA", commission

    var next: LedgerSort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    func value(_ row: Ledger.Row) -> Int64 {
        switch self {
        case .totalCost: row.costs.total
        case .directRevenue: row.results.directNetRevenue
        case .contributionMargin: row.contributionMargin
        case .roas: row.roasHundredths ?? Int64.min
        case .roi: row.roiBasisPoints ?? Int64.min
        case .costPerAcquisition: row.costPerAcquisition ?? Int64.min
        case .commission: row.costs.commission
        }
    }
}

/// One Ledger row: a creator in a wave.
public struct LedgerRowKey: Hashable, Sendable {
    var creator: CreatorID
    var wave: WaveID
}
