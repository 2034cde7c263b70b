import ChorusCore

/// The Leaderboard pane's own state. Marks are creator ids, so they survive re-ranking; the
/// wave is the one being ranked (nil: the console's working wave).
public struct LeaderboardState: Hashable, Sendable, ListPaneState {
    /// Its filter: words that must all match a handle, name, tier, niche or source.
    public var list = ListState<CreatorID>()
    public var wave: WaveID?
    public var metric: LeaderboardMetric = .directRevenue
    /// `I`: worst first; the ranks stay those of the metric.
    public var sortReversed = false

    public init() {}
}

/// What creators are ranked by (`s` cycles), best first.
public enum LeaderboardMetric: String, Hashable, Sendable, CaseIterable {
    case directRevenue = "direct revenue", contributionMargin = "contribution margin", roas = "ROAS", roi = "ROI on margin"
    case usableAssets = "usable assets", engagement

    var next: LeaderboardMetric {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The row's value for ranking; a row without ROAS or ROI (no cost) ranks below every row with one.
    func value(_ row: Ledger.Row) -> Int64 {
        switch self {
        case .directRevenue: row.results.directNetRevenue
        case .contributionMargin: row.contributionMargin
        case .roas: row.roasHundredths ?? Int64.min
        case .roi: row.roiBasisPoints ?? Int64.min
        case .usableAssets: Int64(row.results.usableAssets)
        case .engagement: Int64(row.results.engagement)
        }
    }
}
