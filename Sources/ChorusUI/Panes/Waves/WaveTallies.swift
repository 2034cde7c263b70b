import ChorusCore

/// Creators enrolled and parcels not cancelled per wave, for the Waves list, counted once per
/// workspace generation where the rows are rebuilt after an event (`refresh`), so drawing only
/// reads: a big program's hundred thousand enrollments would otherwise be counted again on
/// every key pressed in the Waves pane, overview and cohorts included.
final class WaveTallies {
    typealias Counts = (creators: [WaveID: Int], parcels: [WaveID: Int])

    private var generation: Int?
    /// The counts for the workspace of the last `refresh`.
    private(set) var counts: Counts = ([:], [:])
    /// Counts made, so tests can prove drawing makes none.
    private(set) var computes = 0

    /// Counts again when the generation differs: enrollments or parcels may have changed.
    func refresh(_ workspace: Workspace, generation: Int) {
        guard generation != self.generation else { return }
        self.generation = generation
        var creators: [WaveID: Int] = [:], parcels: [WaveID: Int] = [:]
        for enrollment in workspace.enrollments { creators[enrollment.waveID, default: 0] += 1 }
        for shipment in workspace.shipments where shipment.status != .cancelled { parcels[shipment.waveID, default: 0] += 1 }
        counts = (creators, parcels)
        computes += 1
    }
}
