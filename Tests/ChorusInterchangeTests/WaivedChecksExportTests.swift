import ChorusCore
@testable import ChorusInterchange
import XCTest

/// The paid team's export says which assets went out over a failing check, and why: the
/// sample approves some stories without a disclosure on the strength of the platform's label.
final class WaivedChecksExportTests: XCTestCase {
    private let sample = SampleFixture.workspace

    func testAnAssetApprovedWithAnOverrideCarriesTheWaivedChecksAndTheReason() throws {
        let waived = try XCTUnwrap(sample.assets.first { sample.waiver(of: $0) != nil }, "the sample has overridden stories")
        let plain = try XCTUnwrap(sample.assets.first { sample.waiver(of: $0) == nil })
        let rows = try CSVTestRows(UsableAssetsCSV.write([waived, plain], workspace: sample))
        XCTAssertEqual(rows.header.suffix(2), ["waived_checks", "override_reason"])
        let reason = "Disclosure is in the platform's paid-partnership label"
        XCTAssertTrue(rows.cells[0][rows.header.count - 2].hasPrefix("ad disclosure missing ("), "\(rows.cells[0])")
        XCTAssertEqual(rows.cells[0][rows.header.count - 1], reason)
        XCTAssertEqual(Array(rows.cells[1].suffix(2)), ["", ""])
    }
}

/// CSV bytes as a header and rows of cells, read by the importer's own reader.
private struct CSVTestRows {
    var header: [String]
    var cells: [[String]]

    init(_ bytes: [UInt8]) throws {
        var reader = CSVReader(bytes: bytes, fileName: "assets.csv")
        let records = try reader.readAll().map { record in (0..<record.count).map { record[$0] } }
        header = records.first ?? []
        cells = Array(records.dropFirst())
    }
}
