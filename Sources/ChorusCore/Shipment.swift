/// The products sent to one creator for one wave, and where that parcel is.
public struct Shipment: Hashable, Sendable, Codable, Identifiable {
    public var id: ShipmentID
    public var creatorID: CreatorID
    public var waveID: WaveID
    public var items: [ShipmentItem]
    public var status: ShipmentStatus
    public var carrier: Carrier?
    public var trackingNumber: String?
    /// Product cost at queueing time, so later SKU price changes do not rewrite the ledger.
    public var productCost: Money
    public var shippingCost: Money?
    public var exception: ShipmentException?
    public var createdAt: Timestamp
    public var packedAt: Timestamp?
    public var shippedAt: Timestamp?
    public var deliveredAt: Timestamp?
    public var note: String?
    /// True for a parcel asked for as an extra one beside another still in the warehouse, so
    /// `chorus check` does not take the pair for a duplicate.
    public var extra: Bool?
    /// What `history` holds once a command has changed the parcel; nil for a parcel stored
    /// before the history was kept, whose history is read from its timestamps instead.
    var recordedHistory: [ShipmentEvent]?

    public init(id: ShipmentID, creatorID: CreatorID, waveID: WaveID, items: [ShipmentItem], status: ShipmentStatus = .queued,
                carrier: Carrier? = nil, trackingNumber: String? = nil, productCost: Money, shippingCost: Money? = nil,
                exception: ShipmentException? = nil, createdAt: Timestamp, packedAt: Timestamp? = nil,
                shippedAt: Timestamp? = nil, deliveredAt: Timestamp? = nil, note: String? = nil) {
        self.id = id
        self.creatorID = creatorID
        self.waveID = waveID
        self.items = items
        self.status = status
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.productCost = productCost
        self.shippingCost = shippingCost
        self.exception = exception
        self.createdAt = createdAt
        self.packedAt = packedAt
        self.shippedAt = shippedAt
        self.deliveredAt = deliveredAt
        self.note = note
    }

    /// Whether this shipment still holds stock reserved in the warehouse.
    public var holdsReservation: Bool { status == .queued || status == .packed }
}

public struct ShipmentItem: Hashable, Sendable, Codable {
    public var sku: SKUID
    public var quantity: Int
    public init(sku: SKUID, quantity: Int) { self.sku = sku; self.quantity = quantity }
}

public enum ShipmentStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case queued, packed, shipped, delivered, exception, cancelled

    /// The status in a sentence: `SH-0012 is in exception`, not `is exception`.
    public var label: String {
        switch self {
        case .exception: "in exception"
        default: rawValue
        }
    }
}

public struct ShipmentException: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case addressProblem, returned, lost

        /// The words people use: `address problem`, never the stored `addressProblem`.
        public var label: String {
            switch self {
            case .addressProblem: "address problem"
            case .returned: "returned"
            case .lost: "lost"
            }
        }
    }
    public var kind: Kind
    public var note: String
    public var at: Timestamp
    public init(kind: Kind, note: String, at: Timestamp) { self.kind = kind; self.note = note; self.at = at }
}

public enum Carrier: String, Hashable, Sendable, Codable, CaseIterable {
    case ups, usps, fedex, dhl, royalMail, other

    public var label: String {
        switch self {
        case .ups: "UPS"
        case .usps: "USPS"
        case .fedex: "FedEx"
        case .dhl: "DHL"
        case .royalMail: "Royal Mail"
        case .other: "other"
        }
    }

    /// Whether `number` looks like this carrier's tracking numbers. Scanners type what they
    /// read, so this catches the wrong parcel's label, not typos within the right format.
    public func accepts(trackingNumber number: String) -> Bool {
        let bytes = Array(number.utf8)
        let allDigits = !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let alphanumeric = !bytes.isEmpty && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }
        switch self {
        case .ups:
            return bytes.count == 18 && number.hasPrefix("1Z") && alphanumeric
        case .usps:
            return (allDigits && (bytes.count == 20 || bytes.count == 22 || bytes.count == 26))
                || (bytes.count == 13 && alphanumeric && number.hasSuffix("US"))
        case .fedex:
            return allDigits && [12, 15, 20, 22].contains(bytes.count)
        case .dhl:
            return (allDigits && (bytes.count == 10 || bytes.count == 11))
                || (alphanumeric && bytes.count >= 13 && bytes.count <= 22 && (number.hasPrefix("JD") || number.hasPrefix("GM")))
        case .royalMail:
            return bytes.count == 13 && alphanumeric && number.hasSuffix("GB")
        case .other:
            return !number.isEmpty && !number.contains(where: \.isWhitespace)
        }
    }
}
