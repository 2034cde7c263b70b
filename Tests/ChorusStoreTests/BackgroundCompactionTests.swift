import ChorusCore
import ChorusGenerator
import ChorusStore
import Foundation
import XCTest

/// The console writes a fresh snapshot on another thread while the coordinator goes on
/// working: commands performed meanwhile must stay in the journal, and nothing may be lost
/// or applied twice however the two interleave.
final class BackgroundCompactionTests: XCTestCase {
    private func storeWithJournal() throws -> (folder: String, store: WorkspaceStore) {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        for minute in 1...5 {
            try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "recount \(minute)"), context: StoreFixtures.context(minute))
        }
        return (folder, store)
    }

    /// A coordinator resolves an ambiguous survey answer in a program of many orders. Replaying
    /// that entry needs every order read, so until a snapshot holds it each console opened
    /// would wait for them before its first frame (16 s at ten million): the console compacts at
    /// once instead of after a thousand entries. Pipeline work, which needs no order, does not.
    func testAnAnswerResolvedInABigProgramIsFoldedIntoASnapshotAtOnce() throws {
        let folder = StoreFixtures.temporaryFolder()
        let program = SampleProgram.generate(options: GeneratorOptions(creators: 600, orders: 24_000, seed: 3,
                                                                       today: Day(year: 2026, month: 11, day: 21)!))
        try WorkspaceStore.create(at: folder, workspace: program).close()
        let store = try WorkspaceStore.open(at: folder)
        let compactor = BackgroundCompactor(store: store, threshold: 1_000, write: { $0.writeFiles() })
        try store.perform(.adjustStock(sku: store.workspace.skus[0].id, delta: 1, reason: "recount"), context: StoreFixtures.context(1))
        compactor.startIfDue()
        XCTAssertNil(compactor.collect(), "one entry of pipeline work waits for the journal to grow")
        XCTAssertEqual(store.journalLength, 1)

        let answer = try XCTUnwrap(Attribution.ambiguousAnswers(of: Attribution.compute(store.workspace), in: store.workspace).first)
        try store.perform(.resolveSurveyAnswer(order: answer.orderID, creator: answer.creators[0], alias: answer.text),
                          context: StoreFixtures.context(2))
        XCTAssertTrue(store.nextOpenReadsEveryOrderFirst)
        compactor.startIfDue()
        _ = compactor.collect()

        XCTAssertEqual(store.journalLength, 0, "the resolution is in the new snapshot")
        XCTAssertFalse(store.nextOpenReadsEveryOrderFirst)
        let expected = store.workspace
        store.close()
        let reopened = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
        defer { reopened.close() }
        XCTAssertNotNil(reopened.pendingOrderHistory, "the next console opens without reading the orders first")
        try reopened.finishLoadingOrderHistory()
        XCTAssertEqual(reopened.workspace, expected)
    }

    /// Two coordinators have the big program open; one resolves an answer and her console
    /// folds it into a snapshot. The other's console, which followed the resolution, finds her
    /// snapshot on disk before it has read anything since, and does not write one of its own.
    func testAColleaguesSnapshotOfTheResolutionIsEnough() throws {
        let folder = StoreFixtures.temporaryFolder()
        let program = SampleProgram.generate(options: GeneratorOptions(creators: 600, orders: 24_000, seed: 3,
                                                                       today: Day(year: 2026, month: 11, day: 21)!))
        try WorkspaceStore.create(at: folder, workspace: program).close()
        let ana = try WorkspaceStore.open(at: folder), ben = try WorkspaceStore.open(at: folder)
        defer { ana.close(); ben.close() }
        let answer = try XCTUnwrap(Attribution.ambiguousAnswers(of: Attribution.compute(ana.workspace), in: ana.workspace).first)
        try ana.perform(.resolveSurveyAnswer(order: answer.orderID, creator: answer.creators[0], alias: nil), context: StoreFixtures.context(1))
        _ = try ben.catchUp()
        XCTAssertTrue(ben.nextOpenReadsEveryOrderFirst, "followed, not yet folded")

        let anasCompactor = BackgroundCompactor(store: ana, threshold: 1_000, write: { $0.writeFiles() })
        anasCompactor.startIfDue()
        _ = anasCompactor.collect()
        // Ben's console has not looked at the log since: nothing was appended after the resolution.

        XCTAssertFalse(ben.nextOpenReadsEveryOrderFirst, "Ana's snapshot holds it")
        let bensCompactor = BackgroundCompactor(store: ben, threshold: 1_000, write: { $0.writeFiles() })
        bensCompactor.startIfDue()
        XCTAssertNil(bensCompactor.collect())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("orders-") }, ["orders-2.json"],
                       "one new snapshot, Ana's")
    }

    func testCommandsPerformedWhileTheSnapshotIsWrittenStayInTheJournal() throws {
        let (folder, store) = try storeWithJournal()
        let compaction = try XCTUnwrap(try store.beginBackgroundCompaction())
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 2, reason: "late delivery"), context: StoreFixtures.context(10))
        try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(11))
        compaction.writeFiles()
        try store.finish(compaction)

        XCTAssertEqual(store.journalLength, 2, "the two commands after the snapshot began are still journaled")
        let journal = try String(contentsOfFile: try StoreFixtures.activeJournal(in: folder), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(journal.count, 2)
        XCTAssertTrue(journal[0].contains(#""seq":6"#) && journal[1].contains(#""seq":7"#))
        let expected = store.workspace
        store.close()
        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.workspace, expected, "snapshot plus the rest of the journal is everything")
        XCTAssertEqual(reopened.workspace.sku("SKU-SERUM")?.stockOnHand, StoreFixtures.richWorkspace.sku("SKU-SERUM")!.stockOnHand + 7)
    }

    func testWritingOnAnotherThreadWhileCommandsArriveLosesNothing() throws {
        let (folder, store) = try storeWithJournal()
        let compaction = try XCTUnwrap(try store.beginBackgroundCompaction())
        let written = expectation(description: "snapshot written")
        Thread.detachNewThread {
            compaction.writeFiles()
            written.fulfill()
        }
        for minute in 20..<60 {
            try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "scan \(minute)"), context: StoreFixtures.context(minute))
        }
        wait(for: [written], timeout: 30)
        try store.finish(compaction)
        let expected = store.workspace
        store.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, expected)
    }

    func testACompactionOvertakenByANewerSnapshotIsDiscarded() throws {
        let (folder, store) = try storeWithJournal()
        let compaction = try XCTUnwrap(try store.beginBackgroundCompaction())
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 3, reason: "found a box"), context: StoreFixtures.context(10))
        try store.compact()
        compaction.writeFiles()
        try store.finish(compaction)

        XCTAssertEqual(store.journalLength, 0)
        let expected = store.workspace
        store.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, expected, "the older snapshot did not replace the newer one")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertFalse(names.contains { $0.hasSuffix("-2.json") }, "the overtaken generation's files are removed: \(names.sorted())")
    }

    func testAFailedBackgroundWriteKeepsThePreviousSnapshotAndTheWholeJournal() throws {
        let (folder, store) = try storeWithJournal()
        store.close()
        let failing = try WorkspaceStore.open(at: folder, fileSystem: FailingFileSystem(failing: .write, pathContaining: "program-2.json"))
        let compaction = try XCTUnwrap(try failing.beginBackgroundCompaction())
        try failing.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "one more"), context: StoreFixtures.context(10))
        compaction.writeFiles()
        XCTAssertThrowsError(try failing.finish(compaction))
        XCTAssertEqual(failing.journalLength, 6, "nothing was trimmed")
        let expected = failing.workspace
        failing.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, expected)
    }

    func testNoBackgroundCompactionWhileOrderHistoryIsStillLoading() throws {
        let (folder, store) = try storeWithJournal()
        store.close()
        let deferred = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        XCTAssertNil(try deferred.beginBackgroundCompaction(), "a snapshot must include the orders")
        try deferred.finishLoadingOrderHistory()
        XCTAssertNotNil(try deferred.beginBackgroundCompaction())
    }
}
