/// What a manager looks at before deciding whom to scale into the next wave: a wave's KPIs
/// against the wave before it, its weeks, its budget with what is committed, and the creators
/// whose contribution moved most since that wave.
public struct ProgramOverview: Sendable {
    /// A creator's contribution margin in this wave against the last (nil: not in it).
    public struct Mover: Hashable, Sendable {
        public let creatorID: CreatorID
        public let now: Int64
        public let before: Int64?
        public var change: Int64 { now - (before ?? 0) }
    }

    public let wave: Wave
    public let previous: Wave?
    public let kpis: ProgramKPIs
    public let previousKPIs: ProgramKPIs?
    public let weeks: WeeklySeries
    public let budget: WaveBudget
    /// Biggest changes first, gains and losses alike; a creator new to the program counts from zero.
    public let movers: [Mover]

    /// How many movers the overview keeps.
    public static let moverCount = 5

    public init(_ ledger: Ledger, workspace: Workspace, wave: Wave) {
        self.wave = wave
        let position = workspace.waves.firstIndex { $0.id == wave.id } ?? 0
        previous = position > 0 ? workspace.waves[position - 1] : nil
        kpis = ProgramKPIs(ledger, wave: wave.id, budget: wave.budget.minorUnits)
        previousKPIs = previous.map { ProgramKPIs(ledger, wave: $0.id, budget: $0.budget.minorUnits) }
        weeks = WeeklySeries(ledger, workspace: workspace, wave: wave.id)
        budget = WaveBudget(wave, workspace: workspace, ledger: ledger)
        var before: [CreatorID: Int64] = [:]
        for row in ledger.rows where row.waveID == previous?.id { before[row.creatorID] = row.contributionMargin }
        movers = ledger.rows.lazy.filter { $0.waveID == wave.id }
            .map { Mover(creatorID: $0.creatorID, now: $0.contributionMargin, before: before[$0.creatorID]) }
            .filter { $0.change != 0 }
            .sorted { ($0.change.magnitude, $1.creatorID.rawValue) > ($1.change.magnitude, $0.creatorID.rawValue) }
            .prefix(Self.moverCount).map { $0 }
    }
}
