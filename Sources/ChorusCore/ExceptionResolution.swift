/// How a parcel flagged with an exception (address problem, returned, lost) goes out again.
///
/// Stock: a re-sent parcel takes its units from the shelf, like a new one — a returned parcel's
/// units went back on the shelf when it was flagged returned, so re-sending it reuses them; a
/// lost parcel's units are gone, so re-sending it reserves new ones (and its product cost grows
/// by them). The one exception is an address problem on a parcel that had already shipped: the
/// carrier still holds it, so re-shipping sends those same units with no stock change, and
/// re-packing brings them back to the shelf, reserved for it.
public struct ExceptionResolution: Hashable, Sendable, Codable {
    public enum Next: Hashable, Sendable, Codable {
        /// Back to the queue, to be packed and shipped like any parcel.
        case repack
        /// Out again at once with a new tracking number.
        case reship(carrier: Carrier, trackingNumber: String)
    }

    public var next: Next
    /// The creator's corrected address; nil confirms the one on file.
    public var address: PostalAddress?
    /// What was done, for the parcel's history (optional).
    public var note: String?

    public init(next: Next, address: PostalAddress? = nil, note: String? = nil) {
        self.next = next
        self.address = address
        self.note = note
    }
}

extension ChangeRecorder {
    mutating func resolveException(_ id: ShipmentID, _ resolution: ExceptionResolution, _ context: CommandContext) throws -> String {
        var shipment = try transition([id], to: "resolved", allowedFrom: [.exception]) { shipment in
            "it has no exception to resolve (it is \(shipment.status.label))"
        }[0]
        let kind = shipment.exception?.kind ?? .addressProblem
        var creator = try requireCreator(shipment.creatorID)
        if let address = resolution.address {
            try Self.requireAddress(address, for: handle(creator.id))
            creator.address = address
            put(creator)
        } else if kind == .addressProblem, creator.address == nil {
            throw DomainError("\(handle(creator.id)) has no address on file; give the corrected address to resolve \(id)")
        }
        // An address problem after shipping: the carrier holds the parcel, its units are not on the shelf.
        let withCarrier = kind == .addressProblem && shipment.shippedAt != nil
        var need: [SKUID: Int] = [:]
        for item in shipment.items { need[item.sku, default: 0] += item.quantity }
        if !withCarrier { try requireStock(need) }
        let note = resolution.note?.trimmingWhitespace ?? ""
        let said = "\(kind.label) resolved" + (note.isEmpty ? "" : ": \(note)")
        shipment.exception = nil
        shipment.deliveredAt = nil
        switch resolution.next {
        case .repack:
            if withCarrier { returnToShelf(shipment.items) }
            let cost = reserve(shipment.items)
            if kind == .lost { shipment.productCost = shipment.productCost + cost }
            shipment.packedAt = nil
            shipment.shippedAt = nil
            shipment.carrier = nil
            shipment.trackingNumber = nil
            shipment.record(.queued, at: context.now, exception: kind, note: said)
            put(shipment)
            return "\(id) is queued to be packed again (\(kind.label) resolved)"
        case .reship(let carrier, let number):
            let dispatch = ShipmentDispatch(shipmentID: id, carrier: carrier, trackingNumber: number)
            try requireTrackingNumbers([dispatch])
            if !withCarrier {
                let cost = reserve(shipment.items)
                if kind == .lost { shipment.productCost = shipment.productCost + cost }
                releaseReservation(of: shipment, consumed: true)
            }
            shipment.carrier = carrier
            shipment.trackingNumber = number.trimmingWhitespace
            shipment.record(.shipped, at: context.now, exception: kind, note: said)
            put(shipment)
            follow(shipment.creatorID, in: shipment.waveID, to: .seeded, context)
            return "\(id) re-shipped with \(carrier.label) \(number.trimmingWhitespace) (\(kind.label) resolved)"
        }
    }

    /// Units a carrier brings back come onto the shelf.
    private mutating func returnToShelf(_ items: [ShipmentItem]) {
        for item in items {
            guard var sku = workspace.sku(item.sku) else { continue }
            sku.stockOnHand += item.quantity
            put(sku)
        }
    }

    static func requireAddress(_ address: PostalAddress, for who: String) throws {
        let required = [("street", address.line1), ("city", address.city), ("postal code", address.postalCode), ("country", address.country)]
        if let missing = required.first(where: { $0.1.trimmingWhitespace.isEmpty }) {
            throw DomainError("the address for \(who) needs a \(missing.0)")
        }
        let country = address.country.trimmingWhitespace
        if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw DomainError("'\(country)' is not a country code: use two letters, e.g. FR or US")
        }
    }
}
