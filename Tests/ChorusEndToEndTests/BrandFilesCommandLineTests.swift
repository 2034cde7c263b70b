import Foundation
import XCTest

/// A brand starting from `chorus init` (no sample) with its own tools' files, committed under
/// Tests/Fixtures: a Typeform application export read with `--map`, a Klaviyo profile export,
/// a Fairing survey export that arrives before the orders, Shopify's orders export with `Id`,
/// and the one ambiguous answer settled with `chorus resolve`. Then each file broken: refused
/// with file, line, column and field, the workspace untouched, and `--skip-invalid` applying the rest.
final class BrandFilesCommandLineTests: XCTestCase {
    var workspace: URL!
    var folder: URL!
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        folder = try ChorusProcess.temporaryFolder("chorus-e2e-brand")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try ChorusProcess.run(["init", workspace.path, "--brand", "Fjord Goods"])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: folder)
    }

    private func chorus(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> ChorusProcess.Result {
        let result = try ChorusProcess.run(arguments + ["--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result
    }

    private func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A copy of a fixture with one line's text replaced.
    private func broken(_ name: String, replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(name) has \(old)")
        let copy = folder.appendingPathComponent("broken-" + name)
        try text.replacingOccurrences(of: old, with: new).write(to: copy, atomically: true, encoding: .utf8)
        return copy.path
    }

    func testAnEmptyProgramRunsOnTheBrandsOwnExports() throws {
        let applied = try chorus("import", "creators", fixture("typeform-creator-applications.csv"),
                                 "--map", fixture("typeform-creator-applications.map.json"))
        XCTAssertEqual(applied.stdout, "imported creators: 3 new, 0 updated, 0 unchanged\n")
        let listed = try JSONSerialization.jsonObject(with: Data(try chorus("list", "creators", "--format", "json").stdout.utf8)) as! [[String: Any]]
        let priya = try XCTUnwrap(listed.first { $0["handle"] as? String == "priya.makes" })
        XCTAssertEqual(priya["payoutEmail"] as? String, "priya.payouts@shahmakes.co.uk")
        XCTAssertEqual(priya["phone"] as? String, "07700 900123")
        XCTAssertEqual(priya["address"] as? [String: String], ["line1": "14 Albert Road", "city": "Manchester", "region": "Greater Manchester",
                                                               "postalCode": "M14 5RT", "country": "GB"])
        let klaviyo = try chorus("import", "customers", fixture("klaviyo-profiles.csv"))
        XCTAssertTrue(klaviyo.stdout.contains("3 new, 0 merged"), klaviyo.stdout)
        XCTAssertTrue(klaviyo.stdout.contains("2 have not accepted marketing"), klaviyo.stdout)

        let survey = try chorus("import", "survey", fixture("fairing-responses.csv"))
        XCTAssertTrue(survey.stdout.contains("4 answers match no order yet (kept; they count once the order is imported)"), survey.stdout)
        XCTAssertTrue(try chorus("check").stdout.hasPrefix("ok:"), "answers waiting for their orders are not a problem")
        try chorus("import", "orders", fixture("shopify-orders-with-id.csv"))

        let queue = try chorus("resolve")
        XCTAssertTrue(queue.stdout.contains("#1002  \"Felix Mueller on Instagram\"  → @felix.mueller, @felixmueller.trails"), queue.stdout)
        let resolved = try chorus("resolve", "5630145200002", "@felix.mueller")
        XCTAssertEqual(resolved.stdout, "credited order #1002 to @felix.mueller; \"Felix Mueller on Instagram\" now names @felix.mueller\n")
        XCTAssertEqual(try chorus("resolve").stdout, "no survey answers to resolve\n")

        let report = try JSONSerialization.jsonObject(with: Data(try chorus("report", "attribution", "--format", "json").stdout.utf8)) as! [String: Any]
        let creators = (report["creators"] as! [[String: Any]]).map { ($0["handle"] as! String, $0["assistedNetRevenue"] as! String) }
        // #1002 (65.00 + 24.00) to Felix by resolution, #1003 (120.00) to Priya by her handle in a Fairing answer matched by Id.
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: creators), ["felix.mueller": "89.00", "priya.makes": "120.00"])
        XCTAssertTrue(try chorus("check").stdout.hasPrefix("ok:"))

        let alias = try chorus("alias", "add", "@priya.makes", "Priya from Manchester")
        XCTAssertEqual(alias.stdout, "updated @priya.makes; aliases: \"Priya from Manchester\"\n")
        let taken = try ChorusProcess.run(["alias", "add", "@felixmueller.trails", "Felix Mueller on Instagram", "--workspace", workspace.path])
        XCTAssertNotEqual(taken.status, 0)
        XCTAssertTrue(taken.stderr.contains("\"Felix Mueller on Instagram\" already names @felix.mueller"), taken.stderr)
        XCTAssertEqual(try chorus("alias", "remove", "@priya.makes", "priya from manchester").stdout, "updated @priya.makes; aliases: none\n")
        let unknown = try ChorusProcess.run(["alias", "remove", "@felix.mueller", "Felix", "--workspace", workspace.path])
        XCTAssertEqual(unknown.stderr, "chorus: @felix.mueller has no alias \"Felix\" (aliases: \"Felix Mueller on Instagram\")\n")
    }

    func testEachBrokenFileIsRefusedWhereItIsWrongAndChangesNothing() throws {
        let before = try folderContents(workspace)
        let cases: [(arguments: [String], error: String)] = [
            (["import", "creators", try broken("typeform-creator-applications.csv", replacing: "United Kingdom", with: "UK"),
              "--map", fixture("typeform-creator-applications.map.json")],
             "broken-typeform-creator-applications.csv, line 4, column 12 (Country): 'UK' is not an ISO country code; use GB"),
            (["import", "creators", fixture("typeform-creator-applications.csv"), "--map",
              try broken("typeform-creator-applications.map.json", replacing: "What is your Instagram handle?", with: "What is your Instagram?")],
             "broken-typeform-creator-applications.map.json: 'What is your Instagram?' is not a column of typeform-creator-applications.csv (columns: "),
            (["import", "customers", try broken("klaviyo-profiles.csv", replacing: ",UNSUBSCRIBED,", with: ",MAYBE,")],
             "broken-klaviyo-profiles.csv, line 3, column 12 (Email Marketing Consent): 'MAYBE' is not yes or no"),
            (["import", "orders", try broken("shopify-orders-with-id.csv", replacing: "5630145200003", with: "56301452OOOO3")],
             "broken-shopify-orders-with-id.csv, line 5, column 34 (Id): '56301452OOOO3' is not a Shopify order Id"),
            (["import", "survey", try broken("fairing-responses.csv", replacing: "5630145200003,,", with: ",,")],
             "broken-fairing-responses.csv, line 4, column 2 (order_number): the answer names no order"),
        ]
        for (arguments, error) in cases {
            let refused = try ChorusProcess.run(arguments + ["--workspace", workspace.path])
            XCTAssertNotEqual(refused.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(refused.stderr.contains(error), "\(arguments[1]): \(refused.stderr)")
            XCTAssertEqual(try folderContents(workspace), before, "\(arguments[1]) changed nothing")
        }

        let skipped = try ChorusProcess.run(["import", "creators", try broken("typeform-creator-applications.csv", replacing: "United Kingdom", with: "UK"),
                                             "--map", fixture("typeform-creator-applications.map.json"), "--skip-invalid", "--workspace", workspace.path])
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        XCTAssertTrue(skipped.stderr.contains("line 4, column 12 (Country): 'UK' is not an ISO country code; use GB"), skipped.stderr)
        XCTAssertEqual(skipped.stdout, "imported creators: 2 new, 0 updated, 0 unchanged; skipped 1 invalid row (listed above)\n")
    }

    func testResolvingAnOrderItsCodeAlreadyDecidesIsRefused() throws {
        let creators = folder.appendingPathComponent("creators.csv"), orders = folder.appendingPathComponent("orders.csv")
        let survey = folder.appendingPathComponent("survey.csv")
        try "handle,name,discount_code\nmila.makes,Mila Novak,MILA10\n".write(to: creators, atomically: true, encoding: .utf8)
        try "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,Id\n#5001,a@example.com,paid,EUR,40.00,MILA10,2026-11-20 10:00:00 +0000,5630145205001\n"
            .write(to: orders, atomically: true, encoding: .utf8)
        try "order_id,response,other\n5630145205001,Mila Novak,true\n".write(to: survey, atomically: true, encoding: .utf8)
        try chorus("import", "creators", creators.path)
        try chorus("import", "orders", orders.path)
        try chorus("import", "survey", survey.path)
        let before = try folderContents(workspace)
        let refused = try ChorusProcess.run(["resolve", "#5001", "@mila.makes", "--workspace", workspace.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertEqual(refused.stderr, "chorus: order #5001 is credited by its discount code; survey answers do not decide it\n")
        // The credit is read from the attribution the survey import kept: nothing on disk changes.
        XCTAssertTrue(before.keys.contains { $0.hasPrefix("attribution-") })
        XCTAssertEqual(try folderContents(workspace), before)
    }
}
