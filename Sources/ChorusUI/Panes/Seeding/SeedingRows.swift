import ChorusCore

/// The Seeding pane's rows as derived data: the selected wave's parcels in status order,
/// with follow-through flags and per-filter counts. Rebuilt only when the workspace, the wave,
/// the status filter or the filter text changed, so moving the cursor costs nothing.
final class SeedingRows {
    private struct Key: Hashable { var generation: Int; var wave: WaveID?; var status: SeedingFilter; var text: String; var today: Day? }
    private var key: Key?

    private(set) var ids: [ShipmentID] = []
    private(set) var flags: [ShipmentID: FollowThroughFlag] = [:]
    private(set) var counts: [SeedingFilter: Int] = [:]

    var count: Int { ids.count }

    func id(at row: Int) -> ShipmentID? { ids.indices.contains(row) ? ids[row] : nil }
    func row(of id: ShipmentID) -> Int? { ids.firstIndex(of: id) }

    func refresh(_ workspace: Workspace, generation: Int, wave: WaveID?, state: SeedingState, today: Day?) {
        let key = Key(generation: generation, wave: wave, status: state.status, text: CreatorSearchText.fold(state.filter.text), today: today)
        guard key != self.key else { return }
        self.key = key
        let inWave = workspace.shipments.filter { $0.waveID == wave }
        flags = today.map { FollowThrough.flags(in: workspace, today: $0, settings: workspace.program.settings) } ?? [:]
        counts = [:]
        for shipment in inWave {
            for filter in SeedingFilter.allCases where filter.admits(shipment, flagged: flags[shipment.id] != nil) {
                counts[filter, default: 0] += 1
            }
        }
        let order = ShipmentStatus.allCases, words = FilterWords.of(key.text)
        ids = inWave
            .filter { key.status.admits($0, flagged: flags[$0.id] != nil) && matches($0, words, workspace) }
            .sorted { (order.firstIndex(of: $0.status)!, $0.id) < (order.firstIndex(of: $1.status)!, $1.id) }
            .map(\.id)
    }

    /// The `/` filter: every word in one of the columns shown (parcel, creator, country, items,
    /// status, carrier, tracking, follow-up) or the creator's name.
    private func matches(_ shipment: Shipment, _ words: [String], _ workspace: Workspace) -> Bool {
        guard !words.isEmpty else { return true }
        let creator = workspace.creator(shipment.creatorID)
        return FilterWords.match(words, in: [shipment.id.rawValue, creator.map { "@" + $0.handle }, creator?.name,
                                            creator?.address?.country ?? creator?.country, shipment.status.rawValue,
                                            shipment.carrier?.label, shipment.trackingNumber, flags[shipment.id]?.label,
                                            shipment.exception?.kind.label]
                                     + shipment.items.map { "\($0.sku.rawValue)×\($0.quantity)" })
    }
}
