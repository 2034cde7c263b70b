import Foundation
import XCTest

/// A brand starts a customer-sourced program from its own lists: Shopify's customers export and
/// Klaviyo's profiles, where some of its best customers have no social handle. They are kept
/// as leads (never counted as creators), asked by email to apply, and when the application
/// form comes back with their handle they become prospects — the same record, orders and all.
final class RecruitingLeadsTests: XCTestCase {
    var workspace: URL!
    var folder: URL!
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        folder = try ChorusProcess.temporaryFolder("chorus-e2e-leads")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func chorus(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try ChorusProcess.run(arguments + ["--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result.stdout
    }

    private func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The Typeform export as it comes back with the two leads' answers, in the fixture's layout.
    private func applications(marta: String, sam: String) throws -> String {
        let header = try XCTUnwrap(try String(contentsOfFile: fixture("typeform-creator-applications.csv"), encoding: .utf8).split(separator: "\n").first)
        let file = folder.appendingPathComponent("applications.csv")
        try ([String(header),
              "q1w2e3r4t5,Marta Ruiz,marta@example.es,\(marta),1200,hiking,,,,,,Spain,,,2026-11-22 09:00:00,2026-11-22 09:04:12,11aa22",
              "y6u7i8o9p0,Sam Reed,Sam@Example.com,\(sam),640,running,,,,,,United States,,,2026-11-22 11:30:00,2026-11-22 11:33:40,33bb44",
             ].joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testCustomersWithoutAHandleAreAskedToApplyAndBecomeProspectsWithTheirOrders() throws {
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--name", "Autumn creators", "--brand", "Fjord Goods", "--currency", "EUR",
                                              "--from", "Fjord Goods <creators@fjordgoods.example>"]).status, 0)

        // 1. Shopify's customers: Marta has an email but no handle; Klaviyo's Sam neither.
        let customers = try chorus("import", "customers", fixture("fjord-goods-customers.csv"))
        XCTAssertTrue(customers.hasPrefix("imported creators: 2 new, 0 updated, 0 unchanged; leads with no handle yet: 1 new, 0 updated, 0 unchanged\n"), customers)
        XCTAssertTrue(customers.contains("1 new lead: customers with an email but no social handle, to invite to apply"), customers)
        XCTAssertTrue(try chorus("import", "customers", fixture("klaviyo-profiles.csv")).contains("1 new lead"))
        XCTAssertTrue(try chorus("import", "customers", fixture("fjord-goods-customers.csv"))
            .hasPrefix("imported creators: 0 new, 0 updated, 2 unchanged; leads with no handle yet: 0 new, 0 updated, 1 unchanged\n"),
                      "the same list again adds nobody twice")

        // 2. The leads, with what they bought; never among the creators.
        let leads = try chorus("list", "creators", "--leads").split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        XCTAssertEqual(leads, ["ID NAME EMAIL MARKETING BOUGHT APPLY", "CR-00003 Marta Ruiz marta@example.es yes 1 order · 24.00 EUR",
                               "CR-00007 Sam Reed sam@example.com yes no orders", "2 rows"])
        XCTAssertFalse(try chorus("list", "creators").contains("Marta"))
        XCTAssertTrue(try chorus("check").contains("— 5 creators, 2 leads, 0 waves"))

        // 3. A wave to invite them to, made in the console.
        let console = try TmuxSession(columns: 120, rows: 40, arguments: ["--workspace", workspace.path])
        try console.waitFor("Pipeline")
        try console.press("7", "n", "C-u")
        try console.type("Autumn Trails")
        try console.press("C-s")
        try console.waitFor("created wave Autumn Trails")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        // 4. apply to every lead who accepted marketing: one .eml each, by email.
        let preview = try chorus("outbox", "build", "--kind", "apply", "--wave", "W1")
        XCTAssertTrue(preview.contains("── To: Marta Ruiz <marta@example.es>\n   Subject: Marta, you could be one of our creators"), preview)
        XCTAssertTrue(preview.contains("2 apply messages for Autumn Trails"), preview)
        XCTAssertTrue(try chorus("outbox", "build", "--kind", "apply", "--wave", "W1", "--write").contains("drafted 2 apply messages for Autumn Trails"))
        let drafted = workspace.appendingPathComponent("outbox/2026-11-21-apply")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: drafted.path).sorted(), ["cr-00003.eml", "cr-00007.eml", "klaviyo.csv"])
        let eml = try String(contentsOf: drafted.appendingPathComponent("cr-00003.eml"), encoding: .utf8)
        XCTAssertTrue(eml.contains("To: Marta Ruiz <marta@example.es>"), eml)
        XCTAssertTrue(eml.contains("more about Autumn Trails."), eml)
        XCTAssertTrue(try chorus("outbox", "build", "--kind", "apply", "--wave", "W1").contains("skipped: Marta Ruiz (marta@example.es) already has apply drafted today"),
                      "nobody is asked twice")
        XCTAssertEqual(try chorus("outbox", "mark-sent", "--kind", "apply", "--wave", "W1"), "marked 2 apply messages sent for Autumn Trails\n")
        XCTAssertTrue(try chorus("list", "creators", "--leads").contains("apply sent 2026-11-21"))

        // 5. The answers come back: Sam typed a handle that is Ingrid's, so the file is refused naming both.
        let mistaken = try ChorusProcess.run(["import", "creators", try applications(marta: "@marta.walks", sam: "@ingrid.on.trails"),
                                              "--map", fixture("typeform-creator-applications.map.json"), "--workspace", workspace.path])
        XCTAssertNotEqual(mistaken.status, 0)
        XCTAssertTrue(mistaken.stderr.contains("line 3, column 4 (What is your Instagram handle?): Sam Reed (sam@example.com) is a lead, but "
                                               + "@ingrid.on.trails belongs to Ingrid Dahl (CR-00001); correct the handle or the email"), mistaken.stderr)
        XCTAssertEqual(try chorus("import", "creators", try applications(marta: "@marta.walks", sam: "instagram.com/sam.reed.runs"),
                                  "--map", fixture("typeform-creator-applications.map.json")),
                       "imported creators: 0 new, 2 updated, 0 unchanged; 2 leads gave a handle and became prospects\n")
        XCTAssertTrue(try chorus("import", "creators", fixture("typeform-creator-applications.csv"),
                                 "--map", fixture("typeform-creator-applications.map.json")).hasPrefix("imported creators: 3 new"))

        // 6. They are prospects now, the same records: no lead left, nobody twice.
        XCTAssertTrue(try chorus("list", "creators", "--leads").hasSuffix("\n0 rows\n"))
        let creators = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try chorus("list", "creators", "--format", "json").utf8)) as? [[String: Any]])
        let marta = try XCTUnwrap(creators.first { $0["handle"] as? String == "marta.walks" })
        XCTAssertEqual(marta["id"] as? String, "CR-00003")
        XCTAssertEqual(creators.filter { $0["name"] as? String == "Marta Ruiz" }.count, 1)
        XCTAssertEqual(creators.first { $0["handle"] as? String == "sam.reed.runs" }?["id"] as? String, "CR-00007")
        XCTAssertTrue(try chorus("check").contains("— 10 creators, 1 wave,"))

        // 7. In the recruit view Marta is a prospect with her purchases.
        let recruit = try TmuxSession(columns: 120, rows: 40, arguments: ["--workspace", workspace.path])
        try recruit.waitFor("Pipeline")
        try recruit.press("R", "/")
        try recruit.type("marta")
        try recruit.press("Enter")
        try recruit.waitFor("Customer   1 order · 24.00 EUR")
        XCTAssertTrue(try recruit.screen().contains("@marta.walks"))
        try recruit.press("Escape", "q")
        XCTAssertEqual(try recruit.waitForExit(), 0)
    }
}
