import ChorusCore

/// The Seeding pane's own state: where the cursor is in the selected wave's parcels, which
/// are marked, which status is shown, and the carrier last used. Marks are shipment ids so
/// they survive the rows regrouping as parcels change status.
public struct SeedingState: Hashable, Sendable, ListPaneState {
    public var list = ListState<ShipmentID>()
    public var status: SeedingFilter = .all
    /// Asked once per shipping run and offered first next time: a warehouse uses one carrier most days.
    public var lastCarrier: Carrier = .ups

    public init() {}
}

/// Which parcels the Seeding pane shows (`f` cycles): all, one status, or those needing a follow-up.
public enum SeedingFilter: Hashable, Sendable, CaseIterable {
    case all, queued, packed, shipped, delivered, exception, followUp

    public var label: String {
        switch self {
        case .all: "all"
        case .followUp: "follow-up"
        default: String(describing: self)
        }
    }

    func admits(_ shipment: Shipment, flagged: Bool) -> Bool {
        switch self {
        case .all: shipment.status != .cancelled
        case .queued: shipment.status == .queued
        case .packed: shipment.status == .packed
        case .shipped: shipment.status == .shipped
        case .delivered: shipment.status == .delivered
        case .exception: shipment.status == .exception
        case .followUp: flagged
        }
    }

    var next: SeedingFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
