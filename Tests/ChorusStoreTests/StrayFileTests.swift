import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// Snapshot files hold names and addresses and can be as big as the live snapshot, so none may
/// be left behind: a compaction removes every file Chorus wrote that the new manifest does not
/// name — generations left by a killed or failed compaction, payout runs, temporary files —
/// and leaves alone anything Chorus did not write.
final class StrayFileTests: XCTestCase {
    func testPayoutRunFilesOfOldGenerationsAreRemovedByCompaction() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        let run = PayoutRun(number: 1, createdOn: Day("2026-03-01")!,
                            payments: [Payment(creatorID: "CR-00001", items: [PayoutItem(key: "fee W1", amount: 5_000)])])
        try store.perform(.createPayoutRun(run), context: StoreFixtures.context(1))
        try store.compact()
        try store.perform(.markPayoutRunPaid(number: 1, on: Day("2026-03-02")!), context: StoreFixtures.context(2))
        try store.compact()
        store.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(names.filter { $0.hasPrefix("payoutRuns") }, ["payoutRuns-3.json"], "\(names.sorted())")
        XCTAssertEqual(store.strayFiles, [])
    }

    /// What a compaction killed before its manifest switch leaves: a whole generation nobody
    /// refers to, and a temporary manifest. A new process has no memory of it; the folder does.
    func testFilesLeftByAKilledCompactionAreReportedWithTheirSizeThenRemoved() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let orders = try Data(contentsOf: URL(fileURLWithPath: StoreFixtures.file("orders", in: folder)))
        for name in ["orders-7.json", "creators-7.json", "payoutRuns-7.json", "chorus.json.tmp"] {
            try orders.write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try "my own notes\n".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)

        let reader = try WorkspaceStore.open(at: folder, mode: .readOnly)
        XCTAssertEqual(reader.strayFiles, ["chorus.json.tmp", "creators-7.json", "orders-7.json", "payoutRuns-7.json"]
            .map { StrayFile(name: $0, byteCount: orders.count) })

        let store = try WorkspaceStore.open(at: folder)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "recount"), context: StoreFixtures.context(1))
        try store.compact()
        let expected = store.workspace
        store.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(names.filter { $0.hasSuffix("-1.json") || $0.hasSuffix("-7.json") || $0.hasSuffix(".tmp") }, [], "\(names)")
        XCTAssertTrue(names.contains("notes.txt"), "a file Chorus did not write is left alone")
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, expected)
    }

    /// A compaction that failed half-way (a full disk) removes its partial files itself, and a
    /// background compaction's files are not strays while they are being written.
    func testAFailedCompactionLeavesNoPartialGenerationAndOneInFlightIsNotAStray() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let failing = try WorkspaceStore.open(at: folder, fileSystem: FailingFileSystem(failing: .write, pathContaining: "assets-"))
        // Assets changed, so their file is written (after the unchanged collections are linked) and fails.
        try failing.perform(.tagAssets(["AS-0001"], add: ["spring"], remove: []), context: StoreFixtures.context(1))
        XCTAssertThrowsError(try failing.compact())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix("-2.json") }, [])
        failing.close()

        let store = try WorkspaceStore.open(at: folder)
        let compaction = try XCTUnwrap(try store.beginBackgroundCompaction())
        compaction.writeFiles()
        XCTAssertEqual(store.strayFiles, [], "generation \(compaction.generation) is being made current, not a stray")
        try store.finish(compaction)
        store.close()
    }
}
