import ChorusCore
@testable import ChorusGenerator
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

    /// The night's orders imported after the ones read: the new orders file is the old one
    /// with them after it, copied rather than encoded again, and the next night's builds on
    /// that; the file is what writing every order makes, byte for byte.
    func testOrdersAddedAtTheEndAreWrittenAfterACopyOfTheFileBefore() throws {
        let (folder, steps, store) = try opened()
        for night in 0..<2 {
            let before = try Snapshot.manifest(in: folder, fileSystem: POSIXFileSystem())
            let oldFile = try XCTUnwrap(before.collections.first { $0.name == "orders" }).file
            try store.perform(.importOrders(StoreFixtures.nightsOrders(40, first: 510_001 + 40 * night)),
                              context: StoreFixtures.context(1 + night, actor: "cron"))
            let compacting = steps.points.count
            try store.compact()

            XCTAssertTrue(try written(since: compacting, steps, folder).contains("orders"))
            XCTAssertTrue(steps.points.dropFirst(compacting).contains { $0.step == .read && $0.path.hasSuffix("/" + oldFile) },
                          "night \(night): \(oldFile) copied")
            try assertFilesAreWhatWritingWouldMake(folder)
        }
        XCTAssertEqual(store.workspace.orders.count, StoreFixtures.orders.count + 80)
        store.close()
    }

    /// The file the orders were read from is no longer what it was noted as — a row short (an
    /// older copy put back under its name), or gone: the compaction writes every order afresh
    /// rather than copying it, and nothing is lost.
    func testAFileThatNoLongerHoldsItsRowsIsNotCopied() throws {
        for damage in ["a row short", "gone"] {
            let (folder, _, store) = try opened()
            try store.perform(.importOrders(StoreFixtures.nightsOrders(40)), context: StoreFixtures.context(1, actor: "cron"))
            let path = folder + "/orders-1.json"
            if damage == "gone" {
                try FileManager.default.removeItem(atPath: path)
            } else {
                var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
                lines.remove(at: 1)  // the first row; the row after it now comes first
                try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            }
            let expected = store.workspace
            try store.compact()
            store.close()

            XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace, expected, damage)
            try assertFilesAreWhatWritingWouldMake(folder)
        }
    }

    /// A creator added goes after a copy of the creators file (kept in pieces in memory).
    func testACreatorAddedIsWrittenAfterACopyOfTheCreatorsFile() throws {
        let (folder, steps, store) = try opened()
        var newcomer = StoreFixtures.creators[0]
        newcomer.id = "CR-09999"
        newcomer.handle = "new.face"
        newcomer.profiles = [SocialProfile(platform: .instagram, handle: "new.face", followers: 1_200)]
        try store.perform(.addCreators([newcomer]), context: StoreFixtures.context(1))
        let compacting = steps.points.count
        try store.compact()

        XCTAssertTrue(steps.points.dropFirst(compacting).contains { $0.step == .read && $0.path.hasSuffix("/creators-1.json") })
        store.close()
        try assertFilesAreWhatWritingWouldMake(folder)
    }

    /// Seeded days of what a program meets — nights' orders, a refund, creators added, an
    /// import undone — with compactions between: whichever files were linked, copied before
    /// new rows or written afresh, each is what writing makes, and reopening gives the
    /// workspace in memory.
    func testSeededDaysOfChangesLeaveEveryFileAsWritingMakesIt() throws {
        for seed in 1...6 {
            var random = SeededRandom(seed: UInt64(seed))
            func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
            let (folder, _, store) = try opened()
            var nextOrder = 600_001, nextCreator = 20_000
            for step in 1...14 {
                let context = StoreFixtures.context(step, actor: "cron")
                switch pick(5) {
                case 0:
                    let count = 1 + pick(30)
                    try store.perform(.importOrders(StoreFixtures.nightsOrders(count, first: nextOrder)), context: context)
                    nextOrder += count
                case 1:
                    let inEuros = store.workspace.orders.filter { $0.subtotal.currency == store.workspace.program.currency }
                    var refunded = inEuros[pick(inEuros.count)]
                    refunded.refunded = refunded.subtotal
                    try store.perform(.importOrders([refunded]), context: context)
                case 2:
                    var newcomer = StoreFixtures.creators[pick(StoreFixtures.creators.count)]
                    newcomer.id = CreatorID("CR-\(nextCreator)")
                    newcomer.handle = "newcomer.\(nextCreator)"
                    newcomer.profiles = [SocialProfile(platform: .instagram, handle: newcomer.handle, followers: 900)]
                    try store.perform(.addCreators([newcomer]), context: context)
                    nextCreator += 1
                case 3:
                    let applied = try store.perform(.importOrders(StoreFixtures.nightsOrders(3, first: nextOrder)), context: context)
                    try store.perform(applied.undo, context: context)
                default:
                    try store.compact()
                    try assertFilesAreWhatWritingWouldMake(folder)
                }
            }
            try store.compact()
            try assertFilesAreWhatWritingWouldMake(folder)
            let expected = store.workspace
            store.close()
            XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace, expected, "seed \(seed)")
        }
    }

    /// An order replaced (a refund) is not a row added: every order is encoded again, and the
    /// file before is not read.
    func testAnOrderReplacedWritesTheOrdersAfresh() throws {
        let (folder, steps, store) = try opened()
        var refunded = store.workspace.orders[0]
        refunded.refunded = refunded.subtotal
        try store.perform(.importOrders([refunded] + StoreFixtures.nightsOrders(5)), context: StoreFixtures.context(1, actor: "cron"))
        let compacting = steps.points.count
        try store.compact()

        XCTAssertTrue(try written(since: compacting, steps, folder).contains("orders"))
        XCTAssertFalse(steps.points.dropFirst(compacting).contains { $0.step == .read && $0.path.hasSuffix("/orders-1.json") })
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
