import Foundation
import XCTest

/// A brand's first wave, from `chorus init` to its first payout run, on nothing but the files its
/// own tools export (committed under Tests/Fixtures) and the console's keys: no sample, no
/// generator, no hand-written workspace. Before each file goes in, a broken copy of it is refused
/// where it is wrong and leaves the workspace byte for byte as it was. The ledger at the end is
/// checked figure by figure against sums worked out here from the files.
final class StartingYourOwnProgramTests: XCTestCase {
    var workspace: URL!
    var folder: URL!
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The day each step happens: parcels go out in November, drafts arrive in December, and the
    /// ledger and payout run are made in January, when the 30-day commission hold has passed.
    var today = ChorusProcess.pinnedNow

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        folder = try ChorusProcess.temporaryFolder("chorus-e2e-own-program")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func chorus(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> ChorusProcess.Result {
        let result = try ChorusProcess.run(arguments + ["--workspace", workspace.path], environment: ["CHORUS_NOW": today])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result
    }

    private func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A copy of a fixture with one piece of text replaced, as a person editing it by hand might.
    private func broken(_ name: String, replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(name) has \(old)")
        let copy = folder.appendingPathComponent("broken-" + name)
        try text.replacingOccurrences(of: old, with: new).write(to: copy, atomically: true, encoding: .utf8)
        return copy.path
    }

    /// Runs a command that must be refused with `error` on stderr and change nothing on disk.
    private func assertRefused(_ arguments: [String], _ error: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try folderContents(workspace)
        let refused = try ChorusProcess.run(arguments + ["--workspace", workspace.path], environment: ["CHORUS_NOW": today])
        XCTAssertNotEqual(refused.status, 0, arguments.joined(separator: " "), file: file, line: line)
        XCTAssertTrue(refused.stderr.contains(error), "\(arguments.joined(separator: " ")): \(refused.stderr)", file: file, line: line)
        XCTAssertEqual(try folderContents(workspace), before, "\(arguments.joined(separator: " ")) changed the workspace", file: file, line: line)
    }

    func testABrandThatGivesOnlyItsNameSeesItInTheConsoleHeader() throws {
        let made = try ChorusProcess.run(["init", workspace.path, "--brand", "Fjord Goods", "--currency", "EUR"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let console = try TmuxSession(columns: 200, rows: 30, arguments: ["--workspace", workspace.path])
        try console.waitFor("Fjord Goods creator program")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }

    func testABrandRunsItsFirstWaveFromItsOwnFilesToItsFirstPayoutRun() throws {
        // 1. An empty program.
        let made = try ChorusProcess.run(["init", workspace.path, "--name", "Autumn creators", "--brand", "Fjord Goods", "--currency", "EUR"])
        XCTAssertEqual(made.status, 0, made.stderr)

        // 2. The catalogue: Shopify's products export (older template).
        try assertRefused(["import", "products", try broken("fjord-goods-products.csv", replacing: ",21.75,active", with: ",21.7S,active")],
                          "broken-fjord-goods-products.csv, line 5, column 47 (Cost per item): '21.7S' is not a cost per item in EUR")
        XCTAssertEqual(try chorus("import", "products", fixture("fjord-goods-products.csv")).stdout, "imported products: 4 new SKUs, stock +107\n")

        // 3. Creators: Shopify customers, a Klaviyo list, and a Typeform application form with its map.
        try assertRefused(["import", "customers", try broken("fjord-goods-customers.csv", replacing: ",yes,,Thorvald", with: ",perhaps,,Thorvald")],
                          "broken-fjord-goods-customers.csv, line 2, column 5 (Accepts Email Marketing): 'perhaps' is not yes or no")
        let customers = try chorus("import", "customers", fixture("fjord-goods-customers.csv")).stdout
        XCTAssertTrue(customers.contains("2 new, 0 merged"), customers)
        XCTAssertTrue(customers.contains("1 new lead: customers with an email but no social handle"), customers)
        try assertRefused(["import", "customers", try broken("klaviyo-profiles.csv", replacing: ",UNSUBSCRIBED,", with: ",MAYBE,")],
                          "broken-klaviyo-profiles.csv, line 3, column 12 (Email Marketing Consent): 'MAYBE' is not yes or no")
        XCTAssertTrue(try chorus("import", "customers", fixture("klaviyo-profiles.csv")).stdout.contains("3 new, 0 merged"))
        try assertRefused(["import", "creators", try broken("typeform-creator-applications.csv", replacing: "United Kingdom", with: "UK"),
                           "--map", fixture("typeform-creator-applications.map.json")],
                          "broken-typeform-creator-applications.csv, line 4, column 12 (Country): 'UK' is not an ISO country code; use GB")
        try assertRefused(["import", "creators", fixture("typeform-creator-applications.csv"), "--map",
                           try broken("typeform-creator-applications.map.json", replacing: "What is your Instagram handle?", with: "What is your Instagram?")],
                          "broken-typeform-creator-applications.map.json: 'What is your Instagram?' is not a column of typeform-creator-applications.csv")
        XCTAssertEqual(try chorus("import", "creators", fixture("typeform-creator-applications.csv"),
                                  "--map", fixture("typeform-creator-applications.map.json")).stdout,
                       "imported creators: 3 new, 0 updated, 0 unchanged\n")

        // 4. In the console: a wave naming products, three creators invited, codes made, parcels queued.
        try runFirstWaveInTheConsole()

        let codes = try chorus("export", "codes").stdout
        XCTAssertTrue(codes.contains("PRIYAMAKES10,priya.makes,autumn-trails,percent,10,"), codes)
        XCTAssertTrue(codes.contains("utm_campaign=autumn-trails&utm_content=priya.makes"), codes)

        // 5. Labels: the parcels go to ShipStation, and its shipments export comes back with the costs.
        let sent = try chorus("export", "shipments", "--format", "shipstation").stdout.split(separator: "\n")
        XCTAssertEqual(sent.count, 7, "a header and two items for each of three parcels")
        XCTAssertTrue(sent.contains("SH-0001,2026-11-21,Ingrid Dahl,ingrid.dahl@example.no,+47 922 11 333,Thorvald Meyers gate 18,,Oslo,,0555,NO,TS-M,Trail Socks - M,2"),
                      "the phone of Shopify's default address goes on the label: \(sent.joined(separator: "\n"))")
        XCTAssertEqual(sent.dropFirst().map { $0.prefix(8) + ($0.split(separator: ",")[2]) }, ["SH-0001,Ingrid Dahl", "SH-0001,Ingrid Dahl",
                       "SH-0002,Felix Mueller", "SH-0002,Felix Mueller", "SH-0003,Priya Shah", "SH-0003,Priya Shah"], "parcels in the Pipeline's order")
        XCTAssertTrue(sent.contains("SH-0003,2026-11-21,Priya Shah,priya@shahmakes.co.uk,07700 900123,14 Albert Road,,Manchester,Greater Manchester,M14 5RT,GB,MB-S,Merino Base Layer - S,1"),
                      sent.joined(separator: "\n"))
        try assertRefused(["import", "tracking", try broken("fjord-goods-shipstation-shipments.csv", replacing: ",11.35", with: ",eleven")],
                          "broken-fjord-goods-shipstation-shipments.csv, line 4, column 7 (Shipping Cost): 'eleven' is not a shipping cost; write an amount like 7.45")
        today = "2026-11-25T16:00:00Z"
        XCTAssertEqual(try chorus("import", "tracking", fixture("fjord-goods-shipstation-shipments.csv")).stdout,
                       "shipped 3 shipments, shipping 34.50 EUR for all\n")
        let parcels = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try chorus("list", "shipments", "--format", "json").stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(parcels.map { $0["shippedAt"] as? String }, ["2026-11-23T00:00:00Z", "2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z"],
                       "each parcel left on its Ship Date")

        // 6. Drafts arrive in December and are approved: disclosed, tagged, and with the rights the brief agreed.
        today = "2026-12-04T10:00:00Z"
        try assertRefused(["import", "submissions", try broken("fjord-goods-drafts.csv", replacing: "2026-12-03T09:05:00Z", with: "2026-12-33T09:05:00Z")],
                          "broken-fjord-goods-drafts.csv, line 3, column 6 (submitted_at): '2026-12-33T09:05:00Z' is not a time")
        XCTAssertEqual(try chorus("import", "submissions", fixture("fjord-goods-drafts.csv")).stdout, "added 2 submissions\n")
        XCTAssertEqual(try chorus("approve", "SU-0001", "SU-0002").stdout, "approved 2 submissions\n")

        // 7. Orders (with Shopify's Id) and Fairing's survey answers; the one ambiguous answer resolved.
        try assertRefused(["import", "orders", try broken("fjord-goods-orders.csv", replacing: "5630145200005", with: "56301452OOOO5")],
                          "broken-fjord-goods-orders.csv, line 8, column 34 (Id): '56301452OOOO5' is not a Shopify order Id")
        XCTAssertEqual(try chorus("import", "orders", fixture("fjord-goods-orders.csv")).stdout,
                       "imported orders: 6 new, 0 updated, 0 unchanged from 8 rows\n")
        try assertRefused(["import", "survey", try broken("fairing-responses.csv", replacing: "5630145200003,,", with: ",,")],
                          "broken-fairing-responses.csv, line 4, column 2 (order_number): the answer names no order")
        XCTAssertTrue(try chorus("import", "survey", fixture("fairing-responses.csv")).stdout.contains("imported 4 survey responses"))
        XCTAssertTrue(try chorus("resolve").stdout.contains("#1002  \"Felix Mueller on Instagram\"  → @felix.mueller, @felixmueller.trails"))
        try chorus("resolve", "5630145200002", "@felix.mueller")

        // 8. January: the ledger, checked against the files by hand, and the first payout run.
        today = "2027-01-05T10:00:00Z"
        // The creator rows go to ledger.csv and the total row to ledger-totals.csv beside it.
        let ledgerFile = folder.appendingPathComponent("ledger.csv")
        let ledger = try chorus("export", "ledger", "--output", ledgerFile.path)
        let ledgerText = try String(contentsOf: ledgerFile, encoding: .utf8)
        let totalsText = try String(contentsOf: folder.appendingPathComponent("ledger-totals.csv"), encoding: .utf8)
        let rows = try ledgerRows(ledgerText).merging(try ledgerRows(totalsText)) { first, _ in first }
        // Product cost per parcel, from the products file: 2 × TS-M at 6.40 + 1 × MB-S at 21.75 = 34.55.
        // Shipping, from the ShipStation file: SH-0001 (Ingrid) €14.20, SH-0002 (Felix) 8.95, SH-0003 (Priya) 11.35.
        // Direct net revenue, from the orders file: Ingrid's code on #1006, 43.20; Felix's on #1005,
        // 58.50 less 21.60 refunded = 36.90; Priya's on #1004, 175.50. Commission 20 % of each:
        // 8.64, 7.38, 35.10. Assisted: #1002 (89.00) resolved to Felix, #1003 (120.00) names Priya.
        // Gross margin 60 % of revenue; contribution = gross margin − total cost; CPA = cost / 1 order;
        // ROAS = direct revenue / cost; ROI on margin = contribution margin / cost.
        let expected: [String: [String: String]] = [
            "ingrid.on.trails": ["product_cost": "34.55", "shipping_cost": "14.20", "commission": "8.64", "total_cost": "57.39",
                                 "direct_orders": "1", "direct_net_revenue": "43.20", "assisted_orders": "0", "assisted_net_revenue": "0.00",
                                 "gross_margin": "25.92", "contribution_margin": "-31.47", "cpa": "57.39", "roas": "0.75", "roi_on_margin_percent": "-54.84", "usable_assets": "0"],
            "felix.mueller": ["product_cost": "34.55", "shipping_cost": "8.95", "commission": "7.38", "total_cost": "50.88",
                              "direct_orders": "1", "direct_net_revenue": "36.90", "assisted_orders": "1", "assisted_net_revenue": "89.00",
                              "gross_margin": "22.14", "contribution_margin": "-28.74", "cpa": "50.88", "roas": "0.73", "roi_on_margin_percent": "-56.49", "usable_assets": "1"],
            "priya.makes": ["product_cost": "34.55", "shipping_cost": "11.35", "commission": "35.10", "total_cost": "81.00",
                            "direct_orders": "1", "direct_net_revenue": "175.50", "assisted_orders": "1", "assisted_net_revenue": "120.00",
                            "gross_margin": "105.30", "contribution_margin": "24.30", "cpa": "81.00", "roas": "2.17", "roi_on_margin_percent": "30.00", "usable_assets": "1"],
            "total": ["product_cost": "103.65", "shipping_cost": "34.50", "commission": "51.12", "total_cost": "189.27",
                      "direct_orders": "3", "direct_net_revenue": "255.60", "assisted_orders": "2", "assisted_net_revenue": "209.00",
                      "gross_margin": "153.36", "contribution_margin": "-35.91", "cpa": "63.09", "roas": "1.35", "roi_on_margin_percent": "-18.97", "usable_assets": "2"],
        ]
        XCTAssertEqual(Set(rows.keys), Set(expected.keys), ledgerText + totalsText)
        for (row, figures) in expected {
            for (column, figure) in figures {
                XCTAssertEqual(rows[row]?[column], figure, "\(row) \(column)\n\(ledgerText)\(totalsText)\n\(ledger.stderr)")
            }
            XCTAssertEqual(rows[row]?["currency"], "EUR")
            XCTAssertEqual(rows[row]?["commission_pending"], "0.00", "the hold of orders of 25–27 November has passed")
            XCTAssertEqual(rows[row]?["flat_fees"], "0.00")
        }

        // Only Priya's 35.10 reaches the minimum payout of 25.00; the others wait for more.
        XCTAssertEqual(try chorus("payout", "create").stdout, "created payout run 1: 1 creator, 35.10 EUR\n")
        let exported = try chorus("export", "payouts", "1")
        XCTAssertEqual(exported.stderr, "chorus: exported payout run 1: 1 creator, 35.10 EUR\n")
        XCTAssertEqual(exported.stdout, "handle,name,email,amount,currency,items\n"
                       + "priya.makes,Priya Shah,priya.payouts@shahmakes.co.uk,35.10,EUR,commission W1 #1004 35.10\n")
        XCTAssertTrue(try chorus("check").stdout.hasPrefix("ok:"))
    }

    /// The wave form (Waves, `n`), the recruit view (`R`, Space, `i`), `:codes` and `S` seed, by keys.
    private func runFirstWaveInTheConsole() throws {
        let console = try TmuxSession(columns: 120, rows: 40, arguments: ["--workspace", workspace.path])
        try console.waitFor("Pipeline")
        try console.press("7")
        try console.waitFor("This program has no waves yet")
        try console.press("n")
        try console.waitFor("New wave W1")
        let fields = ["Autumn Trails", "live", "2026-11-15", "", "1500.00", "TS-M×2, MB-S", "warm feet, long trails", "#fjordgoods",
                      "@fjordgoods", "", "instagram reel 2026-12-10", "y", "", "", "20", "", "organic-repost, website; worldwide; 365 days"]
        for value in fields {
            try console.press("C-u")
            if !value.isEmpty { try console.type(value) }
            try console.press("Tab")
        }
        try console.waitFor("Usage rights   organic-repost, website; worldwide; 365 days")
        try console.press("C-s")
        try console.waitFor("Trail Socks - M ×2, Merino Base Layer - S ×1")
        try console.press("Enter", "1", "R")
        try console.waitFor("Recruit · for Autumn Trails")
        for handle in ["ingrid.on.trails", "priya.makes", "felix.mueller"] {
            try console.press("/", "C-u")
            try console.type("@" + handle)
            try console.press("Enter", "Space")
        }
        try console.press("/", "C-u", "Enter", "i")
        try console.waitFor("added 3 creators to Autumn Trails as invited")
        try console.press("R")
        try console.waitFor("invited 3")
        try console.press("g", "Space", "Space", "Space", ":")
        try console.type("codes {HANDLE}10 percent 10")
        try console.press("Enter")
        try console.waitFor("made 3 codes")
        try console.press("g", "Space", "Space", "Space", "S")
        try console.waitFor("queued 3 shipments")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }

    /// The ledger CSV by row (the creator's handle, or `total`) and column.
    private func ledgerRows(_ csv: String) throws -> [String: [String: String]] {
        XCTAssertFalse(csv.contains("\""), "no quoted cells in this ledger, so splitting on commas reads it exactly")
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try XCTUnwrap(lines.first)
        var rows: [String: [String: String]] = [:]
        for cells in lines.dropFirst() {
            XCTAssertEqual(cells.count, header.count)
            let row = Dictionary(uniqueKeysWithValues: zip(header, cells))
            rows[row["wave"] == "total" ? "total" : row["handle"]!] = row
        }
        return rows
    }
}
