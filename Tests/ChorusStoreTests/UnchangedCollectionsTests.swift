import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// A compaction writes only the collections that changed since their file was read or
/// written; the others' files are linked into the new generation (see `SavedRows`). The files
/// must hold exactly what writing would, however the workspace was opened and changed.
final class UnchangedCollectionsTests: XCTestCase {
    func testACreatorEditedRewritesTheCreatorsAndLinksEveryOtherCollection() throws {
        let (folder, steps, store) = try opened()
        var creator = try XCTUnwrap(store.workspace.creators.first)
        creator.name = "Ana Lindqvist 🌿"
        try store.perform(.updateCreator(creator), context: StoreFixtures.context(1))
        try store.compact()

        XCTAssertEqual(try written(since: 0, steps, folder), ["creators", "program"])
        XCTAssertEqual(try linked(since: 0, steps, folder), ["assets", "discountCodes", "enrollments", "orders", "shipments",
                                                            "submissions", "surveyResponses", "trackingLinks"])
        store.close()
        try assertFilesAreWhatWritingWouldMake(folder)
    }

    /// The second compaction links what the first wrote: the files a compaction writes hold
    /// the collections as they still are.
    func testWhatACompactionWroteIsLinkedByTheNextOne() throws {
        let (folder, steps, store) = try opened()
        try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(1))
        try store.compact()
        let first = steps.points.count
        try store.perform(.tagAssets(["AS-0001"], add: ["spring"], remove: []), context: StoreFixtures.context(2))
        try store.compact()

        XCTAssertEqual(try written(since: first, steps, folder), ["assets", "program"])
        XCTAssertTrue(try linked(since: first, steps, folder).contains("shipments"), "written by the first compaction, unchanged since")
        store.close()
        try assertFilesAreWhatWritingWouldMake(folder)
    }

    /// Orders read after the first frame (in the background, as the console reads them) are
    /// noted from the files they were read from.
    func testOrdersReadAfterTheFirstFrameAreLinkedWhenUnchanged() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let steps = FaultInjectingFileSystem()
        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true, fileSystem: steps)
        let loader = try XCTUnwrap(store.pendingOrderHistory)
        store.attach(try loader.load())
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 2, reason: "found"), context: StoreFixtures.context(1))
        try store.compact()

        XCTAssertEqual(try written(since: 0, steps, folder), ["program"])
        XCTAssertTrue(try linked(since: 0, steps, folder).isSuperset(of: ["orders", "surveyResponses"]))
        store.close()
        try assertFilesAreWhatWritingWouldMake(folder)
    }

    /// An import staged by a colleague and caught up on changes the orders this store read:
    /// its compaction writes them, never links the file of the orders before the import.
    func testAColleaguesImportCaughtUpOnIsWrittenNotLinked() throws {
        let (folder, steps, store) = try opened()
        let colleague = try WorkspaceStore.open(at: folder)
        let lease = try XCTUnwrap(FolderCompactionLease.take(folder: folder))  // so that the colleague's import stays in the journal
        try colleague.perform(.importOrders(StoreFixtures.nightsOrders(40)), context: StoreFixtures.context(1, actor: "cron"), durability: .snapshot)
        colleague.close()
        lease.release()
        try store.compact()

        XCTAssertTrue(try written(since: 0, steps, folder).contains("orders"))
        XCTAssertEqual(store.workspace.orders.count, StoreFixtures.orders.count + 40)
        store.close()
        try assertFilesAreWhatWritingWouldMake(folder)
    }

    /// A colleague's import folded into a snapshot before this store looked: the store reloads
    /// that snapshot, and its next compaction links the files it reloaded from.
    func testAFollowerThatReloadedAColleaguesSnapshotLinksItsFiles() throws {
        let (folder, steps, follower) = try opened()
        let importer = try WorkspaceStore.open(at: folder)
        try importer.perform(.importOrders(StoreFixtures.nightsOrders(40)), context: StoreFixtures.context(1, actor: "cron"), durability: .snapshot)
        try importer.perform(.adjustStock(sku: "SKU-SERUM", delta: -2, reason: "breakage"), context: StoreFixtures.context(2, actor: "cron"))
        importer.close()
        try follower.catchUp()
        XCTAssertEqual(follower.workspace.orders.count, StoreFixtures.orders.count + 40)
        let reloaded = steps.points.count
        var creator = try XCTUnwrap(follower.workspace.creators.first)
        creator.note = "met at the pop-up"
        try follower.perform(.updateCreator(creator), context: StoreFixtures.context(3))
        try follower.compact()

        XCTAssertEqual(try written(since: reloaded, steps, folder), ["creators", "program"])
        XCTAssertTrue(try linked(since: reloaded, steps, folder).isSuperset(of: ["orders", "enrollments"]))
        follower.close()
        try assertFilesAreWhatWritingWouldMake(folder)
    }

    /// A file's amounts are bare numbers in the program's currency: once the currency changes
    /// (a program with no orders or SKUs yet), an unchanged table's file no longer says what
    /// its rows hold, and is written again.
    func testACurrencyChangedWritesTheCollectionsWhoseAmountsItWouldMisstate() throws {
        var creators = StoreFixtures.creators
        creators[0].customer = CustomerSignals(orders: 3, totalSpent: Money(minorUnits: 12_900, currency: .eur), acceptsMarketing: true)
        let rich = StoreFixtures.richWorkspace
        let before = Workspace(program: rich.program, waves: rich.waves.rows, creators: creators, enrollments: rich.enrollments.rows,
                               skus: [], shipments: [], submissions: [], assets: [], discountCodes: [], trackingLinks: [],
                               orders: [], surveyResponses: [], payoutRuns: [])
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: before).close()
        let steps = FaultInjectingFileSystem()
        let store = try WorkspaceStore.open(at: folder, fileSystem: steps)
        var program = store.workspace.program
        program.currency = Currency("USD")
        try store.perform(.updateProgram(program), context: StoreFixtures.context(1))
        try store.compact()

        XCTAssertTrue(try written(since: 0, steps, folder).isSuperset(of: ["creators", "enrollments"]), "their amounts are in euros")
        store.close()
        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.workspace.creators[0].customer?.totalSpent, Money(minorUnits: 12_900, currency: .eur))
        XCTAssertEqual(reopened.workspace, store.workspace)
        reopened.close()
        try assertFilesAreWhatWritingWouldMake(folder)
    }

    // MARK: Helpers

    private func opened() throws -> (folder: String, steps: FaultInjectingFileSystem, store: WorkspaceStore) {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let steps = FaultInjectingFileSystem()
        return (folder, steps, try WorkspaceStore.open(at: folder, fileSystem: steps))
    }

    /// The collections (and program) whose file of the current generation was written, or
    /// linked, in the steps from `first` on.
    private func written(since first: Int, _ steps: FaultInjectingFileSystem, _ folder: String) throws -> Set<String> {
        try files(since: first, steps, folder, step: .write)
    }

    private func linked(since first: Int, _ steps: FaultInjectingFileSystem, _ folder: String) throws -> Set<String> {
        try files(since: first, steps, folder, step: .link)
    }

    private func files(since first: Int, _ steps: FaultInjectingFileSystem, _ folder: String,
                       step: FaultInjectingFileSystem.Step) throws -> Set<String> {
        let generation = try Snapshot.manifest(in: folder, fileSystem: POSIXFileSystem()).generation
        return Set(steps.points.dropFirst(first).filter { $0.step == step }.compactMap { point -> String? in
            let name = (point.path as NSString).lastPathComponent
            guard name.hasSuffix("-\(generation).json") else { return nil }
            return String(name.dropLast("-\(generation).json".count))
        })
    }

    /// Every file of the current generation holds what a snapshot written afresh from the same
    /// workspace holds, byte for byte.
    private func assertFilesAreWhatWritingWouldMake(_ folder: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let reopened = try WorkspaceStore.open(at: folder)
        let workspace = reopened.workspace
        reopened.close()
        let fresh = StoreFixtures.temporaryFolder(UUID().uuidString)
        try WorkspaceStore.create(at: fresh, workspace: workspace).close()
        let disk = POSIXFileSystem()
        let current = try Snapshot.manifest(in: folder, fileSystem: disk), written = try Snapshot.manifest(in: fresh, fileSystem: disk)
        XCTAssertEqual(current.collections.map(\.name).sorted(), written.collections.map(\.name).sorted(), file: file, line: line)
        for collection in current.collections {
            let twin = try XCTUnwrap(written.collections.first { $0.name == collection.name })
            XCTAssertEqual(try disk.readFile(at: folder + "/" + collection.file), try disk.readFile(at: fresh + "/" + twin.file),
                           "\(collection.name)", file: file, line: line)
        }
    }
}
