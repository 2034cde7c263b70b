import ChorusCore

/// The Leaderboard's rows: one wave's ledger rows matching the filter, ranked by the chosen
/// metric, with each creator's rank in the wave before by the same metric. Rebuilt only when
/// the ledger, wave, metric or filter changes, never on a cursor move.
final class LeaderboardRows {
    struct Entry: Hashable {
        var rank: Int
        /// Places gained since the previous wave (negative: lost); nil when not ranked there.
        var movement: Int?
        var row: Ledger.Row
    }

    private(set) var entries: [Entry] = []
    private var key: Key?

    private struct Key: Hashable {
        var generation: Int
        var wave: WaveID?
        var metric: LeaderboardMetric
        var reversed: Bool
        var filter: String
    }

    var count: Int { entries.count }
    func entry(at index: Int) -> Entry? { entries.indices.contains(index) ? entries[index] : nil }
    func row(of creator: CreatorID) -> Int? { entries.firstIndex { $0.row.creatorID == creator } }

    func refresh(_ ledger: Ledger, generation: Int, wave: WaveID?, state: LeaderboardState, workspace: Workspace) {
        let wanted = Key(generation: generation, wave: wave,
                         metric: state.metric, reversed: state.sortReversed, filter: state.filter.text)
        guard wanted != key else { return }
        key = wanted
        guard let wave else { return entries = [] }
        let words = FilterWords.of(state.filter.text)
        let ranked = Self.ranked(ledger.rows.filter { $0.waveID == wave }, by: state.metric)
        var previousRanks: [CreatorID: Int] = [:]
        if let position = workspace.waves.firstIndex(where: { $0.id == wave }), position > 0 {
            let previous = workspace.waves[position - 1].id
            for (index, row) in Self.ranked(ledger.rows.filter { $0.waveID == previous }, by: state.metric).enumerated() {
                previousRanks[row.creatorID] = index + 1
            }
        }
        entries = ranked.enumerated().compactMap { index, row in
            guard words.isEmpty || Self.matches(words, workspace.creator(row.creatorID)) else { return nil }
            return Entry(rank: index + 1, movement: previousRanks[row.creatorID].map { $0 - (index + 1) }, row: row)
        }
        if state.sortReversed {
            // Worst first among those ranked by a figure; creators without one (no cost) stay last.
            let withFigure = entries.splitByFigure { state.metric.value($0.row) != Int64.min }
            entries = withFigure.with.reversed() + withFigure.without
        }
    }

    /// Best first; ties by handle order of ids, so the ranking is stable frame to frame.
    private static func ranked(_ rows: [Ledger.Row], by metric: LeaderboardMetric) -> [Ledger.Row] {
        rows.sorted { lhs, rhs in
            let (left, right) = (metric.value(lhs), metric.value(rhs))
            return left != right ? left > right : lhs.creatorID < rhs.creatorID
        }
    }

    private static func matches(_ words: [String], _ creator: Creator?) -> Bool {
        guard let creator else { return false }
        return FilterWords.match(words, in: ["@" + creator.handle, creator.name, creator.tier.rawValue]
                                     + creator.niches + creator.sources.map(\.label))
    }
}
