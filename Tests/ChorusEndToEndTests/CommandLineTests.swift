import Foundation
import XCTest

/// The headless side as scripts use it: create the demo workspace, list, check, fail clearly.
final class CommandLineTests: XCTestCase {
    var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        let made = try ChorusProcess.run(["init", workspace.path, "--sample"])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    /// A brand keeps its programs in folders of its own: `chorus init` and `chorus generate`
    /// make the folders leading to a new workspace, as `mkdir -p` would, and still refuse a
    /// folder that holds anything.
    func testANewWorkspaceMayBeCreatedInFoldersThatDoNotExistYet() throws {
        let nested = workspace.appendingPathComponent("programs/glow/spring")
        let made = try ChorusProcess.run(["init", nested.path, "--name", "Spring", "--brand", "Glow", "--currency", "EUR"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(try ChorusProcess.run(["check", "--workspace", nested.path]).status, 0)
        let generated = try ChorusProcess.run(["generate", "--out", workspace.appendingPathComponent("bench/large").path, "--creators", "10", "--orders", "20"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let again = try ChorusProcess.run(["init", nested.path])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("is not empty"), again.stderr)
    }

    func testPendingSubmissionsAsJSONAreUsableByAScript() throws {
        let result = try ChorusProcess.run(["list", "submissions", "--status", "pending", "--format", "json", "--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(rows.isEmpty, "the sample program has pending submissions")
        for row in rows {
            XCTAssertNotNil(row["id"] as? String)
            XCTAssertNotNil(row["handle"] as? String)
            XCTAssertEqual(row["status"] as? String, "pending")
        }
        XCTAssertTrue(rows.contains { ($0["compliance"] as? String) == "fail" }, "some pending drafts fail the disclosure check")
    }

    func testEveryCollectionListsInEveryFormat() throws {
        for collection in ["creators", "shipments", "submissions", "assets"] {
            for format in ["table", "csv", "json"] {
                let result = try ChorusProcess.run(["list", collection, "--format", format, "--workspace", workspace.path])
                XCTAssertEqual(result.status, 0, "\(collection) \(format): \(result.stderr)")
                XCTAssertFalse(result.stdout.isEmpty)
            }
        }
    }

    func testShipmentStatusesUseTheDocumentedWords() throws {
        let result = try ChorusProcess.run(["list", "shipments", "--format", "json", "--workspace", workspace.path])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let statuses = Set(rows.compactMap { $0["status"] as? String })
        XCTAssertTrue(statuses.isSuperset(of: ["queued", "packed", "shipped", "delivered", "exception"]), "\(statuses)")
    }

    func testCheckPassesOnTheSampleProgram() throws {
        let result = try ChorusProcess.run(["check", "--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("ok:"), result.stdout)
    }

    func testAnUnknownWaveIsAClearErrorOnStderr() throws {
        let result = try ChorusProcess.run(["list", "shipments", "--wave", "Wave 9", "--workspace", workspace.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stdout.isEmpty)
        XCTAssertTrue(result.stderr.contains("no wave 'Wave 9'"), result.stderr)
    }

    func testAnUnknownStatusNamesTheValidOnes() throws {
        let result = try ChorusProcess.run(["list", "submissions", "--status", "done", "--workspace", workspace.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("pending, approved, changesRequested, rejected"), result.stderr)
    }

    func testACorruptWorkspaceIsReportedAndLeftUntouched() throws {
        let snapshot = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: workspace.path)
            .first { $0.hasPrefix("orders") })
        let file = workspace.appendingPathComponent(snapshot)
        var bytes = try Data(contentsOf: file)
        bytes.replaceSubrange(bytes.count / 2..<bytes.count / 2 + 40, with: Data("}}garbage{{".utf8))
        try bytes.write(to: file)
        let before = try folderContents(workspace)

        let result = try ChorusProcess.run(["check", "--workspace", workspace.path])

        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains(snapshot), "names the file: \(result.stderr)")
        XCTAssertEqual(try folderContents(workspace), before, "nothing was overwritten")
    }

    func testDemoRefusesAFolderThatHoldsFiles() throws {
        let result = try ChorusProcess.run(["demo", "--workspace", workspace.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("is not empty"), result.stderr)
    }

    func testNoWorkspaceSaysHowToMakeOne() throws {
        let missing = try ChorusProcess.temporaryFolder()
        let result = try ChorusProcess.run(["--workspace", missing.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("chorus init"), result.stderr)
    }
}
