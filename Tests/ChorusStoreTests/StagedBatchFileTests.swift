import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// A big import's batch goes to its file as it is encoded, never held whole: the file must be
/// the whole payload, which a fresh open reads back (checking its size and checksum), and a
/// write that fails midway must leave neither an entry nor a half batch beside the journal.
final class StagedBatchFileTests: XCTestCase {
    private let orders = StoreFixtures.nightsOrders()

    func testTheNightsImportIsStagedInTheBytesTheJournalEncoderWritesAndReadsBack() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let store = try WorkspaceStore.open(at: folder)
        // A colleague's compaction is running, so the entry and its batch stay to be read back.
        let lease = try XCTUnwrap(FolderCompactionLease.take(folder: folder))
        try store.perform(.importOrders(orders), context: StoreFixtures.context(1, actor: "cron"), durability: .snapshot)

        let batches = try Self.batches(in: folder)
        XCTAssertEqual(batches.count, 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        XCTAssertEqual(try POSIXFileSystem().readFile(at: folder + "/" + batches[0]), [UInt8](try encoder.encode(Command.importOrders(orders))))
        let reopened = try WorkspaceStore.open(at: folder, mode: .readOnly)
        XCTAssertEqual(reopened.lastSequence, 1)
        XCTAssertEqual(reopened.workspace, store.workspace, "the batch's size and checksum hold on replay")
        lease.release()
    }

    func testAWriteFailingMidwayLeavesNoEntryAndNoHalfBatch() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let store = try WorkspaceStore.open(at: folder, fileSystem: FailingFileSystem(failing: .writeMidway, pathContaining: "batch-"))
        let before = store.workspace

        XCTAssertThrowsError(try store.perform(.importOrders(orders), context: StoreFixtures.context(1, actor: "cron"), durability: .snapshot))
        XCTAssertEqual(store.workspace, before, "nothing of the import is applied")
        XCTAssertEqual(try Self.batches(in: folder), [], "no half-written batch is left")
        store.close()
        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.lastSequence, 0)
        XCTAssertEqual(reopened.workspace, before)
        XCTAssertEqual(reopened.strayFiles, [])
    }

    private static func batches(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter(StagedBatch.isBatchName)
    }
}
