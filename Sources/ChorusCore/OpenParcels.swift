/// Parcels still in the warehouse (queued or packed), by creator and wave: what seeding asks
/// about before queueing another, so a key pressed twice does not send a creator two boxes.
public struct OpenParcels: Sendable {
    private var byEnrollment: [EnrollmentKey: [Shipment]] = [:]

    public init(_ workspace: Workspace) {
        for shipment in workspace.shipments where shipment.holdsReservation {
            byEnrollment[EnrollmentKey(creatorID: shipment.creatorID, waveID: shipment.waveID), default: []].append(shipment)
        }
    }

    /// The creator's open parcels for the wave, in the order they were queued.
    public func parcels(for creatorID: CreatorID, in waveID: WaveID) -> [Shipment] {
        byEnrollment[EnrollmentKey(creatorID: creatorID, waveID: waveID)] ?? []
    }

    /// Every creator and wave with more than one open parcel, and those parcels.
    public var doubled: [(key: EnrollmentKey, parcels: [Shipment])] {
        byEnrollment.filter { $0.value.count > 1 }.map { ($0.key, $0.value) }
            .sorted { $0.parcels[0].id < $1.parcels[0].id }
    }
}
