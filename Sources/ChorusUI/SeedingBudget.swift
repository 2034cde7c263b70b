import ChorusCore

/// Budget control where spending happens: `S` that would take the wave over its budget asks
/// first, saying by how much, and queues nothing unless the answer is `y`. The wave's spend
/// counts what is committed (parcels queued or packed, fees and credit due, commission held),
/// since that money is as good as gone.
enum SeedingBudget {
    /// The parcels of `S`, or the question first when they would go over the wave's budget.
    static func seed(_ creators: [CreatorID], _ state: inout UIState, context: UpdateContext) -> [Effect] {
        let effects = seedWithWaveProducts(creators, &state, context: context)
        guard case .perform(.queueShipments(let requests))? = effects.first, let first = requests.first,
              let wave = context.workspace.wave(first.waveID) else { return effects }
        let cost = WaveBudget.seedingCost(first.items, creators: requests.count, workspace: context.workspace)
        guard let over = WaveBudget(wave, workspace: context.workspace, ledger: context.ledger).overrun(adding: cost) else { return effects }
        state.prompt = Prompt(.seedOverBudget(requests, cost: cost, over: over))
        return []
    }

    /// `y` queues the parcels; `n` or Esc leaves the wave as it is; other keys keep asking.
    static func answer(_ key: Key, _ requests: [ShipmentRequest], _ state: inout UIState) -> [Effect] {
        switch key {
        case .character("y"):
            state.prompt = nil
            return [.perform(.queueShipments(requests))]
        case .character("n"), .escape:
            state.prompt = nil
            state.message = StatusMessage(.info, "nothing queued; the wave stays within its budget")
        default: break
        }
        return []
    }

    /// ` 12.50 EUR over budget: queue 3 parcels (75.00 EUR)? y/n` — short enough for
    /// 80 columns beside the marks and position (the wave is the one the title bar names).
    static func line(_ requests: [ShipmentRequest], cost: Int64, over: Int64, workspace: Workspace) -> String {
        let currency = workspace.program.currency
        let money = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: currency).description }
        let parcels = requests.count == 1 ? "1 parcel" : "\(requests.count) parcels"
        return " \(money(over)) over budget: queue \(parcels) (\(money(cost)))? y/n"
    }
}
