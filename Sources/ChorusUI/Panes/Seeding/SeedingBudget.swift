import ChorusCore

/// Budget control where spending happens: `S` that would take the wave over its budget asks
/// first, saying by how much, and queues nothing unless the answer is `y`. The wave's spend
/// counts what is committed (parcels queued or packed, fees and credit due, commission held),
/// since that money is as good as gone.
enum SeedingBudget {
    /// The parcels of `S`, or the question first when they would go over the wave's budget.
    static func seed(_ creators: [CreatorID], _ state: inout UIState, context: UpdateContext) -> [Effect] {
        let effects = seedWithWaveProducts(creators, &state, context: context)
        guard case .command(.queueShipments(let requests), .plain)? = effects.first, let first = requests.first,
              let wave = context.workspace.wave(first.waveID) else { return effects }
        let cost = WaveBudget.seedingCost(first.items, creators: requests.count, workspace: context.workspace)
        guard let over = WaveBudget(wave, workspace: context.workspace, ledger: context.ledger).overrun(adding: cost) else { return effects }
        state.prompt = Prompt(.confirm(question(requests, cost: cost, over: over, workspace: context.workspace)))
        return []
    }

    /// ` 12.50 EUR over budget: queue 3 parcels (75.00 EUR)? y/n` — short enough for
    /// 80 columns beside the marks and position (the wave is the one the title bar names).
    /// Asked as any other y/n ([Confirmation]): `y` queues the parcels; `n` or Esc leaves the
    /// wave as it is; other keys keep asking.
    static func question(_ requests: [ShipmentRequest], cost: Int64, over: Int64, workspace: Workspace) -> Confirmation {
        let currency = workspace.program.currency
        let money = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: currency).description }
        let parcels = requests.count == 1 ? "1 parcel" : "\(requests.count) parcels"
        return Confirmation("\(money(over)) over budget: queue \(parcels) (\(money(cost)))?",
                            yes: .run([.command(.queueShipments(requests), .plain)]),
                            noMessage: "nothing queued; the wave stays within its budget")
    }
}
