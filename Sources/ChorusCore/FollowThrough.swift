/// Parcels that need a person's attention because nothing happened after they left.
///
/// Seeding only pays off when product arrives and creators post. A parcel stuck in transit
/// or a creator who received product and went quiet are found here, as a pure function of
/// the workspace, a day and the program's settings, so the console, the CLI and tests see
/// the same flags for the same day and nothing is stored that could go stale.
public struct FollowThroughFlag: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Shipped this many days ago and still not delivered.
        case notDelivered(days: Int)
        /// Delivered this many days ago with no submission; `nudge` counts the thresholds
        /// passed (1 = first nudge), and the last threshold means the creator is ghosting.
        case noSubmission(days: Int, nudge: Int, isGhosting: Bool)
    }

    public var shipmentID: ShipmentID
    public var kind: Kind

    public init(shipmentID: ShipmentID, kind: Kind) {
        self.shipmentID = shipmentID
        self.kind = kind
    }

    /// A few words for a table cell: "transit 12d", "nudge 2 · 11d", "ghosting 15d".
    public var label: String {
        switch kind {
        case .notDelivered(let days): "in transit \(days)d"
        case .noSubmission(let days, _, true): "ghosting \(days)d"
        case .noSubmission(let days, let nudge, false): "nudge \(nudge) · \(days)d"
        }
    }
}

public enum FollowThrough {
    /// Every flagged shipment on `today`, by shipment id. Only shipped and delivered parcels
    /// can be flagged; a creator who has sent any submission in the wave is not ghosting.
    public static func flags(in workspace: Workspace, today: Day,
                             settings: ProgramSettings) -> [ShipmentID: FollowThroughFlag] {
        let nudgeDays = settings.ghostingNudgeDays.filter { $0 > 0 }.sorted()
        var submitted: Set<EnrollmentKey> = []
        if !nudgeDays.isEmpty {
            for submission in workspace.submissions {
                submitted.insert(EnrollmentKey(creatorID: submission.creatorID, waveID: submission.waveID))
            }
        }
        var flags: [ShipmentID: FollowThroughFlag] = [:]
        for shipment in workspace.shipments {
            switch shipment.status {
            case .shipped:
                guard let shipped = shipment.shippedAt, settings.shippedNotDeliveredDays > 0 else { continue }
                let days = shipped.day.days(until: today)
                if days >= settings.shippedNotDeliveredDays {
                    flags[shipment.id] = FollowThroughFlag(shipmentID: shipment.id, kind: .notDelivered(days: days))
                }
            case .delivered:
                guard let delivered = shipment.deliveredAt,
                      !submitted.contains(EnrollmentKey(creatorID: shipment.creatorID, waveID: shipment.waveID)) else { continue }
                let days = delivered.day.days(until: today)
                let passed = nudgeDays.filter { days >= $0 }.count
                if passed > 0 {
                    flags[shipment.id] = FollowThroughFlag(
                        shipmentID: shipment.id, kind: .noSubmission(days: days, nudge: passed, isGhosting: passed == nudgeDays.count))
                }
            default:
                continue
            }
        }
        return flags
    }
}
