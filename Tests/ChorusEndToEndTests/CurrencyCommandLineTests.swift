import Foundation
import XCTest

/// A EUR program whose store also sells in dollars: the orders are refused until there is a
/// rate, then converted at the rate of each order's day (or the latest before), and the
/// figures match a hand computation. A new program without `--currency` takes the orders'.
final class CurrencyCommandLineTests: XCTestCase {
    var workspace: URL!
    var folder: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        folder = try ChorusProcess.temporaryFolder("chorus-e2e-rates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: folder)
    }

    private func chorus(_ arguments: String...) throws -> ChorusProcess.Result {
        try ChorusProcess.run(arguments + ["--workspace", workspace.path])
    }

    private let orders = ImportProductsCommandTests.fixture("shopify-orders-usd.csv").path

    func testDollarOrdersNeedARateThenConvertAtTheRateOfTheirDay() throws {
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--currency", "EUR"]).status, 0)
        let before = try folderContents(workspace)
        let refused = try chorus("import", "orders", orders)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertEqual(refused.stderr, """
            chorus: 3 orders are in USD and there is no USD rate on or before 2026-11-02; add one with chorus import rates FILE.csv (date, currency, rate), then import the orders again
            chorus: nothing was applied (--skip-invalid imports the orders that have a rate)

            """)
        XCTAssertEqual(try folderContents(workspace), before)

        let rates = try chorus("import", "rates", ImportProductsCommandTests.fixture("rates-usd.csv").path)
        XCTAssertEqual(rates.stdout, "imported 3 rates for USD from 2026-11-02 to 2026-11-05\n", rates.stderr)
        let imported = try chorus("import", "orders", orders)
        XCTAssertEqual(imported.stdout, "imported orders: 3 new, 0 updated, 0 unchanged from 3 rows; converted 3 USD orders at rates of 2026-11-02 to 2026-11-05\n",
                       imported.stderr)

        // By hand: #2001 40.00 × 0.9234 = 36.936 → 36.94; #2002 (4 Nov, the rate of 3 Nov) 19.99 × 0.9251 = 18.49 less
        // 5.00 × 0.9251 = 4.63 refunded → 13.86; #2003 100.00 × 0.9188 = 91.88. Net revenue 142.68 EUR, none attributed.
        let report = try chorus("report", "attribution", "--format", "json")
        XCTAssertTrue(report.stdout.contains("\"142.68\""), report.stdout)
        XCTAssertTrue(report.stderr.contains("orders converted at USD 0.9234 of 2026-11-02 (1 order)"), report.stderr)
        let ledger = try chorus("export", "ledger")
        XCTAssertTrue(ledger.stderr.contains("orders converted at USD 0.9234 of 2026-11-02 (1 order), USD 0.9251 of 2026-11-03 (1 order), USD 0.9188 of 2026-11-05 (1 order)"),
                      ledger.stderr)
    }

    func testSkipInvalidImportsTheOrdersThatHaveARateAndCountsTheRest() throws {
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--currency", "EUR"]).status, 0)
        let file = folder.appendingPathComponent("rates.csv")
        try Data("date,currency,rate\n2026-11-03,USD,0.9251\n".utf8).write(to: file)
        XCTAssertEqual(try chorus("import", "rates", file.path).status, 0)
        let imported = try chorus("import", "orders", orders, "--skip-invalid")
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("1 order is in USD and there is no USD rate on or before 2026-11-02"), imported.stderr)
        XCTAssertEqual(imported.stdout, "imported orders: 2 new, 0 updated, 0 unchanged from 3 rows; converted 2 USD orders at the rate of 2026-11-03; "
                                        + "skipped 1 order without a rate\n")
    }

    func testABrokenRatesFileIsRefusedWhole() throws {
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--currency", "EUR"]).status, 0)
        let file = folder.appendingPathComponent("ecb-rates.csv")
        try Data("date,currency,rate\n2026-11-02,USD,0.9234\n2026-11-03,USD,0,9251\n03/11/2026,US,\n".utf8).write(to: file)
        let before = try folderContents(workspace)
        let refused = try chorus("import", "rates", file.path)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertEqual(refused.stderr, """
            chorus: ecb-rates.csv, line 3, column 3 (rate): '0' is not a rate; write how much 1 USD is in EUR, like 0.9234
            chorus: ecb-rates.csv, line 4, column 1 (date): '03/11/2026' is not a date; write YYYY-MM-DD
            chorus: ecb-rates.csv, line 4, column 2 (currency): 'US' is not a currency code like USD
            chorus: ecb-rates.csv, line 4, column 3 (rate): '' is not a rate; write how much 1 US is in EUR, like 0.9234
            chorus: 2 invalid rows; nothing was applied (--skip-invalid applies the valid ones)

            """)
        XCTAssertEqual(try folderContents(workspace), before)
    }

    func testANewProgramTakesItsCurrencyFromTheFirstOrders() throws {
        let made = try ChorusProcess.run(["init", workspace.path])
        XCTAssertTrue(made.stdout.contains("currency: EUR, unless the first orders import is in another and nothing has a price yet"), made.stdout)
        let imported = try chorus("import", "orders", orders)
        XCTAssertEqual(imported.stdout, """
            imported orders: 3 new, 0 updated, 0 unchanged from 3 rows
            the program's currency is now USD, taken from these orders (nothing had a price yet)

            """, imported.stderr)
        let report = try chorus("report", "attribution", "--format", "json")
        XCTAssertTrue(report.stdout.contains("\"currency\" : \"USD\""), report.stdout)
        XCTAssertTrue(report.stdout.contains("\"154.99\""), "40.00 + (19.99 - 5.00) + 100.00 in dollars, unconverted: \(report.stdout)")
    }
}
