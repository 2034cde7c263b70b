import ChorusCore
import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// A workspace keeps attribution's decisions beside its snapshot, so the Leaderboard and Ledger
/// of a million orders are ready as soon as the orders are read. The file is a cache: what it
/// gives must be exactly what computing gives, and it must never be used for a state it was not
/// made for.
final class KeptAttributionTests: XCTestCase {
    /// The generated sample: codes, links, survey answers (some ambiguous) and several waves.
    private static let sample = SampleProgram.generate(options: GeneratorOptions(seed: 7, today: Day(year: 2026, month: 3, day: 16)!))

    private func keptFiles(in folder: String) throws -> [String] { try StoreFixtures.keptAttributionFiles(in: folder) }

    private func keptAnswersFiles(in folder: String) throws -> [String] { try StoreFixtures.keptAttributionFiles(in: folder, answers: true) }

    private func assertSame(_ kept: AttributionResult?, _ computed: AttributionResult, in workspace: Workspace = sample,
                            file: StaticString = #filePath, line: UInt = #line) {
        guard let kept else { return XCTFail("nothing was kept", file: file, line: line) }
        XCTAssertEqual(kept.credits, computed.credits, file: file, line: line)
        XCTAssertEqual(kept.totals, computed.totals, file: file, line: line)
        XCTAssertEqual(kept.counts, computed.counts, file: file, line: line)
        XCTAssertEqual(kept.revenue, computed.revenue, file: file, line: line)
        XCTAssertEqual(Attribution.ambiguousAnswers(of: kept, in: workspace), Attribution.ambiguousAnswers(of: computed, in: workspace),
                       file: file, line: line)
    }

    /// Opens as the console does: order history (and kept attribution) read after the first frame.
    private func openAsTheConsoleDoes(_ folder: String) throws -> WorkspaceStore {
        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        XCTAssertNil(store.knownAttribution, "nothing is known before the orders are read")
        store.attach(try XCTUnwrap(store.pendingOrderHistory).load())
        return store
    }

    /// A workspace whose current state has had its attribution computed and kept.
    private func workspaceWithKeptAttribution(_ name: String = #function) throws -> String {
        let folder = StoreFixtures.temporaryFolder(name)
        let store = try WorkspaceStore.create(at: folder, workspace: Self.sample)
        XCTAssertGreaterThan(Attribution.compute(store.workspace).count(.ambiguous), 0, "the sample has ambiguous answers")
        store.remember(Attribution.compute(store.workspace))
        store.close()
        return folder
    }

    func testAttributionComputedOnceIsReadOnTheNextOpenInsteadOfComputed() throws {
        let folder = try workspaceWithKeptAttribution()
        XCTAssertEqual(try keptFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-1-0.json"])

        let store = try openAsTheConsoleDoes(folder)
        defer { store.close() }

        assertSame(store.knownAttribution, Attribution.compute(store.workspace))
    }

    func testPipelineSeedingAndApprovalWorkKeepsItCurrent() throws {
        let folder = try workspaceWithKeptAttribution()
        let writer = try WorkspaceStore.open(at: folder)
        let sku = writer.workspace.skus[0].id
        try writer.perform(.adjustStock(sku: sku, delta: 5, reason: "recount"), context: StoreFixtures.context())
        XCTAssertFalse(Command.adjustStock(sku: sku, delta: 5, reason: "recount").mayChangeAttribution)
        writer.close()

        let store = try openAsTheConsoleDoes(folder)
        defer { store.close() }

        assertSame(store.knownAttribution, Attribution.compute(store.workspace))
    }

    func testAChangedCreatorMakesTheKeptDecisionsStaleAndTheNextComputeIsKeptAnew() throws {
        let folder = try workspaceWithKeptAttribution()
        let writer = try WorkspaceStore.open(at: folder)
        let credited = try XCTUnwrap(Attribution.compute(writer.workspace).totals.keys.sorted { $0.rawValue < $1.rawValue }.first)
        var renamed = try XCTUnwrap(writer.workspace.creator(credited))
        renamed.linkSlug = "someone-else-entirely"
        try writer.perform(.updateCreator(renamed), context: StoreFixtures.context())
        writer.close()

        let store = try openAsTheConsoleDoes(folder)
        XCTAssertNil(store.knownAttribution, "a creator's link changed after the decisions were kept")
        let computed = try store.attribution()
        assertSame(computed, Attribution.compute(store.workspace), in: store.workspace)
        store.close()
        XCTAssertEqual(try keptFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-1-1.json"],
                       "kept for the state after entry 1, the creator change, and the old file gone")

        let reopened = try openAsTheConsoleDoes(folder)
        defer { reopened.close() }
        assertSame(reopened.knownAttribution, computed, in: reopened.workspace)
    }

    func testACreatorsAddressAndAudienceChangedKeepItCurrentAndItsFileStands() throws {
        let folder = try workspaceWithKeptAttribution()
        let writer = try WorkspaceStore.open(at: folder)
        let credited = try XCTUnwrap(Attribution.compute(writer.workspace).totals.keys.sorted { $0.rawValue < $1.rawValue }.first)
        var moved = try XCTUnwrap(writer.workspace.creator(credited))
        moved.address = PostalAddress(line1: "Kaiserstraße 9", city: "Frankfurt", postalCode: "60311", country: "DE")
        moved.payoutEmail = "payouts@example.com"
        moved.engagementRate += 0.01
        moved.niches.append("pottery")
        let fixed = try writer.perform(.updateCreator(moved), context: StoreFixtures.context())
        try writer.perform(fixed.undo, context: StoreFixtures.context())
        writer.close()
        XCTAssertEqual(try keptFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-1-0.json"], "still the file for the current state")

        let store = try openAsTheConsoleDoes(folder)
        defer { store.close() }
        XCTAssertNotNil(store.knownAttribution, "read from the kept file, not computed")
        assertSame(store.knownAttribution, Attribution.compute(store.workspace), in: store.workspace)
    }

    func testACommandPerformedWhileOrdersLoadMakesWhatTheLoadReadStale() throws {
        let folder = try workspaceWithKeptAttribution()
        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        defer { store.close() }
        let loader = try XCTUnwrap(store.pendingOrderHistory)
        var renamed = store.workspace.creators[0]
        renamed.name = "Somebody Else"
        try store.perform(.updateCreator(renamed), context: StoreFixtures.context())

        store.attach(try loader.load())

        XCTAssertNil(store.knownAttribution, "read for the state before the creator changed")
    }

    func testCompactionKeepsItForTheNewGeneration() throws {
        let folder = try workspaceWithKeptAttribution()
        let writer = try WorkspaceStore.open(at: folder)
        _ = try writer.attribution()
        try writer.perform(.adjustStock(sku: writer.workspace.skus[0].id, delta: 1, reason: "recount"), context: StoreFixtures.context())
        try writer.compact()
        writer.close()
        XCTAssertEqual(try keptFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-2-1.json"], "the old generation's file is gone")
        XCTAssertEqual(try keptAnswersFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-2-1.answers.json"], "and so are its answers")

        let store = try openAsTheConsoleDoes(folder)
        defer { store.close() }
        assertSame(store.knownAttribution, Attribution.compute(store.workspace))
    }

    /// A cron import keeps attribution for its state after a coordinator's console, opened
    /// beside it, kept it for the state after (a creator renamed there): what the import writes
    /// must not take the console's file away, or the next open decides every order again.
    func testAFileKeptForALaterStateByAColleagueStaysWhenAnEarlierStateIsKept() throws {
        let folder = try workspaceWithKeptAttribution()
        let credited = Attribution.compute(Self.sample).totals.keys.sorted { $0.rawValue < $1.rawValue }
        let cron = try WorkspaceStore.open(at: folder)
        var relinked = try XCTUnwrap(cron.workspace.creator(credited[0]))
        relinked.linkSlug = "someone-else-entirely"
        try cron.perform(.updateCreator(relinked), context: StoreFixtures.context())

        let console = try WorkspaceStore.open(at: folder)
        var renamed = try XCTUnwrap(console.workspace.creator(credited[1]))
        renamed.name = "Somebody Else"
        try console.perform(.updateCreator(renamed), context: StoreFixtures.context())
        console.remember(Attribution.compute(console.workspace))
        console.close()
        XCTAssertEqual(try keptFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-1-2.json"])

        cron.keepAttributionCurrent()
        cron.close()
        XCTAssertEqual(try keptFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-1-1.json", "attribution-r\(Attribution.rulesVersion)-1-2.json"],
                       "the import's own, and the console's for the state after it")

        let store = try openAsTheConsoleDoes(folder)
        defer { store.close() }
        XCTAssertNotNil(store.knownAttribution, "the console's file, read for the state now")
        assertSame(store.knownAttribution, Attribution.compute(store.workspace), in: store.workspace)
    }

    /// A console follows a colleague's entries but keeps the snapshot it opened on; once the
    /// colleague has made a newer one, what the console decides is kept for nobody to read, so
    /// it is not written (it would lie beside the workspace until the next compaction).
    func testAConsoleBehindAColleaguesSnapshotKeepsNoFileForTheOldOne() throws {
        let folder = try workspaceWithKeptAttribution()
        let colleague = try WorkspaceStore.open(at: folder), console = try WorkspaceStore.open(at: folder)
        var relinked = colleague.workspace.creators[0]
        relinked.linkSlug = "someone-else-entirely"
        try colleague.perform(.updateCreator(relinked), context: StoreFixtures.context(1))
        _ = try console.catchUp()
        try colleague.compact()
        colleague.remember(Attribution.compute(colleague.workspace))
        colleague.close()

        console.remember(Attribution.compute(console.workspace))
        console.close()

        XCTAssertEqual(try keptFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-2-1.json"], "the colleague's, for her snapshot")
        let store = try openAsTheConsoleDoes(folder)
        defer { store.close() }
        assertSame(store.knownAttribution, Attribution.compute(store.workspace), in: store.workspace)
    }

    /// A cron import into a big program decides attribution while its snapshot is written; a
    /// coordinator's change to a credited creator's link, appended meanwhile and caught up by
    /// that compaction, makes those decisions stale: what is kept is decided for the state
    /// after the change, never the one before under its name.
    func testAChangeCaughtUpWhileTheImportsSnapshotIsWrittenIsInWhatItKeeps() throws {
        let folder = StoreFixtures.temporaryFolder()
        let program = SampleProgram.generate(options: GeneratorOptions(creators: 600, orders: 24_000, seed: 3, today: Day(year: 2026, month: 11, day: 21)!))
        let soFar = Array(program.orders.rows.prefix(23_000))
        try WorkspaceStore.create(at: folder, workspace: Workspace(
            program: program.program, waves: program.waves.rows, creators: program.creators.rows, enrollments: program.enrollments.rows,
            skus: program.skus.rows, shipments: program.shipments.rows, submissions: program.submissions.rows, assets: program.assets.rows,
            discountCodes: program.discountCodes.rows, trackingLinks: program.trackingLinks.rows, orders: soFar,
            surveyResponses: [], payoutRuns: program.payoutRuns.rows)).close()
        let cron = try WorkspaceStore.open(at: folder)
        try cron.perform(.importOrders(Array(program.orders.rows.dropFirst(23_000))), context: StoreFixtures.context(1, actor: "cron"))

        let coordinator = try WorkspaceStore.open(at: folder)
        let before = Attribution.compute(coordinator.workspace)
        let linked = try XCTUnwrap(before.credits.first { $0.outcome == .directByLink }?.creatorPosition.index)
        var relinked = coordinator.workspace.creators[linked]
        relinked.linkSlug = "someone-else-entirely"
        try coordinator.perform(.updateCreator(relinked), context: StoreFixtures.context(2))
        coordinator.close()

        cron.leaveReadyForTheNextOpen()
        cron.close()

        XCTAssertEqual(try keptFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-2-2.json"], "for the snapshot, after the change")
        let store = try openAsTheConsoleDoes(folder)
        defer { store.close() }
        XCTAssertNotEqual(Attribution.compute(store.workspace).credits, before.credits, "the change moved credit")
        assertSame(store.knownAttribution, Attribution.compute(store.workspace), in: store.workspace)
    }

    /// Files kept for later states are left alone, so one put back from a backup for a
    /// snapshot past the current one would outlive it until that generation came round again
    /// with other decisions: the next compaction takes it away as a stray.
    func testAFileForASnapshotPastTheCurrentOneIsAStray() throws {
        let folder = try workspaceWithKeptAttribution()
        let current = try XCTUnwrap(try keptFiles(in: folder).first)
        let fromABackup = "attribution-r\(Attribution.rulesVersion)-7-0.json"
        try FileManager.default.copyItem(atPath: folder + "/" + current, toPath: folder + "/" + fromABackup)
        let store = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(store.strayFiles.map(\.name), [fromABackup])

        try store.compact()
        store.close()

        XCTAssertFalse(try keptFiles(in: folder).contains(fromABackup))
    }

    func testAnImportWrittenAsANewSnapshotLeavesNoFileForTheOldOne() throws {
        let folder = try workspaceWithKeptAttribution()
        let store = try WorkspaceStore.open(at: folder)
        var refunded = store.workspace.orders[0]
        refunded.refunded = refunded.subtotal
        try store.perform(.importOrders([refunded]), context: StoreFixtures.context(), durability: .snapshot)
        store.close()

        XCTAssertEqual(try keptFiles(in: folder), [], "the kept decisions were for the previous snapshot and orders")
    }

    func testADamagedOrMismatchedFileIsIgnoredAndNothingIsLost() throws {
        let folder = try workspaceWithKeptAttribution()
        let path = folder + "/" + (try keptFiles(in: folder))[0]
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let creators = Self.sample.creators.count
        let damaged = [
            String(original.prefix(original.count / 2)),                                   // cut short
            original.replacingOccurrences(of: #"\n\[1,\d+,"#, with: "\n[1,\(creators),", options: .regularExpression), // no such creator
            original.replacingOccurrences(of: #"\n\[\d+,"#, with: "\n[9,", options: .regularExpression),             // no such outcome
            original.replacingOccurrences(of: #"\n\[(\d+),(-?\d+),-?\d+,"#, with: "\n[$1,$2,\(Self.sample.waves.count),",
                                          options: .regularExpression),                                         // no such wave
            original.replacingOccurrences(of: "\n[6,-1,", with: "\n[6,0,"),                                        // uncredited, yet a creator's
            "not json at all",
        ]
        for text in damaged {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let store = try openAsTheConsoleDoes(folder)
            XCTAssertNil(store.knownAttribution, String(text.prefix(80)))
            assertSame(try store.attribution(), Attribution.compute(store.workspace))
            store.close()
            try original.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// The Leaderboard and Ledger of a console show from the file alone while the orders load:
    /// it carries every order's figures, and what it gives is what computing over the whole
    /// orders gives.
    func testTheFileAloneGivesAttributionAndTheOrdersFiguresBeforeTheOrdersAreRead() throws {
        let folder = try workspaceWithKeptAttribution()
        let whole = try WorkspaceStore.open(at: folder, mode: .readOnly)
        defer { whole.close() }
        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        defer { store.close() }
        XCTAssertTrue(store.workspace.orders.isEmpty)

        let kept = try XCTUnwrap(try XCTUnwrap(store.keptAttributionRead)())

        assertSame(kept.result, Attribution.compute(whole.workspace), in: whole.workspace)
        XCTAssertEqual(kept.orderFigures, whole.workspace.orders.rows.figures)
        let today = Day(year: 2026, month: 3, day: 16)!
        let beforeOrders = Ledger(store.workspace, orders: kept.orderFigures, attribution: kept.result, today: today)
        let afterwards = Ledger(whole.workspace, attribution: Attribution.compute(whole.workspace), today: today)
        XCTAssertEqual(beforeOrders.rows, afterwards.rows)
        XCTAssertEqual(beforeOrders.kpis, afterwards.kpis)
        XCTAssertEqual(WeeklySeries(beforeOrders, workspace: store.workspace, wave: nil),
                       WeeklySeries(afterwards, workspace: whole.workspace, wave: nil))

        // Taken as known, it is not read again with the orders.
        XCTAssertTrue(store.adopt(kept))
        XCTAssertNil(store.pendingOrderHistory?.storedAttribution)
        store.attach(try XCTUnwrap(store.pendingOrderHistory).load())
        assertSame(store.knownAttribution, Attribution.compute(store.workspace))
    }

    func testAfterAChangeToWhatIsCreditedNothingIsReadBeforeTheOrders() throws {
        let folder = try workspaceWithKeptAttribution()
        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        defer { store.close() }
        var renamed = store.workspace.creators[0]
        renamed.linkSlug = "someone-else-entirely"
        try store.perform(.updateCreator(renamed), context: StoreFixtures.context())

        XCTAssertNil(store.keptAttributionRead, "the file is for the state before the creator changed")
    }

    /// Read, then a change before it is taken in: refused, and the history's load does not
    /// read the file either (it is for the state before).
    func testWhatWasReadBeforeAChangeIsNotTakenAndNotReadAgain() throws {
        let folder = try workspaceWithKeptAttribution()
        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        defer { store.close() }
        let kept = try XCTUnwrap(store.keptAttributionRead)()
        XCTAssertNotNil(kept)
        var renamed = store.workspace.creators[0]
        renamed.linkSlug = "someone-else-entirely"
        try store.perform(.updateCreator(renamed), context: StoreFixtures.context())

        XCTAssertFalse(store.adopt(kept))
        XCTAssertNil(store.knownAttribution)
        XCTAssertNil(store.pendingOrderHistory?.storedAttribution)
        store.attach(try XCTUnwrap(store.pendingOrderHistory).load())
        assertSame(try store.attribution(), Attribution.compute(store.workspace))
    }

    /// A file kept by a build before the figures were kept (decisions only) is not read: the
    /// next open computes attribution and keeps it with the figures.
    func testAFileKeptWithoutTheOrdersFiguresIsComputedAgainAndKeptWithThem() throws {
        let folder = try workspaceWithKeptAttribution()
        let path = folder + "/" + (try keptFiles(in: folder))[0]
        let current = try String(contentsOfFile: path, encoding: .utf8)
        let earlier = current.replacingOccurrences(of: #"["outcome","creator","wave","net","day"]"#, with: #"["outcome","creator","wave"]"#)
            .replacingOccurrences(of: #"(\[-?\d+,-?\d+,-?\d+),-?\d+,-?\d+\]"#, with: "$1]", options: .regularExpression)
        XCTAssertNotEqual(earlier, current)
        try earlier.write(toFile: path, atomically: true, encoding: .utf8)

        let store = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        XCTAssertNil(try XCTUnwrap(store.keptAttributionRead)())
        store.attach(try XCTUnwrap(store.pendingOrderHistory).load())
        XCTAssertNil(store.knownAttribution)
        assertSame(try store.attribution(), Attribution.compute(store.workspace))
        store.close()

        let reopened = try WorkspaceStore.open(at: folder, deferringOrderHistory: true)
        defer { reopened.close() }
        XCTAssertNotNil(try XCTUnwrap(reopened.keptAttributionRead)())
    }

    func testAReadOnlyOpenUsesTheFileButNeverWritesOne() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: Self.sample).close()

        let reader = try WorkspaceStore.open(at: folder, mode: .readOnly)
        let wave = Self.sample.waves[1].id
        assertSame(try reader.attribution(wave: wave), Attribution.compute(reader.workspace, wave: wave))
        reader.close()

        XCTAssertEqual(try keptFiles(in: folder), [], "chorus report and list never write into a workspace")
    }
}
