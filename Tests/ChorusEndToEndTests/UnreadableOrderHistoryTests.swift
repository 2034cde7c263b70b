@testable import chorus
import ChorusCore
import ChorusGenerator
@testable import ChorusStore
@testable import ChorusUI
import Foundation
import XCTest

/// A snapshot's orders file damaged on disk (a bad block, a hand edit) while everything else is
/// whole: the console opens on the rest, as it always does before the history is in, then says
/// where the history could not be read. The panes over orders say so instead of "loading" for
/// the rest of the session, the Pipeline is still prepared, and a command that needs the orders
/// is refused with the same reason, changing nothing.
final class UnreadableOrderHistoryTests: XCTestCase {
    private var folder: URL!
    private var session: StoreSession!
    private var console: Console!

    override func setUpWithError() throws {
        folder = try ChorusProcess.temporaryFolder()
        // Enough creators that the Pipeline prepares its columns on another thread.
        let program = SampleProgram.generate(options: GeneratorOptions(creators: 6_000, orders: 2_000, seed: 3, today: SampleWorkspace.anchorDay))
        try WorkspaceStore.create(at: folder.path, workspace: program).close()
        try damageTheFourthLineOfTheOrdersFile()
        session = StoreSession(store: try WorkspaceStore.open(at: folder.path, mode: .readWrite, deferringOrderHistory: true))
        console = Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default", noColor: true,
                          today: SampleWorkspace.anchorDay, size: Size(width: 200, height: 40))
        _ = console.frame()
    }

    override func tearDownWithError() throws {
        session?.store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    private var ordersFileName: String {
        get throws {
            try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("orders-") })
        }
    }

    /// The file as it was before the damage.
    private var wholeOrdersFile: Data!

    private func damageTheFourthLineOfTheOrdersFile() throws {
        let file = folder.appendingPathComponent(try ordersFileName)
        wholeOrdersFile = try Data(contentsOf: file)
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        lines[3] = ##"["#1003",oops],"##
        try lines.joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)
    }

    @discardableResult
    private func runUntilTheSessionSays(_ prefix: String) -> [String] { console.runUntil(session, says: prefix) }

    private var screen: String { console.frame().lines.joined(separator: "\n") }

    func testThePanesSayWhereTheHistoryCouldNotBeReadAndTheRestOfTheConsoleWorks() throws {
        // On the Leaderboard, the Pipeline's columns wait for the figures the person waits for.
        console.press(.character("5"))
        let said = runUntilTheSessionSays("could not load the order history")
        let failure = try XCTUnwrap(said.last, "the session said nothing: \(said)")
        XCTAssertTrue(failure.contains("\(try ordersFileName), line 4"), failure)

        XCTAssertTrue(screen.contains("order history could not be read: "), screen)
        XCTAssertTrue(screen.contains("chorus check says more"), screen)
        XCTAssertFalse(screen.contains("Loading order history"), screen)
        console.press(.character("6"))
        XCTAssertTrue(screen.contains("order history could not be read: "), screen)

        // Nothing is on its way any more: the Pipeline's columns for every creator, which waited
        // while figures over orders were coming, are made, and the console is idle.
        let deadline = Date().addingTimeInterval(10)
        while console.isWorkingInBackground, Date() < deadline {
            _ = console.collectBackgroundWork()
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertFalse(console.isWorkingInBackground)
        XCTAssertFalse(console.table.columnsAwaitPreparation(creatorsGeneration: session.derived.creatorsRevision))
        console.press(.character("1"))
        XCTAssertTrue(screen.contains("Pipeline"), screen)

        // A command that needs the orders reads them again, and is refused with the same reason.
        let before = session.store.lastSequence
        XCTAssertThrowsError(try session.perform(.importOrders([]))) { error in
            XCTAssertTrue("\(error)".contains("line 4"), "\(error)")
        }
        XCTAssertEqual(session.store.lastSequence, before, "nothing was journaled")
        XCTAssertNotNil(session.derived.orderHistoryProblem)
    }

    /// A colleague who read the history before it was damaged imports an order: this console
    /// cannot apply it without the history, so it stops following, and says so in the status
    /// bar for as long as that lasts, not once.
    func testAColleaguesOrderThatCannotBeFollowedLeavesTheStatusBarSayingSo() throws {
        let damaged = try Data(contentsOf: folder.appendingPathComponent(try ordersFileName))
        try wholeOrdersFile.write(to: folder.appendingPathComponent(try ordersFileName))
        let colleague = try WorkspaceStore.open(at: folder.path)
        defer { colleague.close() }
        try damaged.write(to: folder.appendingPathComponent(try ordersFileName))
        let currency = colleague.workspace.program.currency
        let order = Order(id: OrderID("#99001"), email: "night@example.com", financialStatus: "paid",
                          createdAt: Timestamp(day: SampleWorkspace.anchorDay, hour: 3, minute: 0, second: 0),
                          subtotal: Money(minorUnits: 2_500, currency: currency), refunded: .zero(currency))
        try colleague.perform(.importOrders([order]), context: CommandContext(now: Clock.now, actor: "maria"), durability: .journal)

        let deadline = Date().addingTimeInterval(10)
        while session.notFollowing == nil, Date() < deadline {
            _ = console.followColleagues()
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertTrue(session.notFollowing?.contains("line 4") ?? false, session.notFollowing ?? "still following")
        _ = console.followColleagues()
        console.press(.character("j"))
        XCTAssertTrue(console.frame().lines.last?.contains("not following colleagues") ?? false, console.frame().lines.last ?? "")
    }
}
