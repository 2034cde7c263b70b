import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// The journal in segments listed by the manifest: a compaction rolls to a new segment under
/// the append lock, writes its snapshot outside it and switches the manifest after, while
/// colleagues go on appending and following by offset across the segments.
final class JournalSegmentTests: XCTestCase {
    private func manifest(_ folder: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/chorus.json"))) as? [String: Any])
    }

    private func segmentFiles(_ folder: String) throws -> [String] {
        ((try manifest(folder)["segments"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String }
    }

    private func stock(_ store: WorkspaceStore) -> Int? { store.workspace.sku("SKU-SERUM")?.stockOnHand }

    func testACompactionRollsToANewSegmentWhileAColleagueKeepsAppendingAndFollowing() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let ana = try WorkspaceStore.open(at: folder), ben = try WorkspaceStore.open(at: folder)
        try ana.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(1))
        try ben.perform(.adjustStock(sku: "SKU-SERUM", delta: 2, reason: "count"), context: StoreFixtures.context(2, actor: "ben"))
        XCTAssertEqual(try segmentFiles(folder), ["journal.jsonl"])

        let compaction = try XCTUnwrap(try ana.beginBackgroundCompaction())
        XCTAssertEqual(try segmentFiles(folder), ["journal.jsonl", "journal-3.jsonl"], "rolled under the append lock, before the snapshot is written")
        try ben.perform(.adjustStock(sku: "SKU-SERUM", delta: 4, reason: "delivery"), context: StoreFixtures.context(3, actor: "ben"))
        XCTAssertEqual(try String(contentsOfFile: folder + "/journal-3.jsonl", encoding: .utf8).split(separator: "\n").count, 1,
                       "ben's append while the snapshot is written goes to the new segment")
        XCTAssertEqual(try ana.catchUp().map(\.entry.seq), [3], "ana follows into the new segment by offset, without reloading a snapshot")

        compaction.writeFiles()
        try ana.finish(compaction)
        XCTAssertEqual(try segmentFiles(folder), ["journal-3.jsonl"])
        XCTAssertEqual(try manifest(folder)["journalSequence"] as? Int, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/journal.jsonl"), "the sealed segment is removed once the snapshot holds it")
        XCTAssertEqual(try ana.history().map(\.seq), [1, 2, 3], "its records stay in the history")

        try ana.perform(.adjustStock(sku: "SKU-SERUM", delta: 8, reason: "delivery"), context: StoreFixtures.context(4))
        XCTAssertEqual(try ben.catchUp().map(\.entry.seq), [4])
        XCTAssertEqual(ben.workspace, ana.workspace)
        XCTAssertEqual(stock(ana), StoreFixtures.serum.stockOnHand + 15)
        let expected = ana.workspace
        ana.close(); ben.close()
        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.workspace, expected, "the snapshot and the kept segment are everything")
        XCTAssertEqual(reopened.journalLength, 2)
    }

    func testAWorkspaceWithOneJournalFileFromBeforeSegmentsOpensAndRolls() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(1))
        store.close()
        // As an earlier Chorus wrote it: schema 1, no segments, the one journal.jsonl.
        var earlier = try manifest(folder)
        earlier["schemaVersion"] = 1
        earlier["segments"] = nil
        try JSONSerialization.data(withJSONObject: earlier).write(to: URL(fileURLWithPath: folder + "/chorus.json"))

        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(stock(reopened), StoreFixtures.serum.stockOnHand + 1, "journal.jsonl is read as the first segment")
        try reopened.perform(.adjustStock(sku: "SKU-SERUM", delta: 2, reason: "count"), context: StoreFixtures.context(2))
        try reopened.compact()
        try reopened.perform(.adjustStock(sku: "SKU-SERUM", delta: 4, reason: "count"), context: StoreFixtures.context(3))
        let expected = reopened.workspace
        reopened.close()
        XCTAssertEqual(try manifest(folder)["schemaVersion"] as? Int, 2)
        XCTAssertEqual(try segmentFiles(folder), ["journal-3.jsonl"])
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, expected)
    }

    /// A sequence raised by hand in chorus.json would make opening skip entries: it is named
    /// with the entry, on open and read-only alike (as `chorus check` opens), and nothing is written.
    func testARaisedSequenceInTheManifestIsNamedWithTheEntryItWouldSkip() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(1))
        try store.compact()
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 2, reason: "count"), context: StoreFixtures.context(2, actor: "maria"))
        store.close()
        let path = folder + "/chorus.json"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try original.replacingOccurrences(of: #""journalSequence" : 1"#, with: #""journalSequence" : 2"#)
            .write(toFile: path, atomically: false, encoding: .utf8)
        let before = try StoreFixtures.contents(of: folder)
        for mode in [WorkspaceStore.Mode.readWrite, .readOnly] {
            let error = assertStoreError(try WorkspaceStore.open(at: folder, mode: mode))
            XCTAssertEqual(error?.kind, .corrupt)
            XCTAssertEqual(error?.file, path)
            XCTAssertEqual(error?.message, "says its snapshot includes the journal through entry 2, but entry 2 (by maria at 2026-03-12T09:16:02Z, "
                           + folder + "/journal-2.jsonl, line 1) is not in it: the sequence was raised outside Chorus, and opening would skip "
                           + #"that entry; the workspace was left as it is — put "journalSequence" back to 1, or restore chorus.json from a backup"#)
        }
        XCTAssertEqual(try StoreFixtures.contents(of: folder), before, "nothing was written")

        // Raised past an empty segment, there is no entry to name, but the segment says where it begins.
        try original.replacingOccurrences(of: #""journalSequence" : 1"#, with: #""journalSequence" : 0"#)
            .write(toFile: path, atomically: false, encoding: .utf8)
        let lowered = assertStoreError(try WorkspaceStore.open(at: folder, mode: .readOnly))
        XCTAssertTrue(lowered?.message.hasPrefix("says its snapshot includes the journal through entry 0, but the journal (journal-2.jsonl) begins at entry 2") ?? false,
                      lowered?.description ?? "")
    }

    /// A big import is staged out of line: the entry appended under the lock is one small
    /// line naming the batch and its checksum, and it applies the same for a colleague
    /// following, for a fresh open, and for the importer.
    func testABigImportIsStagedOutOfLineAndAppliesTheSameEverywhere() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let importer = try WorkspaceStore.open(at: folder), colleague = try WorkspaceStore.open(at: folder)
        // A colleague's compaction is running: the import's own snapshot waits, so its entry stays.
        let lease = try XCTUnwrap(FolderCompactionLease.take(folder: folder))
        let orders = (1...2_000).map { index in
            Order(id: OrderID("#3\(10_000 + index)"), email: "buyer\(index)@example.com", financialStatus: "paid",
                  createdAt: StoreFixtures.march12, subtotal: StoreFixtures.eur(Int64(2_000 + index)), refunded: StoreFixtures.eur(0))
        }
        try importer.perform(.importOrders(orders), context: StoreFixtures.context(1, actor: "cron"), durability: .snapshot)

        let lines = try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertLessThan(lines[0].utf8.count, 1_000, "the appended line names the batch instead of holding 2,000 orders")
        let batches = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("batch-") }
        XCTAssertEqual(batches.count, 1)
        XCTAssertTrue(lines[0].contains(batches[0]))

        XCTAssertEqual(try colleague.catchUp().map(\.entry.actor), ["cron"])
        XCTAssertEqual(colleague.workspace, importer.workspace, "a follower applies the staged command as the importer did")
        XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace, importer.workspace, "and so does replay")
        XCTAssertEqual(importer.workspace.orders.count, StoreFixtures.orders.count + 2_000)

        // A batch changed or lost is named with its entry, and the workspace is left as it is.
        let batch = folder + "/" + batches[0]
        let payload = try Data(contentsOf: URL(fileURLWithPath: batch))
        var changed = payload
        changed[changed.count / 2] ^= 0x01
        try changed.write(to: URL(fileURLWithPath: batch))
        let error = assertStoreError(try WorkspaceStore.open(at: folder, mode: .readOnly))
        XCTAssertEqual(error?.file, folder + "/journal.jsonl")
        XCTAssertEqual(error?.line, 1)
        XCTAssertTrue(error?.message.hasPrefix("entry 1 (by cron at 2026-03-12T09:15:02Z) refers to the import staged in \(batches[0]), "
                                               + "which does not match the size and checksum the entry names") ?? false, error?.description ?? "")
        try FileManager.default.removeItem(atPath: batch)
        XCTAssertTrue(assertStoreError(try WorkspaceStore.open(at: folder, mode: .readOnly))?.message.contains("which is missing") ?? false)
        try payload.write(to: URL(fileURLWithPath: batch))

        // Once a snapshot holds the import, the batch goes with the sealed segment.
        lease.release()
        try importer.compact()
        XCTAssertFalse(FileManager.default.fileExists(atPath: batch))
        let expected = importer.workspace
        importer.close(); colleague.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, expected)
    }

    func testAnImportThatChangesNothingLeavesNoBatchBehind() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.importOrders(StoreFixtures.orders.filter { $0.subtotal.currency == .eur }), context: StoreFixtures.context(1), durability: .snapshot)
        store.close()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("batch-") }, [])
    }

    /// The history outlives the segments a compaction retires, in files that roll at a size,
    /// so no one file grows without end; reading them gives every record once, in order.
    func testTheHistoryRollsIntoBoundedFilesAndStaysComplete() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        for round in 0..<3 {
            for minute in 0..<4 {
                try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(round * 4 + minute))
            }
            try store.compact()
        }
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(20))
        XCTAssertEqual(try store.history().map(\.seq), Array(1...13), "retired segments' records and the live segment's")
        store.close()

        let archive = HistoryArchive(folder: StoreFixtures.temporaryFolder(), fileSystem: POSIXFileSystem(), rollBytes: 400)
        try FileManager.default.createDirectory(atPath: archive.folder, withIntermediateDirectories: true)
        let records = (1...30).map { HistoryRecord(seq: $0, at: StoreFixtures.march12, actor: "ana", kind: "adjustStock", summary: "counted") }
        for chunk in stride(from: 0, to: 30, by: 3) { try archive.append(Array(records[chunk..<(chunk + 3)])) }
        try archive.append(Array(records[27...]))  // a crash between archiving and removing the segment repeats records
        let files = archive.fileNames()
        XCTAssertGreaterThan(files.count, 3, "\(files)")
        for name in files { XCTAssertLessThan(try Data(contentsOf: URL(fileURLWithPath: archive.folder + "/" + name)).count, 400 + 3 * 120, name) }
        XCTAssertEqual(try archive.read(), records)
    }
}

/// Following by inotify: a colleague's append is noticed at once, not at the next poll, and
/// nothing is looked at between changes until the quarter-second poll comes round.
final class FolderWatchTests: XCTestCase {
    func testAColleaguesAppendIsNoticedAtOnceByInotifyWithThePollKeptAsAFallback() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let console = try WorkspaceStore.open(at: folder), colleague = try WorkspaceStore.open(at: folder)
        XCTAssertTrue(console.shouldLookForColleaguesWork(), "the first look")
        XCTAssertTrue(try XCTUnwrap(console.folderLog).isWatched, "Linux: the folder is watched")
        XCTAssertFalse(console.shouldLookForColleaguesWork(), "nothing happened, and the poll is not due")

        try colleague.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(1, actor: "sam"))
        XCTAssertTrue(console.shouldLookForColleaguesWork(), "inotify said so, well before the poll")
        XCTAssertEqual(try console.catchUp().map(\.entry.actor), ["sam"])
        XCTAssertFalse(console.shouldLookForColleaguesWork())

        Thread.sleep(forTimeInterval: FolderWatch.pollInterval + 0.05)
        XCTAssertTrue(console.shouldLookForColleaguesWork(), "the poll comes round even without an event")
    }
}
