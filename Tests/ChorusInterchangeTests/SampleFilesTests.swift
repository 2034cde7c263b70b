import ChorusGenerator
import ChorusInterchange
import Foundation
import XCTest

final class SampleFilesTests: XCTestCase {
    func testSampleImportFilesAreWrittenPrivatelyInRealFormats() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let urls = try SampleFiles.write(workspace: SampleFixture.workspace, to: folder)
        XCTAssertEqual(urls.map(\.lastPathComponent), ["shopify-customers.csv", "shopify-orders.csv", "survey-responses.csv"])
        let required = [["Customer ID", "Email", "Tags", "Total Spent"], ["Name", "Lineitem sku", "Discount Code", "Note Attributes"],
                        ["order_number", "response", "other"]]
        for (url, columns) in zip(urls, required) {
            let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            XCTAssertEqual(permissions, 0o600, url.lastPathComponent)
            var table = try CSVTable(bytes: Array(try Data(contentsOf: url)), fileName: url.lastPathComponent)
            try table.requireColumns(columns)
            XCTAssertNotNil(try table.next())
        }
        try SampleFiles.write(workspace: SampleFixture.workspace, to: folder)  // writing again replaces the files
    }
}
