import ChorusCore

/// The sparkline column of the Leaderboard (direct orders per week) and the Ledger (net per
/// week: margin on the week's revenue less its spend), from 120 columns on. Only the rows on
/// screen are spread over weeks, and each at most once per workspace generation, so scrolling a
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

    /// A different generation drops everything derived from the old ledger.
    func note(generation: Int) {
        guard generation != self.generation else { return }
        self.generation = generation
        series = [:]
        positions = [:]
    }

    /// The sparkline of ledger row `row`, over its wave's latest weeks.
    func sparkline(_ kind: Kind, row: Int, of ledger: Ledger, workspace: Workspace) -> String {
        let weeks: WeeklySeries
        if let kept = series[row] {
            weeks = kept
        } else {
            let wave = workspace.wave(ledger.rows[row].waveID)
            let start = wave?.startDate ?? ledger.today
            let end = min(ledger.today, wave?.endDate ?? ledger.today)
            weeks = WeeklySeries(from: start, to: max(start, end)).row(row, of: ledger, workspace: workspace)
            series[row] = weeks
        }
        return Sparkline.text(kind == .orders ? weeks.orders : weeks.net, width: Self.weeks)
    }

    /// The ledger row of `creator` in `wave`, by a map built once per wave and generation.
    func position(of creator: CreatorID, in wave: WaveID, ledger: Ledger) -> Int? {
        if let map = positions[wave] { return map[creator] }
        var map: [CreatorID: Int] = [:]
        for (index, row) in ledger.rows.enumerated() where row.waveID == wave { map[row.creatorID] = index }
        positions[wave] = map
        return map[creator]
    }
}
