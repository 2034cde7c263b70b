import ChorusCore

/// The wave's budget in one line where spending happens (the Seeding pane's counts line, the
/// Pipeline's title bar): `budget 5000.00 · spent 1200.00 · committed 340.00 · left 3460.00`,
/// narrower `1200.00 + 340.00 of 5000.00 · left 3460.00`, narrowest `left 3460.00`.
/// Derived once per workspace generation, wave and ledger, like the tables, so moving the
/// cursor costs nothing; drawn in the danger role once the wave is over its budget.
final class WaveBudgetLine {
    private struct Key: Hashable { var generation: Int; var wave: WaveID?; var withLedger: Bool; var ordersUnreadable: Bool }
    private var key: Key?
    /// Up to this many enrollments the ledger behind the figures is built on a key press; past
    /// it (a 100 000-creator wave takes a third of a second) only a ledger already built is used.
    static let ledgerOnTheKeyPath = 5_000
    private(set) var budget: WaveBudget?
    private(set) var currency: Currency?
    /// How often the figures were derived, so tests can prove a key press did not do it again.
    private(set) var computes = 0

    /// The fees due in every wave, as of a generation: added up for all waves in one pass, then
    /// moved on by what each change replaced (`replaced`), not added up again over every creator
    /// of a big wave when it is changed or first shown.
    private var feesDue: [WaveID: (generation: Int, fees: WaveFeesDue)] = [:]

    func refresh(_ workspace: Workspace, generation: Int, wave: WaveID?, ledger: Ledger?, ownPlansPaying: Set<WaveID>,
                 replaced: (_ since: Int) -> EnrollmentsReplaced?, ordersUnreadable: Bool = false) {
        let key = Key(generation: generation, wave: wave, withLedger: ledger != nil, ordersUnreadable: ordersUnreadable)
        guard key != self.key else { return }
        self.key = key
        computes += 1
        budget = wave.flatMap(workspace.wave).map { wave in
            WaveBudget(wave, workspace: workspace, ledger: ledger, ownPlansPaying: ownPlansPaying,
                       feesDue: ledger == nil ? fees(of: wave, workspace, generation: generation, replaced: replaced) : nil)
        }
        currency = workspace.program.currency
    }

    private func fees(of wave: Wave, _ workspace: Workspace, generation: Int, replaced: (Int) -> EnrollmentsReplaced?) -> WaveFeesDue {
        if var kept = feesDue[wave.id], let changes = replaced(kept.generation), kept.fees.moveOn(to: wave, workspace: workspace, replaced: changes) {
            kept.generation = generation
            feesDue[wave.id] = kept
            return kept.fees
        }
        // One pass for every wave: the others are had when first shown.
        feesDue = WaveFeesDue.forEveryWave(in: workspace).mapValues { (generation, $0) }
        return feesDue[wave.id]?.fees ?? WaveFeesDue(wave, workspace: workspace)
    }

    /// The widest wording that fits `width` columns: words go first, then the lesser figures;
    /// a number is never cut. Empty when not even what is left fits (or, with `allFigures`,
    /// when the four figures do not).
    func text(width: Int, allFigures: Bool = false) -> String {
        guard let budget, let currency else { return "" }
        let money = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: currency).decimalString }
        let left = money(budget.remaining)
        let pending = budget.includesCommission ? [] : [key?.ordersUnreadable == true ? "commission: " + UnreadableOrderHistory.short : "commission pending…"]
        let wordings = [
            ["budget \(money(budget.budget))", "spent \(money(budget.spent))", "committed \(money(budget.committed))", "left \(left)"] + pending,
            ["budget \(money(budget.budget))", "spent \(money(budget.spent))", "committed \(money(budget.committed))", "left \(left)"],
            ["\(money(budget.spent)) + \(money(budget.committed)) of \(money(budget.budget))", "left \(left)"],
            ["left \(left)"],
        ]
        return wordings.prefix(allFigures ? 3 : wordings.count).map { $0.joined(separator: " · ") }.first { TextWidth.columns(of: $0) <= width } ?? ""
    }

    var isOver: Bool { (budget?.remaining ?? 0) < 0 }

    /// Right-aligned before `maxX`, after whatever is drawn up to `from` (and a gap); the columns used.
    @discardableResult
    func draw(_ grid: inout Grid, from x: Int, maxX: Int, y: Int, role: StyleRole, allFigures: Bool = false) -> Int {
        let text = text(width: maxX - x - 3, allFigures: allFigures)
        guard !text.isEmpty else { return 0 }
        return grid.putRight(text + " ", maxX: maxX, y: y, width: maxX - x, role: isOver ? .danger : role)
    }
}
