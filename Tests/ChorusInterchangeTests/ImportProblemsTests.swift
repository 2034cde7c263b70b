import ChorusCore
import ChorusInterchange
import XCTest

/// What a coordinator sees when a file is wrong: the wrong kind of file named as such, and
/// each bad row with its file, line and column; the rest of the file is still read.
final class ImportProblemsTests: XCTestCase {
    func testACustomersExportGivenAsOrdersIsNamedWithItsMissingColumns() {
        let customers = "Customer ID,First Name,Last Name,Email\n7200000000004,Minji,Kim,minji@example.com\n"
        XCTAssertThrowsError(try ShopifyOrdersImport(bytes: Array(customers.utf8), fileName: "customers.csv", currency: .eur)) { error in
            XCTAssertEqual(String(describing: error),
                           "customers.csv is not a Shopify orders export: missing columns 'Name', 'Financial Status', 'Created at', 'Subtotal'")
        }
        XCTAssertThrowsError(try SurveyImport(bytes: Array(customers.utf8), fileName: "customers.csv", workspace: AttributionFixture.workspace)) {
            XCTAssertEqual(String(describing: $0),
                           "customers.csv is not a post-purchase survey export: missing columns 'order_number or order_id', 'response'")
        }
    }

    func testBadMoneyAndDatesAreReportedWhereTheyAreAndTheirOrdersLeftOut() throws {
        let csv = """
            Name,Financial Status,Subtotal,Created at,Lineitem name,Lineitem price
            #2001,paid,12.50,2026-03-12 09:14:02 +0000,Lip Balm,12.50
            #2002,paid,12;50,2026-03-12 09:14:02 +0000,Lip Balm,12.50
            #2003,paid,10.00,12/03/2026,Lip Balm,10.00
            #2004,paid,20.00,2026-03-12 09:14:02 +0000,Lip Balm,10.00
            #2004,,,2026-03-12 09:14:02 +0000,Face Mist,ten
            """
        let parsed = try ShopifyOrdersImport(bytes: Array(csv.utf8), fileName: "orders.csv", currency: .eur)
        XCTAssertEqual(parsed.errors.map(\.description), [
            "orders.csv, line 3, column 3 (Subtotal): '12;50' is not an amount like 1234.50",
            "orders.csv, line 4, column 4 (Created at): '12/03/2026' is not a time like 2026-03-12 09:14:02 +0000",
            "orders.csv, line 6, column 6 (Lineitem price): 'ten' is not an amount like 1234.50",
        ])
        XCTAssertEqual(parsed.orders.map(\.id), ["#2001"], "an order with any bad row is left out whole")
    }

    /// Every check an order row goes through names its own file, line, column and field, also
    /// after a quoted field spanning lines and on an order's later rows.
    func testEveryKindOfBadRowIsNamedWithItsLineColumnAndField() throws {
        let csv = """
            Name,Email,Financial Status,Currency,Subtotal,Created at,Cancelled at,Refunded Amount,Id,Lineitem quantity,Lineitem name,Lineitem price,Note Attributes
            #3001,a@b.com,paid,EUR,10.00,2026-03-12 09:14:02 +0000,,,5100000003001,1,Lip Balm,10.00,"utm_source: ig
            utm_medium: creator"
            ,a@b.com,paid,EUR,10.00,2026-03-12,,,,1,Lip Balm,10.00,
            #3002,a@b.com,paid,E1R,10.00,2026-03-12,,,,1,Lip Balm,10.00,
            #3003,a@b.com,paid,EUR,10.00,,,,,1,Lip Balm,10.00,
            #3004,a@b.com,paid,EUR,10.00,2026-03-12,yesterday,,,1,Lip Balm,10.00,
            #3005,a@b.com,paid,EUR,,2026-03-12,,,,1,Lip Balm,10.00,
            #3006,a@b.com,paid,EUR,10.00,2026-03-12,,some,,1,Lip Balm,10.00,
            #3007,a@b.com,paid,EUR,10.00,2026-03-12,,,51000x,1,Lip Balm,10.00,
            #3008,a@b.com,paid,EUR,10.00,2026-03-12,,,,0,Lip Balm,10.00,
            #3009,a@b.com,paid,EUR,10.00,2026-03-12,,,,1,Lip Balm,10.00,
            #3009,a@b.com,,,,2026-03-12,,,,2,Face Mist,1O.00,
            #3010,a@b.com,paid,EUR,10.00,2026-03-12,,,,1,Lip Balm,10.00,
            """
        let parsed = try ShopifyOrdersImport(bytes: Array(csv.utf8), fileName: "orders.csv", currency: .eur)
        XCTAssertEqual(parsed.errors.map(\.description), [
            "orders.csv, line 4, column 1 (Name): the row has no order Name",
            "orders.csv, line 5, column 4 (Currency): 'E1R' is not a currency code like EUR or USD",
            "orders.csv, line 6, column 6 (Created at): no Created at time on the order's first row",
            "orders.csv, line 7, column 7 (Cancelled at): 'yesterday' is not a time like 2026-03-12 09:14:02 +0000",
            "orders.csv, line 8, column 5 (Subtotal): no Subtotal on the order's first row",
            "orders.csv, line 9, column 8 (Refunded Amount): 'some' is not an amount like 1234.50",
            "orders.csv, line 10, column 9 (Id): '51000x' is not a Shopify order Id",
            "orders.csv, line 11, column 10 (Lineitem quantity): '0' is not a quantity",
            "orders.csv, line 13, column 12 (Lineitem price): '1O.00' is not an amount like 1234.50",
        ])
        XCTAssertEqual(parsed.orders.map(\.id), ["#3001", "#3010"], "an order with any bad row is left out whole")
        XCTAssertEqual(parsed.rowCount, 12)
    }

    /// Read in its own currency, to be converted at the program's rates (`Order.converted`).
    func testAnOrderInAnotherCurrencyIsReadInItsOwnAndAnUnknownCodeIsARowError() throws {
        let csv = "Name,Financial Status,Currency,Subtotal,Created at\n#2001,paid,USD,12.50,2026-03-12\n#2002,paid,US$,3.00,2026-03-12\n"
        let parsed = try ShopifyOrdersImport(bytes: Array(csv.utf8), fileName: "orders.csv", currency: .eur)
        XCTAssertEqual(parsed.orders.map(\.subtotal), [Money(minorUnits: 1_250, currency: .usd)])
        XCTAssertEqual(parsed.errors.map(\.description), ["orders.csv, line 3, column 3 (Currency): 'US$' is not a currency code like EUR or USD"])
    }

    func testAHundredThousandBadRowsAreSummarised() {
        let errors = (1...100_000).map { ImportRowError(fileName: "f.csv", line: $0 + 1, column: 3, message: "bad") }
        let summary = ImportRowError.summary(errors)
        XCTAssertEqual(summary.count, 21)
        XCTAssertEqual(summary.last, "… and 99980 more rows like these")
    }
}
