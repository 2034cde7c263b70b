import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// A big import's batch goes to its file as it is encoded, never held whole: the file must be
/// the whole payload, which a fresh open reads back (checking its size and checksum), and a
/// write that fails midway must leave neither an entry nor a half batch beside the journal.
final class StagedBatchFileTests: XCTestCase {
    private let orders = StoreFixtures.nightsOrders()

    func testTheNightsImportIsStagedAsTheSnapshotsRowsAndReadsBack() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let store = try WorkspaceStore.open(at: folder)
        // A colleague's compaction is running, so the entry and its batch stay to be read back.
        let lease = try XCTUnwrap(FolderCompactionLease.take(folder: folder))
        try store.perform(.importOrders(orders), context: StoreFixtures.context(1, actor: "cron"), durability: .snapshot)

        let batches = try Self.batches(in: folder)
        XCTAssertEqual(batches.count, 1)
        XCTAssertEqual(try POSIXFileSystem().readFile(at: folder + "/" + batches[0]),
                       CollectionFile.encode(orders, as: OrderRowCodec.self, currency: store.workspace.program.currency),
                       "the rows as the snapshot's orders file holds them")
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

    /// A brand's first import of its order history makes the whole orders table: the snapshot
    /// taken right after links the staged batch as its orders file instead of writing every
    /// order again.
    func testABrandsFirstImportBecomesTheSnapshotsOrdersFileWithoutWritingItAgain() throws {
        let (folder, store, counting, ordersFile) = try importing(into: Self.beforeAnyOrders)
        XCTAssertEqual(counting.points.filter { $0.path.hasSuffix("/" + ordersFile) }.map(\.step), [.link], "linked, never written")
        XCTAssertEqual(try POSIXFileSystem().readFile(at: folder + "/" + ordersFile),
                       CollectionFile.encode(orders, as: OrderRowCodec.self, currency: store.workspace.program.currency))
        XCTAssertEqual(try Self.batches(in: folder), [], "the batch goes with the journal the snapshot covers; its rows stay as the orders file")
        store.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, store.workspace)
    }

    /// Orders already there (an export that overlaps the last) make a table the batch is not:
    /// the snapshot writes its orders file as always.
    func testAnImportBesideOrdersAlreadyThereIsWrittenAsEverySnapshotIs() throws {
        let (folder, store, counting, ordersFile) = try importing(into: StoreFixtures.richWorkspace)
        XCTAssertEqual(Set(counting.points.filter { $0.path.hasSuffix("/" + ordersFile) }.map(\.step)), [.open, .write, .sync])
        store.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace.orders.count, StoreFixtures.orders.count + orders.count)
    }

    /// Whichever step of the first import fails (staging, appending, linking, switching the
    /// snapshot, retiring the journal), the workspace reopens either without the import or
    /// with all of it, and with it whenever the import was acknowledged.
    func testAFailureAnywhereAroundTheLinkedSnapshotKeepsAnAcknowledgedImport() throws {
        let context = StoreFixtures.context(1, actor: "cron")
        func importing(on fileSystem: FaultInjectingFileSystem) throws -> (folder: String, store: WorkspaceStore?, acknowledged: Bool) {
            let folder = StoreFixtures.temporaryFolder()
            try WorkspaceStore.create(at: folder, workspace: Self.beforeAnyOrders).close()
            guard let store = try? WorkspaceStore.open(at: folder, fileSystem: fileSystem) else { return (folder, nil, false) }
            let acknowledged = (try? store.perform(.importOrders(orders), context: context, durability: .snapshot)) != nil
            store.close()
            return (folder, store, acknowledged)
        }
        let counting = FaultInjectingFileSystem()
        let clean = try importing(on: counting)
        let imported = try XCTUnwrap(clean.store?.workspace)
        XCTAssertTrue(counting.points.contains { $0.step == .link })
        for point in counting.points {
            let run = try importing(on: FaultInjectingFileSystem(failingAt: point.index))
            let reopened = try WorkspaceStore.open(at: run.folder).workspace
            if run.acknowledged {
                XCTAssertEqual(reopened, imported, "\(point): an acknowledged import is on disk")
                XCTAssertEqual(run.store?.workspace, reopened, "\(point): memory and disk agree")
            } else {
                XCTAssertTrue(reopened == Self.beforeAnyOrders || reopened == imported, "\(point): all of the import or none")
            }
        }
    }

    /// The night's orders imported into a new workspace holding `workspace`, counting every
    /// step on disk; and the orders file of the snapshot taken after.
    private func importing(into workspace: Workspace) throws
        -> (folder: String, store: WorkspaceStore, steps: FaultInjectingFileSystem, ordersFile: String) {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: workspace).close()
        let counting = FaultInjectingFileSystem()
        let store = try WorkspaceStore.open(at: folder, fileSystem: counting)
        try store.perform(.importOrders(orders), context: StoreFixtures.context(1, actor: "cron"), durability: .snapshot)
        let ordersFile = try XCTUnwrap(Snapshot.manifest(in: folder, fileSystem: POSIXFileSystem()).collections.first { $0.name == "orders" }?.file)
        return (folder, store, counting, ordersFile)
    }

    /// The rich workspace before any order was imported, as a brand's is after `chorus init`
    /// and its creators.
    private static var beforeAnyOrders: Workspace {
        let rich = StoreFixtures.richWorkspace
        return Workspace(program: rich.program, waves: rich.waves.rows, creators: rich.creators.rows, enrollments: rich.enrollments.rows,
                         skus: rich.skus.rows, shipments: rich.shipments.rows, submissions: rich.submissions.rows, assets: rich.assets.rows,
                         discountCodes: rich.discountCodes.rows, trackingLinks: rich.trackingLinks.rows, orders: [], surveyResponses: [],
                         payoutRuns: rich.payoutRuns.rows)
    }

    private static func batches(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter(StagedBatch.isBatchName)
    }
}
