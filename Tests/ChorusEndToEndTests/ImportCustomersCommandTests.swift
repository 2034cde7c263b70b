import Foundation
import XCTest

/// `chorus import customers` as a coordinator runs it: the store's export into the sample
/// program, then a loyalty list with a broken row, refused whole and then applied with
/// `--skip-invalid`.
final class ImportCustomersCommandTests: XCTestCase {
    var workspace: URL!
    var folder: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        folder = try ChorusProcess.temporaryFolder("chorus-e2e-lists")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try ChorusProcess.run(["init", workspace.path, "--sample"])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: folder)
    }

    func testTheStoresExportMergesWithTheCreatorsAlreadyKnown() throws {
        let export = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data/imports/shopify-customers.csv")
        let result = try ChorusProcess.run(["import", "customers", export.path, "--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("0 new, 200 merged with creators already known"), result.stdout)
        XCTAssertTrue(result.stdout.contains("have not accepted marketing: shown, but never invited"), result.stdout)
    }

    func testABadRowRefusesTheWholeListUntilSkipped() throws {
        let list = folder.appendingPathComponent("loyalty.csv")
        try Data("""
            email,instagram,loyalty_tier,total_spent,orders,accepts_marketing
            new.fan@example.com,new.fan,gold,120.00,3,yes
            other@example.com,other.fan,silver,lots,2,yes

            """.utf8).write(to: list)
        let refused = try ChorusProcess.run(["import", "customers", list.path, "--source", "loyalty", "--workspace", workspace.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("loyalty.csv, line 3, column 4 (total_spent): 'lots' is not an amount like 1234.50"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("1 invalid row; nothing was applied"), refused.stderr)
        let listed = try ChorusProcess.run(["list", "creators", "--format", "csv", "--workspace", workspace.path])
        XCTAssertFalse(listed.stdout.contains("new.fan"), "nothing half-applied")

        let skipped = try ChorusProcess.run(["import", "customers", list.path, "--source", "loyalty", "--skip-invalid",
                                             "--workspace", workspace.path])
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        XCTAssertTrue(skipped.stdout.contains("1 new, 0 merged"), skipped.stdout)
        let after = try ChorusProcess.run(["list", "creators", "--format", "csv", "--workspace", workspace.path])
        XCTAssertTrue(after.stdout.contains("new.fan"))
    }
}
