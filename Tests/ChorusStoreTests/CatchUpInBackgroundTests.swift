import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// A colleague's big import is caught up with off the owner's thread: while it loads, the
/// follower's workspace stays as it was (the screen keeps reading it), and making it current
/// leaves the follower exactly where a fresh open of the folder is.
final class CatchUpInBackgroundTests: XCTestCase {
    private let orders = (1...3_000).map { index in
        Order(id: OrderID("#4\(10_000 + index)"), email: "night\(index)@example.com", financialStatus: "paid",
              createdAt: StoreFixtures.march12, subtotal: StoreFixtures.eur(Int64(1_500 + index)), refunded: StoreFixtures.eur(0))
    }

    func testAColleaguesStagedImportLoadsInTheBackgroundAndLandsAsAFreshOpenHasIt() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let importer = try WorkspaceStore.open(at: folder), follower = try WorkspaceStore.open(at: folder)
        let before = follower.workspace
        // A colleague's compaction is running, so the import's entry stays in the journal to follow.
        let lease = try XCTUnwrap(FolderCompactionLease.take(folder: folder))
        try importer.perform(.importOrders(orders), context: StoreFixtures.context(1, actor: "cron"), durability: .snapshot)

        let loading = follower.beginCatchUp()
        XCTAssertEqual(loading.staged.map(\.actor), ["cron"], "who staged the import is known before its batch is read")
        XCTAssertEqual(loading.staged.first?.summary.contains("3000") ?? false || loading.staged.first?.summary.contains("3,000") ?? false, true,
                       "\(loading.staged)")
        loading.waitUntilFinished()
        XCTAssertEqual(follower.workspace, before, "nothing is applied to the follower's own workspace until it is made current")
        XCTAssertEqual(follower.lastSequence, 0)

        let arrived = try follower.finish(loading)
        XCTAssertEqual(arrived.entries.map(\.entry.actor), ["cron"])
        XCTAssertEqual(follower.lastSequence, 1)
        XCTAssertEqual(follower.workspace, try WorkspaceStore.open(at: folder, mode: .readOnly).workspace)
        XCTAssertEqual(follower.workspace.orders.count, StoreFixtures.orders.count + orders.count)
        lease.release()

        // The follower performs on the new state at once: nothing is caught up twice.
        try follower.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(2))
        XCTAssertEqual(follower.lastSequence, 2)
        XCTAssertEqual(follower.workspace, try WorkspaceStore.open(at: folder, mode: .readOnly).workspace)
    }

    /// The importer folded its import into a new snapshot before the follower looked: the
    /// background catch-up reloads that snapshot, and the follower lands on it.
    func testAnImportAlreadyFoldedIntoASnapshotIsReloadedInTheBackground() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let importer = try WorkspaceStore.open(at: folder), follower = try WorkspaceStore.open(at: folder)
        try importer.perform(.importOrders(orders), context: StoreFixtures.context(1, actor: "cron"), durability: .snapshot)
        try importer.perform(.adjustStock(sku: "SKU-SERUM", delta: -2, reason: "breakage"), context: StoreFixtures.context(2, actor: "cron"))

        let loading = follower.beginCatchUp()
        loading.waitUntilFinished()
        XCTAssertTrue(follower.workspace.orders.count == StoreFixtures.orders.count)
        try follower.finish(loading)
        XCTAssertEqual(follower.lastSequence, 2)
        XCTAssertEqual(follower.workspace, try WorkspaceStore.open(at: folder, mode: .readOnly).workspace)
        XCTAssertEqual(follower.workspace, importer.workspace)
    }
}
