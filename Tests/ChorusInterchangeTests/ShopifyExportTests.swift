import ChorusCore
import ChorusInterchange
import XCTest

final class ShopifyExportTests: XCTestCase {
    private let sample = SampleFixture.workspace

    private func table(_ bytes: [UInt8], _ name: String) throws -> (CSVHeader, [CSVRecord]) {
        var reader = CSVReader(bytes: bytes, fileName: name)
        let records = try reader.readAll()
        return (CSVHeader(records[0]), Array(records.dropFirst()))
    }

    func testOrdersExportHasOneRowPerLineItemWithOrderFieldsOnlyOnTheFirst() throws {
        let (header, rows) = try table(ShopifyOrdersCSV.write(orders: sample.orders.rows, program: sample.program), "orders.csv")
        XCTAssertEqual(header.names, ShopifyOrdersCSV.header)
        XCTAssertEqual(rows.count, sample.orders.reduce(0) { $0 + $1.lines.count })
        XCTAssertTrue(rows.allSatisfy { $0.count == ShopifyOrdersCSV.header.count })
        let column = { (name: String) in header.index(of: name)! }
        let order = try XCTUnwrap(sample.orders.first { $0.lines.count == 3 && $0.discountCodes != nil })
        let orderRows = rows.filter { $0[column("Name")] == order.id.rawValue }
        XCTAssertEqual(orderRows.count, 3)
        XCTAssertEqual(orderRows[0][column("Financial Status")], order.financialStatus)
        XCTAssertEqual(orderRows[0][column("Subtotal")], order.subtotal.decimalString)
        XCTAssertEqual(orderRows[0][column("Discount Code")], order.discountCodes)
        for orderLevel in ["Financial Status", "Currency", "Subtotal", "Total", "Discount Code", "Refunded Amount", "Id", "Source"] {
            XCTAssertEqual(orderRows[1][column(orderLevel)], "", orderLevel)
            XCTAssertEqual(orderRows[2][column(orderLevel)], "", orderLevel)
        }
        XCTAssertEqual(orderRows.map { $0[column("Lineitem sku")] }, order.lines.map { $0.sku ?? "" })
        XCTAssertEqual(orderRows[2][column("Email")], order.email)
        XCTAssertEqual(orderRows[0][column("Created at")].count, "2026-03-12 09:14:02 +0000".count)
        XCTAssertEqual(Timestamp(orderRows[0][column("Created at")]), order.createdAt)
    }

    func testCreatorLinkOrdersCarryTheirUTMInNoteAttributesAndLandingSite() throws {
        let order = try XCTUnwrap(sample.orders.first { $0.utmMedium == "creator" })
        let (header, rows) = try table(ShopifyOrdersCSV.write(orders: [order], program: sample.program), "orders.csv")
        let notes = rows[0][header.index(of: "Note Attributes")!]
        XCTAssertTrue(notes.contains("utm_medium: creator\n"))
        XCTAssertTrue(notes.contains("utm_content: \(order.utmContent!)"))
        let landing = rows[0][header.index(of: "Landing Site")!]
        XCTAssertTrue(landing.hasPrefix(sample.program.landingURL + "?utm_source="))
        XCTAssertTrue(landing.contains("&utm_medium=creator&utm_campaign=\(order.utmCampaign!)&utm_content=\(order.utmContent!)"))
    }

    func testCustomersExportUsesTheNewerLayoutWithHandlesInTags() throws {
        let (header, rows) = try table(ShopifyCustomersCSV.write(creators: sample.creators.rows), "customers.csv")
        XCTAssertEqual(header.names, ShopifyCustomersCSV.header)
        XCTAssertEqual(rows.count, sample.creators.filter { $0.customer != nil }.count)
        let creator = try XCTUnwrap(sample.creators.first { $0.customer != nil && $0.primaryPlatform == .instagram })
        let row = try XCTUnwrap(rows.first { $0[header.index(of: "Email")!] == creator.email })
        XCTAssertTrue(row[header.index(of: "Tags")!].contains("ig:@\(creator.handle)"))
        XCTAssertEqual(row[header.index(of: "Total Spent")!], creator.customer!.totalSpent.decimalString)
        XCTAssertEqual(row[header.index(of: "First Name")!] + " " + row[header.index(of: "Last Name")!], creator.name)
    }

    func testSurveyExportListsEveryAnswerWithItsOrder() throws {
        let (header, rows) = try table(SurveyResponsesCSV.write(workspace: sample), "survey.csv")
        XCTAssertEqual(header.names, ["order_id", "order_number", "question", "response", "other", "email", "coupon_code", "utm_source", "created_at"])
        XCTAssertEqual(rows.count, sample.surveyResponses.count)
        let first = sample.surveyResponses[0]
        XCTAssertEqual(rows[0][1], first.orderID.rawValue)
        XCTAssertEqual(rows[0][0], String(ShopifyOrdersCSV.numericID(for: first.orderID)!))
        XCTAssertNotNil(Timestamp(rows[0][8]))
    }
}
