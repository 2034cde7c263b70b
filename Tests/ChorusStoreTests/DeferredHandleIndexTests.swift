@testable import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// The console's open leaves the handle index for after its first frame (nothing on that frame
/// finds a creator by handle, and building it took a core from the frame). Leaving it must
/// change when it is built, never what a lookup or a creator edit finds.
final class DeferredHandleIndexTests: XCTestCase {
    private func openedTwice() throws -> (deferred: WorkspaceStore, eager: WorkspaceStore, original: Workspace) {
        let folder = StoreFixtures.temporaryFolder()
        let original = StoreFixtures.richWorkspace
        XCTAssertGreaterThan(original.creators.count, 1)
        try WorkspaceStore.create(at: folder, workspace: original).close()
        return (try WorkspaceStore.open(at: folder, deferringOrderHistory: true),
                try WorkspaceStore.open(at: folder, mode: .readOnly), original)
    }

    func testADeferredOpenBuildsTheIndexOnlyWhenAskedAndFindsWhatAnEagerOneFinds() throws {
        let (deferred, eager, original) = try openedTwice()
        XCTAssertFalse(deferred.workspace.handleIndex.isStarted, "left for after the first frame")
        XCTAssertTrue(eager.workspace.handleIndex.isStarted)

        for creator in original.creators {
            for asked in [creator.handle, "@" + creator.handle.uppercased(), " \(creator.handle)\t"] {
                XCTAssertEqual(deferred.workspace.creator(handle: asked), eager.workspace.creator(handle: asked), asked)
            }
        }
        XCTAssertNil(deferred.workspace.creator(handle: "nobody-has-this-handle"))
        XCTAssertTrue(deferred.workspace.handleIndex.isStarted)
        XCTAssertEqual(deferred.workspace.handleIndex.positions, eager.workspace.handleIndex.positions)
        deferred.workspace.checkInvariants()
    }

    func testStartingOnACopyStartsItForTheStoreAndEveryCopy() throws {
        let (deferred, _, original) = try openedTwice()
        let copy = deferred.workspace
        copy.startIndexingHandles()
        XCTAssertTrue(deferred.workspace.handleIndex.isStarted)
        XCTAssertEqual(deferred.workspace.creator(handle: original.creators[0].handle)?.id, original.creators[0].id)
    }

    func testCreatorsAddedOrRenamedBeforeTheIndexIsBuiltAreFoundByTheirNewHandles() throws {
        let (deferred, _, original) = try openedTwice()
        var renamed = original.creators[0]
        let oldHandle = renamed.handle
        renamed.handle = "renamed.before.the.index"
        let added = Creator(id: CreatorID("CR-NEW-1"), handle: "added.before.the.index", name: "New")

        _ = try deferred.perform(.updateCreator(renamed), context: StoreFixtures.context())
        _ = try deferred.perform(.addCreators([added]), context: StoreFixtures.context(1))

        XCTAssertEqual(deferred.workspace.creator(handle: "renamed.before.the.index")?.id, renamed.id)
        XCTAssertNil(deferred.workspace.creator(handle: oldHandle))
        XCTAssertEqual(deferred.workspace.creator(handle: "@Added.Before.The.Index")?.id, added.id)
        deferred.workspace.checkInvariants()
    }
}
