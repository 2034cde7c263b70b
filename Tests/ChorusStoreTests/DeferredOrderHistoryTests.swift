import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// The console opens big workspaces without their order history and attaches it when a
/// background load finishes. Deferring must change when the work is done, never a result.
final class DeferredOrderHistoryTests: XCTestCase {
    func testADeferredOpenShowsEverythingButOrdersUntilTheyAreAttached() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        XCTAssertFalse(original.orders.isEmpty)
        try WorkspaceStore.create(at: folder, workspace: original).close()

        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        XCTAssertEqual(store.workspace.creators, original.creators)
        XCTAssertTrue(store.workspace.orders.isEmpty, "orders wait for the background load")
        let loader = try XCTUnwrap(store.pendingOrderHistory)
        XCTAssertEqual(loader.orderCount, original.orders.count)

        store.attach(try loader.load())

        XCTAssertNil(store.pendingOrderHistory)
        XCTAssertEqual(store.workspace, original)
        XCTAssertEqual(store.workspace.order(original.orders[0].id), original.orders[0], "attached orders are indexed")
    }

    /// The first frame of a big workspace must not wait on its biggest files: a deferred open
    /// reads neither the orders nor the survey answers (here unreadable), only the load does.
    func testADeferredOpenReadsNeitherTheOrdersNorTheSurveyAnswers() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        try WorkspaceStore.create(at: folder, workspace: original).close()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let history = files.filter { $0.hasPrefix("orders-") || $0.hasPrefix("surveyResponses-") }
        XCTAssertEqual(history.count, 2, "\(files)")
        for name in history { try Data("not json".utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }

        let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)

        XCTAssertEqual(store.workspace.creators, original.creators)
        XCTAssertEqual(store.workspace.enrollments, original.enrollments)
        XCTAssertThrowsError(try XCTUnwrap(store.pendingOrderHistory).load(), "only the background load reads them")
    }

    func testACommandThatNeedsOrdersLoadsThemFirst() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        try WorkspaceStore.create(at: folder, workspace: original).close()
        var refunded = original.orders[0]
        refunded.refunded = refunded.subtotal

        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        let applied = try store.perform(.importOrders([refunded]), context: StoreFixtures.context())

        XCTAssertNil(store.pendingOrderHistory)
        XCTAssertEqual(store.workspace.orders.count, original.orders.count, "updated, not duplicated")
        XCTAssertTrue(applied.summary.contains("1 updated"), applied.summary)
        store.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace.order(refunded.id), refunded)
    }

    func testAJournalThatTouchesOrdersIsNotDeferred() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        var refunded = original.orders[0]
        refunded.refunded = refunded.subtotal
        let writer = try WorkspaceStore.create(at: folder, workspace: original)
        try writer.perform(.importOrders([refunded]), context: StoreFixtures.context())
        writer.close()

        let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)

        XCTAssertNil(store.pendingOrderHistory, "replaying the import needed the orders")
        XCTAssertEqual(store.workspace.order(refunded.id), refunded)
    }

    func testCompactingWhileOrdersArePendingKeepsThem() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        try WorkspaceStore.create(at: folder, workspace: original).close()
        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)

        try store.compact()
        store.close()

        XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace, original)
    }
}

/// Imports of a whole store export: nothing journaled when nothing changed, and a snapshot
/// instead of a giant journal line when asked.
final class LargeImportDurabilityTests: XCTestCase {
    func testACommandThatChangesNothingIsNotJournaled() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        let store = try WorkspaceStore.create(at: folder, workspace: original)

        let programCurrencyOrders = original.orders.filter { $0.subtotal.currency == .eur && $0.refunded.currency == .eur }
        let applied = try store.perform(.importOrders(programCurrencyOrders), context: StoreFixtures.context())

        XCTAssertTrue(applied.summary.contains("0 new, 0 updated"), applied.summary)
        XCTAssertEqual(store.journalLength, 0)
    }

    func testASnapshotDurableImportLeavesTheJournalEmptyAndSurvivesReopening() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        var refunded = original.orders[0]
        refunded.refunded = refunded.subtotal
        let store = try WorkspaceStore.create(at: folder, workspace: original)

        try store.perform(.importOrders([refunded]), context: StoreFixtures.context(), durability: .snapshot)

        XCTAssertEqual(store.journalLength, 0, "the snapshot holds the import")
        store.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace.order(refunded.id), refunded)
    }
}
