import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// A workspace opened without its orders says they are on their way, rather than passing for a
/// program that sold nothing; the domain refuses order work until they are there.
final class OrderHistoryStateTests: XCTestCase {
    func testADeferredOpenSaysHowManyOrdersAreOnTheirWayUntilTheyArrive() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        try WorkspaceStore.create(at: folder, workspace: original).close()

        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        XCTAssertEqual(store.workspace.orderHistoryState, .loading(orders: original.orders.count))
        XCTAssertNotEqual(store.workspace, original, "a workspace still reading its orders is not the whole workspace")

        try store.finishLoadingOrderHistory()
        XCTAssertEqual(store.workspace.orderHistoryState, .loaded)
        XCTAssertEqual(store.workspace, original)
    }

    func testAProgramWithNoOrdersIsLoadedNotLoading() throws {
        let folder = StoreFixtures.temporaryFolder()
        let empty = Workspace(program: StoreFixtures.richWorkspace.program)
        try WorkspaceStore.create(at: folder, workspace: empty).close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace.orderHistoryState, .loaded)
    }

    func testTheDomainRefusesOrderWorkWhileTheOrdersAreStillBeingRead() throws {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        try WorkspaceStore.create(at: folder, workspace: original).close()
        var waiting = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true).workspace

        XCTAssertThrowsError(try waiting.apply(.importOrders([original.orders[0]]), context: StoreFixtures.context())) { error in
            XCTAssertEqual((error as? DomainError)?.message, "the orders are still being read; try again in a moment")
        }
        XCTAssertTrue(waiting.orders.isEmpty)
    }
}
