import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// What every `SharedLog` promises, checked on the memory log and the folder log alike, and
/// two stores side by side on each; `PostgresSharedLogContractTests` runs the same on the server.
class SharedLogContractTests: XCTestCase {
    /// A fresh workspace's log of each kind under test.
    func logs() throws -> [(String, SharedLog)] {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: TeamFixture.workspace).close()
        return [("memory", MemoryLog(workspace: TeamFixture.workspace)),
                ("folder", FolderLog(folder: folder, fileSystem: POSIXFileSystem(), snapshotThrough: 0, lockWait: 1))]
    }

    private func entry(_ seq: Int, _ id: String) -> JournalEntry {
        JournalEntry(seq: seq, at: StoreFixtures.march12, actor: "ana", command: .adjustStock(sku: "SKU-SERUM", delta: 1, reason: id),
                     commandID: id)
    }

    func testAnAppendLandsOnlyOnTheHeadItExpected() throws {
        for (name, log) in try logs() {
            XCTAssertEqual(try log.head(), 0, name)
            let quiet = log.changeHint()
            XCTAssertEqual(try log.append(entry(1, "a"), expectedHead: 0), .appended(1), name)
            XCTAssertNotEqual(log.changeHint(), quiet, "\(name): the hint moves when an entry lands")
            XCTAssertEqual(try log.append(entry(1, "b"), expectedHead: 0), .conflict(head: 1), "\(name): someone appended first")
            XCTAssertEqual(try log.append(entry(2, "b"), expectedHead: 1), .appended(2), name)
            XCTAssertEqual(try log.entries(after: 0).map(\.commandID), ["a", "b"], name)
            XCTAssertEqual(try log.entries(after: 1).map(\.seq), [2], name)
            XCTAssertEqual(try log.head(), 2, name)
        }
    }

    func testOneCompactionAtATimeAndSnapshotsMoveForward() throws {
        for (name, log) in try logs() {
            let lease = try XCTUnwrap(log.leaseCompaction(), name)
            XCTAssertNil(log.leaseCompaction(), "\(name): a second compaction waits for the first")
            _ = try log.append(entry(1, "a"), expectedHead: 0)
            var workspace = try log.currentSnapshot().workspace
            try workspace.apply(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "a"), context: StoreFixtures.context())
            try log.putSnapshot(LogSnapshot(workspace: workspace, through: 1))
            lease.release()
            XCTAssertNotNil(log.leaseCompaction(), "\(name): released, it can be taken again")
            XCTAssertEqual(try log.currentSnapshot().through, 1, name)
            XCTAssertEqual(try log.currentSnapshot().workspace, workspace, name)
            XCTAssertEqual(try log.append(entry(2, "b"), expectedHead: 1), .appended(2), "\(name): positions go on after a snapshot")
        }
    }

    func testALargePayloadIsStagedOutOfLine() throws {
        for (name, log) in try logs() {
            let payload = [UInt8](repeating: 7, count: 300_000)
            let staged = try log.stage(payload)
            XCTAssertEqual(try log.staged(staged), payload, name)
        }
    }

    /// Two people's stores on a fresh workspace of each kind, and how a fresh process opens it.
    func storePairs() throws -> [(String, WorkspaceStore, WorkspaceStore, fresh: () throws -> WorkspaceStore)] {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: TeamFixture.workspace).close()
        let memory = MemoryLog(workspace: TeamFixture.workspace)
        return [("memory", try WorkspaceStore.open(sharing: memory), try WorkspaceStore.open(sharing: memory), { try WorkspaceStore.open(sharing: memory) }),
                ("folder", try WorkspaceStore.open(at: folder), try WorkspaceStore.open(at: folder), { try WorkspaceStore.open(at: folder, mode: .readOnly) })]
    }

    func testTwoStoresSideBySideSeeEachOthersWork() throws {
        for (name, maria, sam, fresh) in try storePairs() {
            try maria.perform(.approve([TeamFixture.drafts[0]]), context: TeamFixture.context("maria"))
            try sam.perform(.markDelivered(["SH-0001"]), context: TeamFixture.context("sam"))
            XCTAssertEqual(sam.workspace.submission(TeamFixture.drafts[0])?.status, .approved, "\(name): sam caught up before appending")
            let news = try maria.catchUp()
            XCTAssertEqual(news.map(\.entry.actor), ["sam"], name)
            XCTAssertEqual(maria.workspace, sam.workspace, name)
            XCTAssertEqual(maria.lastSequence, 2, name)
            XCTAssertEqual(try fresh().workspace, maria.workspace, "\(name): a fresh process sees what both did")
        }
    }
}
