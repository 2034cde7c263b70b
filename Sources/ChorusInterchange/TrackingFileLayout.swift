import ChorusCore

/// The two files `chorus import tracking` reads, told apart by header: Chorus's own pick list
/// (or any sheet) with `shipment_id` or `handle`, `carrier`, `tracking_number` and an
/// optional `shipping_cost`; and ShipStation's shipments export (`Order #`, `Ship Date`,
/// `Recipient`, `Carrier`, `Service`, `Tracking #`, `Shipping Cost`), whose `Order #` is the
/// parcel id Chorus gave it in `chorus export shipments --format shipstation`.
public enum TrackingFileLayout: Hashable, Sendable {
    case pickList, shipStation

    public init(header: CSVHeader) {
        self = header.index(of: "Order #") != nil && header.index(of: "Tracking #") != nil ? .shipStation : .pickList
    }

    public var label: String {
        switch self {
        case .pickList: "a tracking file"
        case .shipStation: "a ShipStation shipments export"
        }
    }

    var shipmentColumn: String { self == .shipStation ? "Order #" : "shipment_id" }
    var carrierColumn: String { self == .shipStation ? "Carrier" : "carrier" }
    var numberColumn: String { self == .shipStation ? "Tracking #" : "tracking_number" }
    /// Also found as `shipping cost` in a pick list typed by hand.
    var costColumns: [String] { self == .shipStation ? ["Shipping Cost"] : ["shipping_cost", "shipping cost"] }
    /// The day a cost in another currency is converted at.
    var shipDateColumn: String? { self == .shipStation ? "Ship Date" : nil }

    /// Columns read or knowingly passed over; any other column is named to the user, so a cost
    /// under another name is never dropped without a word.
    var knownColumns: [String] {
        switch self {
        case .pickList: PickListCSV.header + ["shipping_cost", "shipping cost"]
        case .shipStation: ["Order #", "Ship Date", "Recipient", "Carrier", "Service", "Tracking #", "Shipping Cost"]
        }
    }
}
