/// Multi-wave programs grow by repetition: the next wave starts from the last one's brief,
/// budget and incentive plan, then changes what was learned. A copy is a new wave in
/// planning with no dates, so nothing about it is live until someone decides so.
extension Wave {
    /// This wave as the start of a new one called `name`, with `id` and `slug`.
    public func copied(as id: WaveID, name: String, slug: String) -> Wave {
        Wave(id: id, name: name, slug: slug, status: .planning, startDate: nil, endDate: nil,
             budget: budget, brief: brief, incentivePlan: incentivePlan)
    }
}

extension Workspace {
    /// A copy of `source` under the next free id ("W4"), name ("Wave 4") and slug ("wave-4"),
    /// numbered after the program's waves; pass it to `.createWave`.
    public func nextWave(copying source: Wave) -> Wave {
        var number = waves.count + 1
        func taken(_ number: Int) -> Bool {
            waves.contains { $0.id.rawValue == "W\(number)" || $0.slug.lowercased() == "wave-\(number)" || $0.name.lowercased() == "wave \(number)" }
        }
        while taken(number) { number += 1 }
        return source.copied(as: WaveID("W\(number)"), name: "Wave \(number)", slug: "wave-\(number)")
    }
}
