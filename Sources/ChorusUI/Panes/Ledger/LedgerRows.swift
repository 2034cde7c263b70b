import ChorusCore

/// The Ledger pane's rows: positions in `Ledger.rows` for the wave and filter, sorted, with
/// the KPIs of exactly those rows. Rebuilt only when the ledger, wave, sort or filter changes.
final class LedgerRows {
    private(set) var positions: [Int] = []
    private(set) var kpis = Ledger.KPIs([], budget: 0)
    private var key: Key?

    private struct Key: Hashable {
        var generation: Int
        var wave: WaveID?
        var sort: LedgerSort
        var reversed: Bool
        var filter: String
    }

    /// The ledger's rows the positions point into, so a row can be named across rebuilds.
    private var rows: [Ledger.Row] = []

    /// A ledger row by what it is about: one creator in one wave.
    typealias RowKey = LedgerRowKey

    var count: Int { positions.count }
    func position(at index: Int) -> Int? { positions.indices.contains(index) ? positions[index] : nil }
    func key(at index: Int) -> RowKey? { position(at: index).map { RowKey(creator: rows[$0].creatorID, wave: rows[$0].waveID) } }
    func row(of key: RowKey) -> Int? {
        positions.firstIndex { rows[$0].creatorID == key.creator && rows[$0].waveID == key.wave }
    }

    func refresh(_ ledger: Ledger, generation: Int, state: LedgerState, workspace: Workspace) {
        let wanted = Key(generation: generation, wave: state.wave, sort: state.sort, reversed: state.sortReversed, filter: state.filter.text)
        guard wanted != key else { return }
        key = wanted
        rows = ledger.rows
        let words = FilterWords.of(state.filter.text)
        var shown = ledger.rows.indices.filter { index in
            let row = ledger.rows[index]
            guard state.wave == nil || row.waveID == state.wave else { return false }
            let creator = workspace.creator(row.creatorID)
            return FilterWords.match(words, in: [creator.map { "@" + $0.handle }, creator?.name, row.waveID.rawValue])
        }
        shown.sort { lhs, rhs in
            let (left, right) = (state.sort.value(ledger.rows[lhs]), state.sort.value(ledger.rows[rhs]))
            return left != right ? left > right : lhs < rhs
        }
        // Reversed, the rows without a figure (no cost, no orders) stay last: smallest first means smallest figure.
        let withFigure = shown.splitByFigure { state.sort.value(ledger.rows[$0]) != Int64.min }
        positions = state.sortReversed ? withFigure.with.reversed() + withFigure.without : shown
        let budget = workspace.waves.filter { state.wave == nil || $0.id == state.wave }.reduce(0) { $0 + $1.budget.minorUnits }
        kpis = Ledger.KPIs(shown.lazy.map { ledger.rows[$0] }, budget: budget)
    }
}
