import ChorusCore

/// Writes parcels as ShipStation's order import expects them: one row per item, the rows of a
/// parcel sharing its id as `Order #`, with the recipient's name, address, email and phone.
///
/// ShipStation keeps `Order #` on the label it prints, and its shipments export sends it back
/// beside the carrier, tracking number and shipping cost, so that file goes straight into
/// `TrackingImportCSV` with no editing.
public enum ShipStationOrdersCSV {
    public static let header: [String] = [
        "Order #", "Order Date", "Recipient Full Name", "Buyer Email", "Recipient Phone", "Address Line 1", "Address Line 2", "City", "State",
        "Postal Code", "Country Code", "Item SKU", "Item Name", "Quantity",
    ]

    public static func write(_ shipments: [Shipment], workspace: Workspace, lineEnding: CSVWriter.LineEnding = .lf,
                             neutralizesFormulas: Bool = true) -> [UInt8] {
        var writer = CSVWriter(lineEnding: lineEnding, neutralizesFormulas: neutralizesFormulas, reservingCapacity: 200 + shipments.count * 260)
        writer.writeRow(header)
        for shipment in shipments {
            let creator = workspace.creator(shipment.creatorID)
            for item in shipment.items {
                writer.append(shipment.id.rawValue)
                writer.append(shipment.createdAt.day)
                writer.appendRecipient(creator)
                writer.append(item.sku.rawValue)
                writer.append(workspace.sku(item.sku)?.name ?? item.sku.rawValue)
                writer.append(item.quantity)
                writer.endRow()
            }
        }
        return writer.bytes
    }
}
