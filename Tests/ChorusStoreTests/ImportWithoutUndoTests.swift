import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// `chorus import orders` has no undo to offer, so it does not keep one: a million-order export
/// must not build a million-entry restore point only to drop it. The orders land all the same.
final class ImportWithoutUndoTests: XCTestCase {
    private func refundedAndNew(_ original: Workspace) -> [Order] {
        var refunded = original.orders[0]
        refunded.refunded = refunded.subtotal
        var new = original.orders[0]
        new.id = "#NEW-1"
        return [refunded, new]
    }

    func testAnImportWithoutUndoKeepsNoOrdersForUndoAndIsKept() throws {
        for durability in [WorkspaceStore.Durability.journal, .snapshot] {
            let folder = StoreFixtures.temporaryFolder()
            let original = StoreFixtures.richWorkspace
            let store = try WorkspaceStore.create(at: folder, workspace: original)
            let orders = refundedAndNew(original)

            let applied = try store.perform(.importOrders(orders), context: StoreFixtures.context(), durability: durability, undoable: false)

            XCTAssertFalse(applied.isUndoable)
            XCTAssertTrue(applied.changedAnything)
            guard case .restore(let point, _) = applied.undo else { return XCTFail("an import's undo is a restore point") }
            XCTAssertTrue(point.orders.isEmpty && point.remove.orders.isEmpty, "no order was kept for an undo nobody can run")
            XCTAssertTrue(applied.summary.contains("1 new, 1 updated"), applied.summary)
            store.workspace.checkInvariants()
            store.close()
            let reopened = try WorkspaceStore.open(at: folder, mode: .readOnly).workspace
            XCTAssertEqual(reopened.order("#NEW-1"), orders[1], "\(durability)")
            XCTAssertEqual(reopened.order(orders[0].id), orders[0], "\(durability)")
        }
    }

    func testReImportingTheSameOrdersWithoutUndoWritesNothing() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        let store = try WorkspaceStore.create(at: folder, workspace: original)
        let orders = refundedAndNew(original)
        try store.perform(.importOrders(orders), context: StoreFixtures.context(), undoable: false)
        let position = store.lastSequence

        let again = try store.perform(.importOrders(orders), context: StoreFixtures.context(), undoable: false)

        XCTAssertFalse(again.changedAnything)
        XCTAssertEqual(store.lastSequence, position, "an import that changed nothing is not journaled")
    }

    func testTheSameImportWithUndoStillKeepsWhatItReplaced() throws {
        let store = try WorkspaceStore.create(at: StoreFixtures.temporaryFolder(), workspace: StoreFixtures.richWorkspace)
        let orders = refundedAndNew(StoreFixtures.richWorkspace)
        let applied = try store.perform(.importOrders(orders), context: StoreFixtures.context())
        guard case .restore(let point, _) = applied.undo else { return XCTFail("an import's undo is a restore point") }
        XCTAssertEqual(point.orders, [StoreFixtures.richWorkspace.orders[0]])
        XCTAssertEqual(point.remove.orders, ["#NEW-1"])
        try store.perform(applied.undo, context: StoreFixtures.context())
        XCTAssertEqual(store.workspace, StoreFixtures.richWorkspace)
    }
}
