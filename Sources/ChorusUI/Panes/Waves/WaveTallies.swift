import ChorusCore

/// Creators enrolled and parcels not cancelled per wave, for the Waves list, counted once per
/// workspace generation: a big program's hundred thousand enrollments would otherwise be
/// counted again on every key pressed in the Waves pane, overview and cohorts included.
final class WaveTallies {
    typealias Counts = (creators: [WaveID: Int], parcels: [WaveID: Int])

    private var generation = 0
    private var kept: Counts?

    /// A different generation means enrollments or parcels may have changed.
    func note(generation: Int) {
        guard generation != self.generation else { return }
        self.generation = generation
        kept = nil
    }

    func counts(_ workspace: Workspace) -> Counts {
        if let kept { return kept }
        let counts = Self.count(workspace)
        kept = counts
        return counts
    }

    /// One pass over each collection.
    static func count(_ workspace: Workspace) -> Counts {
        var creators: [WaveID: Int] = [:], parcels: [WaveID: Int] = [:]
        for enrollment in workspace.enrollments { creators[enrollment.waveID, default: 0] += 1 }
        for shipment in workspace.shipments where shipment.status != .cancelled { parcels[shipment.waveID, default: 0] += 1 }
        return (creators, parcels)
    }
}
