import ChorusCore
import ChorusInterchange
import XCTest

/// The warehouse round trip: export the queued parcels as a pick list, the label tool fills in
/// carrier and tracking number, the file comes back and marks them shipped — all of it, or,
/// when a row is wrong, none of it and a report that names the line and column.
final class TrackingRoundTripTests: XCTestCase {
    private var workspace = SampleFixture.workspace
    private let now = CommandContext(now: Timestamp(day: SampleFixture.today, hour: 15), actor: "warehouse")

    private func upsNumber(_ index: Int) -> String { "1Z999AA101234567" + String(format: "%02d", index) }

    private var queued: [Shipment] { Array(workspace.shipments.filter(\.holdsReservation).prefix(5)) }

    /// The pick list with carrier and tracking filled in, as a label tool would write it back.
    private func filledIn(_ bytes: [UInt8], numbers: (Int) -> String) throws -> [UInt8] {
        var reader = CSVReader(bytes: bytes, fileName: "picklist.csv")
        let records = try reader.readAll()
        let header = CSVHeader(records[0])
        var writer = CSVWriter()
        writer.writeRow(header.names)
        for (index, record) in records.dropFirst().enumerated() {
            var fields = record.fields
            fields[header.index(of: "carrier")!] = "UPS"
            fields[header.index(of: "tracking_number")!] = numbers(index)
            writer.writeRow(fields)
        }
        return writer.bytes
    }

    func testAPickListListsNamesAddressesAndItemsWithEmptyTrackingColumns() throws {
        let parcels = queued
        XCTAssertEqual(parcels.count, 5, "the sample has parcels waiting")
        var reader = CSVReader(bytes: PickListCSV.write(parcels, workspace: workspace), fileName: "picklist.csv")
        let records = try reader.readAll()
        let header = CSVHeader(records[0])
        XCTAssertEqual(header.names, PickListCSV.header)
        let first = records[1]
        let creator = try XCTUnwrap(workspace.creator(parcels[0].creatorID))
        XCTAssertEqual(first[header.index(of: "shipment_id")!], parcels[0].id.rawValue)
        XCTAssertEqual(first[header.index(of: "name")!], creator.name)
        XCTAssertEqual(first[header.index(of: "postal_code")!], creator.address?.postalCode ?? "")
        XCTAssertEqual(first[header.index(of: "items")!], parcels[0].items.map { "\($0.sku)×\($0.quantity)" }.joined(separator: "; "),
                       "the pick list writes items as every list does: SKU×2")
        XCTAssertEqual(first[header.index(of: "tracking_number")!], "")
    }

    func testExportEditImportShipsEveryParcel() throws {
        let parcels = queued
        let file = try filledIn(PickListCSV.write(parcels, workspace: workspace), numbers: upsNumber)
        let rows = try TrackingImportCSV(bytes: file, fileName: "picklist.csv", workspace: workspace)
        XCTAssertEqual(rows.errors, [])
        XCTAssertEqual(rows.dispatches.map(\.shipmentID), parcels.map(\.id))
        XCTAssertEqual(try workspace.apply(.markShipped(rows.dispatches), context: now).summary, "shipped 5 shipments")
        for (index, parcel) in parcels.enumerated() {
            XCTAssertEqual(workspace.shipment(parcel.id)?.status, .shipped)
            XCTAssertEqual(workspace.shipment(parcel.id)?.trackingNumber, upsNumber(index))
            XCTAssertEqual(workspace.shipment(parcel.id)?.carrier, .ups)
        }
    }

    func testABadTrackingNumberIsReportedWithItsLineAndColumnAndNothingIsShipped() throws {
        let parcels = queued
        let file = try filledIn(PickListCSV.write(parcels, workspace: workspace)) { $0 == 2 ? "1Z-NOT-A-NUMBER" : self.upsNumber($0) }
        let rows = try TrackingImportCSV(bytes: file, fileName: "picklist.csv", workspace: workspace)
        let column = PickListCSV.header.firstIndex(of: "tracking_number")! + 1
        XCTAssertEqual(rows.errors.map(\.description),
                       ["picklist.csv, line 4, column \(column) (tracking_number): '1Z-NOT-A-NUMBER' does not look like a UPS tracking number"])
        XCTAssertEqual(rows.dispatches.count, 4, "the valid rows, applied only with --skip-invalid")
        XCTAssertTrue(workspace.shipments.filter { parcels.map(\.id).contains($0.id) }.allSatisfy(\.holdsReservation))
    }

    func testRowsByHandleDuplicatesAndUnknownCarriersAreEachNamed() throws {
        let parcels = queued
        let handle = { (parcel: Shipment) in self.workspace.creator(parcel.creatorID)!.handle }
        let usedNumber = try XCTUnwrap(workspace.shipments.first { $0.trackingNumber != nil }?.trackingNumber)
        let text = """
        handle,carrier,tracking_number
        \(handle(parcels[0])),ups,\(upsNumber(1))
        \(handle(parcels[1])),Pigeon,\(upsNumber(2))
        \(handle(parcels[2])),UPS,\(upsNumber(1))
        \(handle(parcels[3])),other,\(usedNumber)
        nobody.at.all,UPS,\(upsNumber(4))
        """
        let rows = try TrackingImportCSV(bytes: Array(text.utf8), fileName: "labels.csv", workspace: workspace)
        XCTAssertEqual(rows.dispatches.map(\.shipmentID), [parcels[0].id])
        XCTAssertEqual(rows.errors.map(\.description), [
            "labels.csv, line 3, column 2 (carrier): unknown carrier 'Pigeon'; use one of UPS, USPS, FedEx, DHL, Royal Mail, other",
            "labels.csv, line 4, column 3 (tracking_number): tracking number \(upsNumber(1)) is already used by line 2",
            "labels.csv, line 5, column 3 (tracking_number): tracking number \(usedNumber) is already used by shipment \(workspace.shipments.first { $0.trackingNumber == usedNumber }!.id)",
            "labels.csv, line 6, column 1 (handle): no creator @nobody.at.all",
        ])
    }

    func testAFileWithoutAShipmentOrHandleColumnIsRefusedAtItsHeader() {
        let text = "order,carrier,tracking_number\n1,UPS,\(upsNumber(1))\n"
        XCTAssertThrowsError(try TrackingImportCSV(bytes: Array(text.utf8), fileName: "labels.csv", workspace: workspace)) { error in
            XCTAssertEqual(String(describing: error), "labels.csv, line 1: missing column 'shipment_id or handle'")
        }
    }
}
