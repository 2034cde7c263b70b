import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// A coordinator's session with the store — create, commands, compaction, reopen, a big import
/// made durable by snapshot, more commands, compaction — run once to number every step it takes
/// on disk, then once per step with that step failing (see `FaultInjectingFileSystem`).
///
/// Each failure must surface as a readable `StoreError` naming the file; the workspace must then
/// reopen with the real file system holding every acknowledged command exactly once (the command
/// in flight may or may not have landed). This is checked twice per step: as if the process died
/// right after the error, and as if the console carried on with the session after showing it, in
/// which case memory and disk must agree at the end.
final class FaultInjectionTests: XCTestCase {
    private enum Action {
        case perform(Command, WorkspaceStore.Durability)
        case compact
        case reopen
    }

    private static var newOrders: [Order] {
        (1...40).map { index in
            Order(id: OrderID("#2\(1000 + index)"), email: "buyer\(index)@example.com", financialStatus: "paid",
                  createdAt: StoreFixtures.march12.adding(days: index % 5), subtotal: StoreFixtures.eur(Int64(1_000 + index)),
                  refunded: StoreFixtures.eur(0), discountCodes: index % 3 == 0 ? "ANA15" : nil)
        }
    }

    private static let session: [Action] = [
        .perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "found a box"), .journal),
        .perform(.adjustStock(sku: "SKU-SERUM", delta: -2, reason: "damaged"), .journal),
        .compact,
        .perform(.markDelivered(["SH-0001"]), .journal),
        .reopen,
        .perform(.importOrders(newOrders), .snapshot),
        .perform(.adjustStock(sku: "SKU-SERUM", delta: 7, reason: "restock"), .journal),
        .compact,
        .perform(.adjustStock(sku: "SKU-SERUM", delta: 11, reason: "recount"), .journal),
    ]

    /// What the session did, modelled purely in memory: every state the workspace may be in.
    /// An acknowledged command is applied to each; a failed one doubles them (it may or may not
    /// have landed), so a lost acknowledged command or one applied twice matches none.
    private struct Outcome {
        var possible = [StoreFixtures.richWorkspace]
        /// The acknowledged commands alone: what the disk holds when every failed one was kept out.
        var acknowledgedOnly = StoreFixtures.richWorkspace
        var errors: [Error] = []
        var store: WorkspaceStore?
        var folder: String

        mutating func acknowledge(_ command: Command, _ context: CommandContext) throws {
            for index in possible.indices { try possible[index].apply(command, context: context) }
            try acknowledgedOnly.apply(command, context: context)
        }

        mutating func failed(_ command: Command, _ context: CommandContext) throws {
            var landed = possible
            for index in landed.indices { try landed[index].apply(command, context: context) }
            for state in landed where !possible.contains(state) { possible.append(state) }
        }

        func allows(_ workspace: Workspace) -> Bool { possible.contains(workspace) }
    }

    func testEveryInjectedFailureLeavesAWorkspaceHoldingEveryAcknowledgedCommand() throws {
        let counting = FaultInjectingFileSystem()
        let clean = try run(fileSystem: counting, continuing: true)
        XCTAssertTrue(clean.errors.isEmpty, "\(clean.errors)")
        clean.store?.close()
        let points = counting.points
        XCTAssertEqual([try WorkspaceStore.open(at: clean.folder).workspace], clean.possible)
        XCTAssertGreaterThan(points.count, 80, "the session should exercise every kind of step")

        var absorbed = 0
        for point in points {
            for continuing in [false, true] {
                let fileSystem = FaultInjectingFileSystem(failingAt: point.index)
                let outcome = try run(fileSystem: fileSystem, continuing: continuing)
                let label = "\(point)\(continuing ? ", carrying on" : ", then a crash")"
                XCTAssertNotNil(fileSystem.injected, label)
                if outcome.errors.isEmpty {
                    // A failure may be absorbed only where nothing depended on it (removing an
                    // unreferenced old snapshot file, trimming a journal a snapshot covers).
                    absorbed += 1
                    XCTAssertEqual(outcome.possible, clean.possible, label)
                }
                for error in outcome.errors {
                    let storeError = error as? StoreError
                    XCTAssertEqual(storeError?.kind, .io, "\(label): \(error)")
                    // A staged batch is named afresh in every run.
                    let batch = /batch-[0-9a-f-]+\.json/
                    let file = (outcome.folder + point.path.dropFirst(clean.folder.count)).replacing(batch, with: "batch")
                    XCTAssertEqual(storeError?.file?.replacing(batch, with: "batch"), file, "\(label): the error names the file: \(error)")
                }
                XCTAssertEqual(outcome.errors.count, outcome.errors.isEmpty ? 0 : 1, "\(label): one fault, one error: \(outcome.errors)")

                let memory = outcome.store?.workspace
                outcome.store?.close()
                let reopened: WorkspaceStore
                do {
                    reopened = try WorkspaceStore.open(at: outcome.folder)
                } catch let error as StoreError where error.kind == .notAWorkspace && !continuing {
                    continue  // the failure was in `create`, before anything was acknowledged
                }
                XCTAssertTrue(outcome.allows(reopened.workspace), "\(label): an acknowledged command was lost or one applied twice")
                if continuing { XCTAssertEqual(reopened.workspace, memory, "\(label): memory and disk disagree") }
                XCTAssertNoThrow(try reopened.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "after"), context: StoreFixtures.context(99)),
                                 "\(label): the reopened workspace takes new commands")
                reopened.close()
            }
        }
        let kinds = Dictionary(grouping: points, by: \.step).mapValues(\.count)
        print("fault injection: \(points.count) injection points × (crash, carry on) = \(points.count * 2) runs; "
              + FaultInjectingFileSystem.Step.allCases.compactMap { step in kinds[step].map { "\(step.rawValue) \($0)" } }.joined(separator: ", ")
              + "; \(absorbed) absorbed harmlessly")
    }

    /// The ghost change: a journal append whose sync fails with the whole line in the file, and
    /// whose rollback truncate fails too. Wherever it strikes in the session, the command was
    /// reported as failed, so after a crash the workspace holds exactly the acknowledged ones —
    /// the failed command is not replayed (`journal.trim` says where the journal ends).
    func testAnAppendWhoseSyncAndRollbackBothFailIsNeverReplayed() throws {
        let counting = FaultInjectingFileSystem()
        let clean = try run(fileSystem: counting, continuing: true)
        clean.store?.close()
        let points = counting.points
        // The sync of a write to a journal segment (open, write, sync), past the one that
        // creates each segment (`create`'s, and each compaction's roll).
        var created = Set<String>()
        let syncs = points.dropFirst().filter { point in
            let name = (point.path as NSString).lastPathComponent
            return point.step == .sync && name.hasPrefix("journal") && name.hasSuffix(".jsonl") && points[point.index - 1].step == .write
                && !created.insert(point.path).inserted
        }
        XCTAssertEqual(syncs.count, 6, "every journaled command of the session, the staged import's too")
        for sync in syncs {
            let outcome = try run(fileSystem: FaultInjectingFileSystem(failingAt: [sync.index, sync.index + 1]), continuing: false, faults: 2)
            XCTAssertEqual(outcome.errors.count, 1, "\(sync): \(outcome.errors)")
            outcome.store?.close()
            let reopened = try WorkspaceStore.open(at: outcome.folder)
            XCTAssertEqual(reopened.workspace, outcome.acknowledgedOnly, "\(sync): a change reported as failed came back")
            reopened.close()
        }
        print("fault injection: \(syncs.count) journal appends failed with their rollback, none replayed")
    }

    /// A fault that strikes again at the very next step, typically while the store recovers
    /// from the first (cutting off a partial journal line, re-reading the manifest). The
    /// workspace must still reopen with every acknowledged command exactly once.
    func testAFaultStrikingAgainAtTheNextStepStillLosesNothing() throws {
        let counting = FaultInjectingFileSystem()
        let clean = try run(fileSystem: counting, continuing: true)
        clean.store?.close()
        let points = counting.points
        for point in points.dropLast() {
            for continuing in [false, true] {
                let outcome = try run(fileSystem: FaultInjectingFileSystem(failingAt: [point.index, point.index + 1]), continuing: continuing, faults: 2)
                let label = "\(point) and the next\(continuing ? ", carrying on" : ", then a crash")"
                XCTAssertLessThanOrEqual(outcome.errors.count, 2, "\(label): \(outcome.errors)")
                for error in outcome.errors {
                    XCTAssertEqual((error as? StoreError)?.kind, .io, "\(label): \(error)")
                    XCTAssertTrue((error as? StoreError)?.file?.hasPrefix(outcome.folder) ?? false, "\(label): names its file: \(error)")
                }
                let memory = outcome.store?.workspace
                outcome.store?.close()
                let reopened: WorkspaceStore
                do {
                    reopened = try WorkspaceStore.open(at: outcome.folder)
                } catch let error as StoreError where error.kind == .notAWorkspace && !continuing {
                    continue
                }
                XCTAssertTrue(outcome.allows(reopened.workspace), "\(label): an acknowledged command was lost or one applied twice")
                if continuing { XCTAssertEqual(reopened.workspace, memory, "\(label): memory and disk disagree") }
                reopened.close()
            }
        }
        print("fault injection: \(points.count - 1) double faults (a step and the next) × (crash, carry on)")
    }

    /// A big import is acknowledged once its small entry naming the staged batch is appended;
    /// the snapshot taken right after is tidying. A failure there — the folder sync after the
    /// new manifest is renamed in — leaves the import in memory as on disk, and commands after
    /// it replay onto it. (The bug the matrix once found: such an import undone in memory while
    /// the disk kept it.)
    func testAStagedImportStaysAcknowledgedWhateverHappensToTheSnapshotTakenAfterIt() throws {
        func importOnFreshWorkspace(_ fileSystem: FaultInjectingFileSystem) throws -> (WorkspaceStore, Error?) {
            let folder = StoreFixtures.temporaryFolder()
            try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
            let store = try WorkspaceStore.open(at: folder, fileSystem: fileSystem)
            do {
                try store.perform(.importOrders(Self.newOrders), context: StoreFixtures.context(), durability: .snapshot)
                return (store, nil)
            } catch { return (store, error) }
        }
        let counting = FaultInjectingFileSystem()
        let (counted, _) = try importOnFreshWorkspace(counting)
        counted.close()
        let switchRename = try XCTUnwrap(counting.points.last { $0.step == .rename && $0.path.contains("chorus.json") })
        let folderSync = try XCTUnwrap(counting.points.first { $0.step == .syncDirectory && $0.index > switchRename.index })

        let (store, error) = try importOnFreshWorkspace(FaultInjectingFileSystem(failingAt: folderSync.index))
        XCTAssertNil(error, "the import was acknowledged by its journal entry")
        XCTAssertEqual(store.workspace.orders.count, StoreFixtures.orders.count + Self.newOrders.count, "the import is in memory, as on disk")
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 3, reason: "recount"), context: StoreFixtures.context(1))
        let memory = store.workspace
        store.close()
        XCTAssertEqual(try WorkspaceStore.open(at: store.folder).workspace, memory)
    }

    /// A full disk during compaction: unless the new manifest made it into place, the previous
    /// manifest, journal and every snapshot file it names are byte for byte as they were.
    private func assertUntouchedUnlessSwitched(_ folder: String, before: [String: Data], after error: Error) throws {
        let now = try StoreFixtures.contents(of: folder)
        guard now["chorus.json"] == before["chorus.json"] else { return }
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: before["chorus.json"]!) as? [String: Any])
        let named = [manifest["program"] as? String] + ((manifest["collections"] as? [[String: Any]]) ?? []).map { $0["file"] as? String }
        for name in named.compactMap({ $0 }) + ["chorus.json", "journal.jsonl"] {
            XCTAssertEqual(now[name], before[name], "\(name) changed by a compaction that failed (\(error)) before the switch")
        }
    }

    /// Snapshot files hold names and addresses, so none may be left behind: after a compaction
    /// whose folder sync failed once its manifest was in place, the next compaction removes
    /// the generation before it as well as its own predecessor.
    func testNoOldSnapshotFilesOutliveACompactionThatFailedAfterItsSwitch() throws {
        func compactOnFreshWorkspace(_ fileSystem: FaultInjectingFileSystem) throws -> WorkspaceStore {
            let folder = StoreFixtures.temporaryFolder()
            try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
            let store = try WorkspaceStore.open(at: folder, fileSystem: fileSystem)
            try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 2, reason: "recount"), context: StoreFixtures.context())
            _ = try? store.compact()
            return store
        }
        let counting = FaultInjectingFileSystem()
        try compactOnFreshWorkspace(counting).close()
        let lastFolderSync = try XCTUnwrap(counting.points.last { $0.step == .syncDirectory })

        let store = try compactOnFreshWorkspace(FaultInjectingFileSystem(failingAt: lastFolderSync.index))
        try store.compact()
        store.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: store.folder)
        XCTAssertEqual(names.filter { $0.hasSuffix("-1.json") || $0.hasSuffix("-2.json") }, [], "\(names.sorted())")
        XCTAssertEqual(try WorkspaceStore.open(at: store.folder).workspace.sku("SKU-SERUM")?.stockOnHand, 42)
    }

    /// Runs the session on `fileSystem`. After the first error it stops (`continuing` false: the
    /// process dies) or carries on with the remaining actions, as a console would, retrying
    /// the create or open it needs (a person runs `chorus init` or opens the console again).
    ///
    /// With one fault, the disk must match memory right after every error. With two, a line
    /// whose append failed may stay until the next write cuts it off, so only the end counts.
    private func run(fileSystem: FaultInjectingFileSystem, continuing: Bool, faults: Int = 1) throws -> Outcome {
        var outcome = Outcome(folder: StoreFixtures.temporaryFolder("faultinjection"))
        func retrying(_ body: () throws -> WorkspaceStore) throws -> WorkspaceStore {
            for _ in 1..<3 {
                do { return try body() } catch { outcome.errors.append(error) }
            }
            return try body()
        }
        do {
            outcome.store = try WorkspaceStore.create(at: outcome.folder, workspace: StoreFixtures.richWorkspace, fileSystem: fileSystem)
        } catch {
            outcome.errors.append(error)
            guard continuing else { return outcome }
            // A folder without a manifest is created afresh, one with it opened.
            outcome.store = try retrying {
                do {
                    return try WorkspaceStore.create(at: outcome.folder, workspace: StoreFixtures.richWorkspace, fileSystem: fileSystem)
                } catch let error as StoreError where error.kind == .alreadyAWorkspace {
                    return try WorkspaceStore.open(at: outcome.folder, fileSystem: fileSystem)
                }
            }
        }
        for (minute, action) in Self.session.enumerated() {
            let context = StoreFixtures.context(minute)
            do {
                switch action {
                case .perform(let command, let durability):
                    do {
                        try outcome.store!.perform(command, context: context, durability: durability)
                    } catch {
                        try outcome.failed(command, context)
                        throw error
                    }
                    try outcome.acknowledge(command, context)
                case .compact:
                    let before = try StoreFixtures.contents(of: outcome.folder)
                    do {
                        try outcome.store!.compact()
                    } catch {
                        if faults == 1 { try assertUntouchedUnlessSwitched(outcome.folder, before: before, after: error) }
                        throw error
                    }
                case .reopen:
                    outcome.store!.close()
                    outcome.store = nil
                    outcome.store = try WorkspaceStore.open(at: outcome.folder, fileSystem: fileSystem)
                }
            } catch {
                outcome.errors.append(error)
                guard continuing else { return outcome }
                if let store = outcome.store, faults == 1 {
                    let onDisk = try WorkspaceStore.open(at: outcome.folder, mode: .readOnly).workspace
                    XCTAssertEqual(onDisk, store.workspace, "right after \(error), the workspace on disk is not the one in memory")
                } else if outcome.store == nil {
                    outcome.store = try retrying { try WorkspaceStore.open(at: outcome.folder, fileSystem: fileSystem) }
                }
            }
        }
        return outcome
    }
}
