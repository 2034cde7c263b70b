import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// Compaction folds the journal into a new snapshot; if any step fails, the previous snapshot
/// and journal stay current and byte-identical.
final class CompactionTests: XCTestCase {
    private func storeWithJournal() throws -> (folder: String, expected: Workspace) {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(1))
        try store.perform(.importOrders([Order(id: "#1003", email: "new@example.com", financialStatus: "paid",
                                               createdAt: StoreFixtures.march12, subtotal: StoreFixtures.eur(990), refunded: StoreFixtures.eur(0))]),
                          context: StoreFixtures.context(2))
        let expected = store.workspace
        store.close()
        return (folder, expected)
    }

    func testCompactionThenReopenGivesTheSameWorkspaceAndAnEmptyJournal() throws {
        let (folder, expected) = try storeWithJournal()
        let store = try WorkspaceStore.open(at: folder)
        try store.compact()
        XCTAssertEqual(store.journalLength, 0)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 2, reason: "recount"), context: StoreFixtures.context(3))
        let after = store.workspace
        XCTAssertNotEqual(after, expected)
        store.close()

        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertTrue(names.contains("orders-2.json"))
        XCTAssertFalse(names.contains("orders-1.json"), "the previous generation is removed: \(names.sorted())")
        XCTAssertFalse(names.contains("journal.jsonl"), "the sealed segment is removed: \(names.sorted())")
        let journal = try String(contentsOfFile: folder + "/journal-3.jsonl", encoding: .utf8)
        XCTAssertEqual(journal.split(separator: "\n").count, 1)
        XCTAssertTrue(journal.contains(#""seq":3"#), "sequence numbers keep counting across compactions")

        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.workspace, after)
        XCTAssertEqual(reopened.journalLength, 1)
    }

    func testAFailedCompactionLeavesThePreviousFilesIntact() throws {
        let failures: [FailingFileSystem] = [
            FailingFileSystem(failing: .write, pathContaining: "orders-2.json"),
            FailingFileSystem(failing: .write, pathContaining: "chorus.json.tmp"),
            FailingFileSystem(failing: .rename, pathContaining: "chorus.json"),
            FailingFileSystem(failing: .syncDirectory),
        ]
        for failure in failures {
            let (folder, expected) = try storeWithJournal()
            let before = try StoreFixtures.contents(of: folder)
            let store = try WorkspaceStore.open(at: folder, fileSystem: failure)
            XCTAssertNotNil(assertStoreError(try store.compact()), "\(failure.operation)")
            store.close()

            // The journal may have rolled to a new segment; the snapshot is the one it was.
            let after = try StoreFixtures.contents(of: folder)
            for (name, bytes) in before where name != "chorus.json" {
                XCTAssertEqual(after[name], bytes, "\(name) unchanged after a \(failure.operation) failure")
            }
            let snapshot = { (bytes: Data?) in (try? JSONSerialization.jsonObject(with: bytes ?? Data()) as? NSDictionary).map {
                NSArray(array: [$0["generation"] ?? 0, $0["journalSequence"] ?? 0, $0["program"] ?? "", $0["collections"] ?? []]) } }
            XCTAssertEqual(snapshot(after["chorus.json"]), snapshot(before["chorus.json"]), "the snapshot named after a \(failure.operation) failure")
            XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, expected, "\(failure.operation)")
        }
    }

    /// Once the new manifest is in place the compaction has succeeded: a sealed segment that
    /// cannot be removed afterwards is tidying left for next time, not a failure to report.
    func testATrimThatFailsAfterTheNewSnapshotIsInPlaceIsNotACompactionFailure() throws {
        let (folder, expected) = try storeWithJournal()
        let store = try WorkspaceStore.open(at: folder, fileSystem: FailingFileSystem(failing: .append, pathContaining: "history"))
        XCTAssertNoThrow(try store.compact(), "the new snapshot is current; only the tidying failed")
        XCTAssertEqual(store.journalLength, 0)
        store.close()
        XCTAssertEqual(try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).split(separator: "\n").count, 2,
                       "the sealed segment stays until its records are in the history")

        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.workspace, expected, "entries already in the snapshot are not applied twice")
        XCTAssertEqual(reopened.journalLength, 0)
        try reopened.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "recount"), context: StoreFixtures.context(9))
        let after = reopened.workspace
        reopened.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, after)
    }
}
