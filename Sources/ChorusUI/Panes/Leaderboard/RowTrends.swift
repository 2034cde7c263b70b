import ChorusCore

/// The sparkline column of the Leaderboard (direct orders per week) and the Ledger (net per
/// week: margin on the week's revenue less its spend), from 120 columns on. Only the rows on
/// screen are spread over weeks, each at most once per workspace generation, and that is done
/// where the rows are rebuilt after an event (`prepare`), so drawing only reads: scrolling a
/// hundred thousand rows costs what the visible ones cost.
final class RowTrends {
    enum Kind {
        case orders, net

        var title: String {
            switch self {
            case .orders: "ORDERS/WEEK"
            case .net: "NET/WEEK"
            }
        }
    }

    /// Weeks shown: a quarter.
    static let weeks = 12
    /// The narrowest terminal that gets the column; below it the figures need the room.
    static let minimumWidth = 120

    private var generation = 0
    private var series: [Int: WeeklySeries] = [:]
    private var positions: [WaveID: [CreatorID: Int]] = [:]
    /// Rows spread over weeks and waves mapped, so tests can prove drawing computes neither.
    private(set) var computes = 0

    /// Spreads the ledger rows at `rows` over their wave's latest weeks, those not yet spread for
    /// this generation (a different one drops everything derived from the old ledger).
    func prepare(rows: some Sequence<Int>, of ledger: Ledger, workspace: Workspace, generation: Int) {
        note(generation: generation)
        for row in rows where series[row] == nil && ledger.rows.indices.contains(row) {
            let wave = workspace.wave(ledger.rows[row].waveID)
            let start = wave?.startDate ?? ledger.today
            let end = min(ledger.today, wave?.endDate ?? ledger.today)
            series[row] = WeeklySeries(from: start, to: max(start, end)).row(row, of: ledger, workspace: workspace)
            computes += 1
        }
    }

    /// The ledger rows of the Leaderboard's `entries`, by a map built once per wave and
    /// generation; then those rows spread over weeks as `prepare` does.
    func prepare(entries: [LeaderboardRows.Entry], of ledger: Ledger, workspace: Workspace, generation: Int) {
        note(generation: generation)
        for wave in Set(entries.map(\.row.waveID)) where positions[wave] == nil {
            var map: [CreatorID: Int] = [:]
            for (index, row) in ledger.rows.enumerated() where row.waveID == wave { map[row.creatorID] = index }
            positions[wave] = map
            computes += 1
        }
        prepare(rows: entries.compactMap { position(of: $0.row.creatorID, in: $0.row.waveID) }, of: ledger, workspace: workspace,
                generation: generation)
    }

    private func note(generation: Int) {
        guard generation != self.generation else { return }
        self.generation = generation
        series = [:]
        positions = [:]
    }

    /// The sparkline of ledger row `row`, if it was prepared.
    func sparkline(_ kind: Kind, row: Int) -> String? {
        series[row].map { Sparkline.text(kind == .orders ? $0.orders : $0.net, width: Self.weeks) }
    }

    /// The ledger row of `creator` in `wave`, if its wave was prepared.
    func position(of creator: CreatorID, in wave: WaveID) -> Int? {
        positions[wave]?[creator]
    }
}
