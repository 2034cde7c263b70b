/// One status change of a parcel: when, to what, and what was said. A re-shipped parcel keeps
/// its earlier `shipped` events, so its previous carriers and tracking numbers stay on record.
public struct ShipmentEvent: Hashable, Sendable, Codable {
    public var at: Timestamp
    public var status: ShipmentStatus
    public var carrier: Carrier?
    public var trackingNumber: String?
    /// The exception flagged, or the exception this change resolved.
    public var exception: ShipmentException.Kind?
    /// What went wrong, for an exception; what was done, for a resolution.
    public var note: String?

    public init(at: Timestamp, status: ShipmentStatus, carrier: Carrier? = nil, trackingNumber: String? = nil,
                exception: ShipmentException.Kind? = nil, note: String? = nil) {
        self.at = at
        self.status = status
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.exception = exception
        self.note = note
    }
}

extension Shipment {
    /// Every status change, oldest first.
    public var history: [ShipmentEvent] { recordedHistory ?? historyFromTimestamps }

    /// Tracking numbers the parcel went out with before its current one, oldest first.
    public var previousTrackingNumbers: [String] {
        var numbers: [String] = []
        for event in history where event.status == .shipped {
            if let number = event.trackingNumber, number != trackingNumber, !numbers.contains(number) { numbers.append(number) }
        }
        return numbers
    }

    /// Moves the parcel to `status` at `at`, stamping the matching time and adding the change
    /// to its history (with the carrier and tracking number it has after the change).
    mutating func record(_ status: ShipmentStatus, at: Timestamp, exception: ShipmentException.Kind? = nil, note: String? = nil) {
        var events = history
        self.status = status
        switch status {
        case .packed: packedAt = at
        case .shipped: shippedAt = at
        case .delivered: deliveredAt = at
        case .queued, .exception, .cancelled: break
        }
        let leftWithTracking = status == .shipped || status == .delivered
        events.append(ShipmentEvent(at: at, status: status, carrier: leftWithTracking ? carrier : nil,
                                    trackingNumber: leftWithTracking ? trackingNumber : nil, exception: exception, note: note))
        recordedHistory = events
    }

    /// A parcel stored before histories were kept: its changes as far as its timestamps tell.
    private var historyFromTimestamps: [ShipmentEvent] {
        var events = [ShipmentEvent(at: createdAt, status: .queued)]
        if let packedAt { events.append(ShipmentEvent(at: packedAt, status: .packed)) }
        if let shippedAt { events.append(ShipmentEvent(at: shippedAt, status: .shipped, carrier: carrier, trackingNumber: trackingNumber)) }
        if let deliveredAt { events.append(ShipmentEvent(at: deliveredAt, status: .delivered)) }
        if let exception {
            events.append(ShipmentEvent(at: exception.at, status: .exception, exception: exception.kind, note: exception.note))
        }
        return events
    }
}
