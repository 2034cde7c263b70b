import ChorusCore

/// Writes shipments as a pick-and-pack list: who gets what, at which address, one parcel per
/// row, with empty `carrier` and `tracking_number` columns.
///
/// The warehouse or label tool fills those two columns in, and the same file comes back
/// through `TrackingImportCSV`, so the round trip needs no column mapping. Cells pass
/// through `CSVWriter`, which neutralizes formulas: names and addresses are other people's text.
public enum PickListCSV {
    public static let header: [String] = [
        "shipment_id", "handle", "name", "email", "phone", "address1", "address2", "city", "region", "postal_code", "country",
        "items", "item_names", "units", "wave", "status", "carrier", "tracking_number",
    ]

    /// One row per shipment, in the order given.
    public static func write(_ shipments: [Shipment], workspace: Workspace, lineEnding: CSVWriter.LineEnding = .lf,
                             neutralizesFormulas: Bool = true) -> [UInt8] {
        var writer = CSVWriter(lineEnding: lineEnding, neutralizesFormulas: neutralizesFormulas, reservingCapacity: 200 + shipments.count * 220)
        writer.writeRow(header)
        for shipment in shipments {
            let creator = workspace.creator(shipment.creatorID)
            writer.append(shipment.id.rawValue)
            writer.append(creator?.handle ?? "")
            writer.appendRecipient(creator)
            writer.append(ItemNotation.write(shipment.items, separator: "; "))
            writer.append(shipment.items.map { workspace.sku($0.sku)?.name ?? $0.sku.rawValue }.joined(separator: "; "))
            writer.append(shipment.items.reduce(0) { $0 + $1.quantity })
            writer.append(shipment.waveID.rawValue)
            writer.append(shipment.status.rawValue)
            writer.append(shipment.carrier?.label)
            writer.append(shipment.trackingNumber)
            writer.endRow()
        }
        return writer.bytes
    }
}
