import Foundation
import XCTest

/// Seeding staff in the real console and at the command line: pack and ship with a scanner,
/// then hand a pick list to the warehouse and read its tracking numbers back.
final class SeedingConsoleTests: XCTestCase {
    private let numbers = ["1Z999AA10123450001", "1Z999AA10123450002", "1Z999AA10123450003"]

    /// A scanner fired with no tracking prompt open: typed one at a time, "1Z…" would switch to
    /// the Pipeline and redo the undone packing. As a burst it is dropped whole.
    func testAScannerBurstOutsideThePromptIsNeverTakenAsKeys() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: 80, rows: 24, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("sort: stage")
        try console.press("2")
        try console.waitFor("Seeding ·")
        try console.press("p")
        try console.waitFor("packed 1 shipment")
        try console.press("z")
        try console.waitFor("undone: packed 1 shipment")
        try console.type(numbers[0] + "\r")   // one write: the label and Enter, as a scanner sends them
        let screen = try console.waitFor("a scan arrived outside the tracking prompt: press s to ship")
        XCTAssertTrue(screen.contains("Seeding ·"), "the 1 did not switch panes\n\(screen)")
        XCTAssertFalse(screen.contains("redone"), "the Z did not redo\n\(screen)")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
        XCTAssertEqual(try shipments(in: workspace, status: "packed").count, 4, "the demo's packed parcels, and no more")
    }

    func testThreeQueuedParcelsArePackedAndShippedWithScannedNumbers() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: 120, rows: 40, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("sort: stage")
        let queued = try shipments(in: workspace, status: "queued")
        XCTAssertGreaterThanOrEqual(queued.count, 3)
        let chosen = Array(queued.keys.sorted().prefix(3))
        try console.press("2")
        try console.waitFor("Seeding")
        try console.press("f")   // only queued parcels: the first three rows are the three lowest ids
        try console.waitFor("queued parcels")
        try console.press("Space", "Space", "Space", "p")
        try console.waitFor("packed 3 shipments")
        try console.press("f")
        try console.waitFor("packed parcels")
        try console.press("/")
        try console.type(chosen[0])
        try console.press("Enter", "Space", "/", "C-u")
        try console.type(chosen[1])
        try console.press("Enter", "Space", "/", "C-u")
        try console.type(chosen[2])
        try console.press("Enter", "Space", "s")
        try console.waitFor("Ship 3 parcels with carrier: UPS")
        try console.press("Enter")
        for (index, number) in numbers.enumerated() {
            try console.waitFor("\(index + 1)/3 \(chosen[index])")
            try console.press(number, "Enter")   // what a scanner sends: the digits, then Enter
        }
        try console.waitFor("Shipped 3 of 3 with UPS")
        try console.press("Enter", "q")   // the run's summary stays until dismissed
        XCTAssertEqual(try console.waitForExit(), 0)

        let shipped = try shipments(in: workspace, status: "shipped")
        for (id, number) in zip(chosen, numbers) {
            XCTAssertEqual(shipped[id]?["trackingNumber"] as? String, number, id)
            XCTAssertEqual(shipped[id]?["carrier"] as? String, "ups", id)
        }
    }

    func testAPickListGoesToTheWarehouseAndItsTrackingNumbersComeBackAllOrNothing() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let queued = try shipments(in: workspace, status: "queued", copyingDemo: true)
        let pickList = try ChorusProcess.temporaryFolder().appendingPathExtension("picklist.csv")
        defer { try? FileManager.default.removeItem(at: pickList) }
        let export = ["export", "shipments", "--wave", "W2", "--status", "queued", "--format", "csv", "--output", pickList.path,
                      "--workspace", workspace.path]
        XCTAssertEqual(try ChorusProcess.run(export).status, 0)
        let refused = try ChorusProcess.run(export)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("already exists; use --force"), refused.stderr)

        // The warehouse fills in carrier and tracking number; one label is mistyped.
        var lines = try String(contentsOf: pickList, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, queued.count + 1)
        for index in 1..<lines.count {
            let number = index == 2 ? "1Z-TYPO" : "1Z999AA101234500\(String(format: "%02d", index))"
            lines[index] = String(lines[index].dropLast(2)) + ",UPS,\(number)"   // the two empty trailing columns
        }
        try (lines.joined(separator: "\n") + "\n").write(to: pickList, atomically: true, encoding: .utf8)

        let strict = try ChorusProcess.run(["import", "tracking", pickList.path, "--workspace", workspace.path])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("\(pickList.lastPathComponent), line 3, column 18 (tracking_number): '1Z-TYPO' does not look like a UPS tracking number"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("nothing was applied"), strict.stderr)
        XCTAssertTrue(try shipments(in: workspace, status: "shipped").keys.allSatisfy { !queued.keys.contains($0) })

        let lenient = try ChorusProcess.run(["import", "tracking", pickList.path, "--skip-invalid", "--workspace", workspace.path])
        XCTAssertEqual(lenient.status, 0, lenient.stderr)
        XCTAssertEqual(lenient.stdout, "shipped \(queued.count - 1) shipments; skipped 1 invalid row\n")
        XCTAssertEqual(try shipments(in: workspace, status: "queued").count, 1, "only the mistyped row is left")
    }

    /// Shipments with `status` in wave W2, by id, as `chorus list --format json` prints them.
    private func shipments(in workspace: URL, status: String, copyingDemo: Bool = false) throws -> [String: [String: Any]] {
        if copyingDemo {
            try? FileManager.default.removeItem(at: workspace)
            let created = try ChorusProcess.run(["init", workspace.path, "--sample"])
            XCTAssertEqual(created.status, 0, created.stderr)
        }
        let result = try ChorusProcess.run(["list", "shipments", "--wave", "W2", "--status", status, "--format", "json", "--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
    }
}
