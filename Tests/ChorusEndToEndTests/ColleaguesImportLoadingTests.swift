@testable import chorus
import ChorusCore
@testable import ChorusStore
@testable import ChorusUI
import Foundation
import XCTest

/// The cron job imports last night's orders while the coordinator works the inbox: the
/// console's follow step hands the import to another thread and returns at once, the keys go
/// on working on the workspace as it was, an approval typed meanwhile is kept pending and
/// made once the import has landed, and the console ends where a fresh open of the folder is.
final class ColleaguesImportLoadingTests: XCTestCase {
    private var folder: URL!
    private var session: StoreSession!
    private var console: Console!
    private var cron: WorkspaceStore!

    override func setUpWithError() throws {
        folder = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", folder.path, "--sample"]).status, 0)
        session = StoreSession(store: try WorkspaceStore.open(at: folder.path))
        console = Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default", noColor: true,
                          today: SampleWorkspace.anchorDay, size: Size(width: 160, height: 40))
        _ = console.frame()
        cron = try WorkspaceStore.open(at: folder.path)
    }

    override func tearDownWithError() throws {
        cron?.close()
        session?.store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A night's orders, imported by the cron job as `chorus import orders` does a big export:
    /// staged out of line, one small journal entry naming the batch.
    private func cronImportsOrders() throws {
        let currency = cron.workspace.program.currency
        let orders = (1...5_000).map { index in
            Order(id: OrderID("#9\(100_000 + index)"), email: "night\(index)@example.com", financialStatus: "paid",
                  createdAt: Timestamp(day: SampleWorkspace.anchorDay, hour: 3, minute: 0, second: 0),
                  subtotal: Money(minorUnits: Int64(2_000 + index), currency: currency), refunded: .zero(currency))
        }
        try cron.perform(.importOrders(orders), context: CommandContext(now: Clock.now, actor: "cron"), durability: .snapshot, undoable: false)
    }

    private var draftUnderCursor: SubmissionID? { console.inbox.id(at: console.state.approvals.cursor) }

    /// Turns of the console's loop until the import is on screen (or ten seconds passed).
    private func followUntilTheImportLands(ordersBefore: Int) {
        let deadline = Date().addingTimeInterval(10)
        while session.workspace.orders.count == ordersBefore, Date() < deadline {
            _ = console.followColleagues()
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    func testTheFollowStepReturnsAtOnceAndTheImportLandsLaterWithTheCursorOnItsDraft() throws {
        console.press(.character("3"))
        console.press(.character("j"))
        let held = try XCTUnwrap(draftUnderCursor)
        let ordersBefore = session.workspace.orders.count
        // Someone's compaction is running, so the import's entry waits in the journal to be followed.
        let lease = try XCTUnwrap(FolderCompactionLease.take(folder: folder.path))
        defer { lease.release() }
        try cronImportsOrders()

        XCTAssertTrue(console.followColleagues(), "the status line changed")
        XCTAssertEqual(session.workspace.orders.count, ordersBefore, "the follow step returned without applying the import")
        XCTAssertEqual(session.store.lastSequence, 0)
        let loading = try XCTUnwrap(console.state.message?.text)
        XCTAssertTrue(loading.hasPrefix("loading cron's import (imported orders: 5000 new"), loading)
        XCTAssertTrue(loading.hasSuffix(" in the background…"), loading)

        console.press(.character("j"))
        console.press(.character("k"))
        XCTAssertEqual(draftUnderCursor, held, "keys work on the workspace as it was")
        XCTAssertTrue(console.frame().lines.last?.contains("loading colleagues' work…") ?? false, "the status bar still says it is loading")

        followUntilTheImportLands(ordersBefore: ordersBefore)
        XCTAssertEqual(session.workspace.orders.count, ordersBefore + 5_000)
        XCTAssertEqual(console.state.message?.text, "cron imported orders: 5000 new, 0 updated, 0 unchanged")
        XCTAssertEqual(draftUnderCursor, held, "the cursor stayed on its draft")
        XCTAssertFalse(console.frame().lines.contains { $0.contains("loading colleagues' work…") })
        XCTAssertEqual(session.store.workspace, try WorkspaceStore.open(at: folder.path, mode: .readOnly).workspace,
                       "the console ends where a fresh open of the folder is")
    }

    func testAnApprovalTypedWhileTheImportLoadsIsKeptPendingAndMadeOnceAfterIt() throws {
        console.press(.character("3"))
        let draft = try XCTUnwrap(draftUnderCursor)
        let ordersBefore = session.workspace.orders.count
        try cronImportsOrders()
        _ = console.followColleagues()

        console.press(.character("a"))
        XCTAssertEqual(console.state.message?.kind, .warning)
        // The import was folded into cron's snapshot at once: who did it is known once it is read.
        XCTAssertEqual(console.state.message?.text, "kept as pending until colleagues' changes have loaded; it is done then")
        XCTAssertEqual(console.pendingCommandCount, 1)
        XCTAssertTrue(console.frame().lines.last?.contains("1 pending") ?? false, "the status bar counts it")
        XCTAssertEqual(session.workspace.submission(draft)?.status, .pending, "nothing was applied yet")

        followUntilTheImportLands(ordersBefore: ordersBefore)
        XCTAssertEqual(console.pendingCommandCount, 0)
        XCTAssertEqual(session.workspace.submission(draft)?.status, .approved)
        XCTAssertEqual(console.state.message?.kind, .success, "\(String(describing: console.state.message))")
        XCTAssertTrue(console.state.message?.text.hasPrefix("approved ") ?? false, "\(String(describing: console.state.message))")
        XCTAssertEqual(session.store.lastSequence, 2, "the import, then the approval, each once")
        for _ in 0..<5 { _ = console.followColleagues(); _ = console.performPendingCommands() }
        XCTAssertEqual(session.store.lastSequence, 2, "nothing is sent again")
        XCTAssertEqual(try session.store.history().map(\.actor).last, Clock.actor)
        XCTAssertEqual(session.store.workspace, try WorkspaceStore.open(at: folder.path, mode: .readOnly).workspace)
    }

    func testAnApprovalThatTheNewStateRefusesIsSaidWithWhoDecidedTheDraft() throws {
        console.press(.character("3"))
        let draft = try XCTUnwrap(draftUnderCursor)
        let ordersBefore = session.workspace.orders.count
        let lease = try XCTUnwrap(FolderCompactionLease.take(folder: folder.path))
        defer { lease.release() }
        try cron.perform(.requestChanges([draft], note: "brighter, please"), context: CommandContext(now: Clock.now, actor: "maria"))
        try cronImportsOrders()
        _ = console.followColleagues()
        XCTAssertEqual(session.workspace.submission(draft)?.status, .pending, "maria's request has not arrived with the import yet")

        console.press(.character("a"))
        XCTAssertEqual(console.state.message?.text, "kept as pending until cron's import has loaded; it is done then")
        XCTAssertEqual(console.pendingCommandCount, 1)
        followUntilTheImportLands(ordersBefore: ordersBefore)
        XCTAssertEqual(console.state.message?.kind, .error)
        let refusal = try XCTUnwrap(console.state.message?.text)
        XCTAssertTrue(refusal.hasPrefix("\(draft.rawValue) was "), refusal)
        XCTAssertTrue(refusal.contains(" by maria at "), refusal)
        XCTAssertEqual(session.workspace.submission(draft)?.status, .changesRequested)
        XCTAssertEqual(session.store.lastSequence, 2, "the refused approval was not appended")
    }
}
