@testable import chorus
import ChorusCore
import ChorusGenerator
@testable import ChorusStore
@testable import ChorusUI
import Foundation
import XCTest

/// A manager opens the console on a workspace whose attribution was kept at the last session
/// and goes to the Leaderboard. The whole orders take seconds to read at ten million; the
/// attribution kept for this state carries the figures the Leaderboard and Ledger add up, so
/// they show from it meanwhile — the same rows the loaded history gives — and what names the
/// orders themselves (a ledger row's orders, the next payout run) says it waits for them.
final class KeptAttributionBeforeOrdersTests: XCTestCase {
    private var folder: URL!
    private var session: StoreSession!
    private var console: Console!

    override func setUpWithError() throws {
        folder = try ChorusProcess.temporaryFolder()
        // More orders than `DerivedFigures.backgroundThreshold`, so figures are derived on other threads as at scale.
        let program = SampleProgram.generate(options: GeneratorOptions(creators: 1_500, orders: 24_000, seed: 11,
                                                                       today: SampleWorkspace.anchorDay))
        let store = try WorkspaceStore.create(at: folder.path, workspace: program)
        _ = try store.attribution()  // computed and kept, as the last session's Leaderboard left it
        store.close()
        session = StoreSession(store: try WorkspaceStore.open(at: folder.path, mode: .readWrite, deferringOrderHistory: true))
        console = makeConsole(session)
        _ = console.frame()
    }

    override func tearDownWithError() throws {
        session?.store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    private func makeConsole(_ session: ConsoleSession) -> Console {
        Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default", noColor: true,
                today: SampleWorkspace.anchorDay, size: Size(width: 200, height: 40))
    }

    private var screen: String { console.frame().lines.joined(separator: "\n") }

    @discardableResult
    private func runUntilTheSessionSays(_ prefix: String) -> [String] { console.runUntil(session, says: prefix) }

    /// The console's own background work only (not the session's, which would attach the history).
    private func runUntilTheLedgerIsReady() {
        let deadline = Date().addingTimeInterval(10)
        while session.derived.ledger.value == nil || console.isWorkingInBackground, Date() < deadline {
            _ = console.collectBackgroundWork()
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    /// The table's lines, without the status line (which says what is loading).
    private func body(_ console: Console) -> [String] { Array(console.frame().lines.dropLast()) }

    /// Where the Ledger's PAYABLE cells are on a line: the ten characters ending under the
    /// `header` line's title.
    private func payableColumns(header: String) -> Range<Int> {
        let title = Array(header)
        guard let start = (0...(title.count - 7)).first(where: { String(title[$0..<$0 + 7]) == "PAYABLE" }) else {
            XCTFail("no PAYABLE column in \(header)")
            return 0..<0
        }
        return (start + 7 - 10)..<(start + 7)
    }

    /// The Ledger's PAYABLE cell in `line`.
    private func payable(of line: String, header: String) -> String {
        String(Array(line)[payableColumns(header: header)]).trimmingCharacters(in: .whitespaces)
    }

    /// The Ledger's lines with the PAYABLE cells blanked.
    private func withoutPayable(_ lines: [String]) -> [String] {
        lines.enumerated().map { index, line in
            guard index > 4 else { return line }
            var cells = Array(line)
            let columns = payableColumns(header: lines[4])
            cells.replaceSubrange(columns, with: Array(repeating: "?", count: columns.count))
            return String(cells)
        }
    }

    /// The same screens from a console over the workspace opened whole, every order read.
    private func screensOpenedWhole(keys: [Key]) throws -> [String] {
        let store = try WorkspaceStore.open(at: folder.path, mode: .readOnly)
        defer { store.close() }
        let whole = makeConsole(StoreSession(store: store))
        keys.forEach(whole.press)
        let deadline = Date().addingTimeInterval(10)
        repeat {
            _ = whole.collectBackgroundWork()
            Thread.sleep(forTimeInterval: 0.005)
        } while (whole.isWorkingInBackground || whole.session.derived.ledger.value == nil) && Date() < deadline
        return body(whole)
    }

    func testTheLeaderboardAndLedgerShowFromKeptAttributionWhileTheOrdersLoad() throws {
        console.press(.character("5"))
        let said = runUntilTheSessionSays("attribution kept for this state read")
        XCTAssertEqual(said.first, "loading 24000 orders in the background…", "\(said)")
        runUntilTheLedgerIsReady()

        XCTAssertTrue(session.derived.isLoadingOrders, "the history is still on its way")
        XCTAssertNotNil(session.store.pendingOrderHistory)
        XCTAssertEqual(session.derived.computes.attribution, 0, "nothing was decided again")
        XCTAssertFalse(screen.contains("Loading order history…"), screen)
        XCTAssertEqual(body(console), try screensOpenedWhole(keys: [.character("5")]), "the Leaderboard as the loaded history shows it")

        // The Ledger's figures are the loaded history's; what is payable (what earlier payout
        // runs hold is told apart by order) shows once the orders are here.
        console.press(.character("6"))
        runUntilTheLedgerIsReady()
        let ledgerBeforeOrders = body(console)
        let whole = try screensOpenedWhole(keys: [.character("6")])
        XCTAssertEqual(withoutPayable(ledgerBeforeOrders), withoutPayable(whole), "the Ledger as the loaded history shows it")
        XCTAssertNotEqual(ledgerBeforeOrders, whole)
        XCTAssertTrue(ledgerBeforeOrders.dropFirst(5).allSatisfy { payable(of: $0, header: ledgerBeforeOrders[4]) == "—" }, "\(ledgerBeforeOrders)")

        // What names orders waits for them, and says so.
        console.press(.enter)
        XCTAssertTrue(screen.contains("listed once the order history is loaded"), screen)
        console.press(.escape)
        console.press(.character("$"))
        XCTAssertTrue(screen.contains("the order history is still loading"), screen)
        XCTAssertNil(console.state.prompt, "no payout run is offered")
        console.press(.character("p"))
        XCTAssertTrue(screen.contains("worked out once the order history is loaded"), screen)
        console.press(.escape)

        // The history arrives: the ledger derived from the kept figures stands, and the
        // orders behind a row are listed now.
        let ledgersDerived = session.derived.computes.ledger
        runUntilTheSessionSays("loaded 24000 orders")
        runUntilTheLedgerIsReady()
        XCTAssertFalse(session.derived.isLoadingOrders)
        XCTAssertEqual(session.derived.computes.ledger, ledgersDerived, "the same orders: the ledger is not derived again")
        XCTAssertEqual(session.derived.computes.attribution, 0)
        XCTAssertEqual(body(console), whole, "and what is payable with them")
        console.press(.enter)
        XCTAssertTrue(screen.contains("Total cost"), screen)
        XCTAssertFalse(screen.contains("listed once the order history is loaded"), screen)
    }

    /// Read beside the history's load, the Leaderboard's figures had a third of a core at a
    /// million creators: the history waits until what the panes derive from the kept file is done.
    func testTheHistoryLoadsOnceTheLeaderboardIsDerivedFromKeptAttribution() throws {
        console.press(.character("5"))
        runUntilTheSessionSays("attribution kept for this state read")
        _ = console.frame()  // drawn, as the terminal draws after the news: the Leaderboard asks for its ledger
        XCTAssertTrue(session.derived.isComputing, "the ledger is derived from the kept attribution on another thread")
        let deadline = Date().addingTimeInterval(10)
        while session.derived.isComputing, Date() < deadline {
            XCTAssertNil(session.collectBackgroundWork())
            XCTAssertFalse(session.loadStarted, "the history waits for the Leaderboard's figures")
            _ = console.collectBackgroundWork()
            Thread.sleep(forTimeInterval: 0.002)
        }
        XCTAssertNotNil(session.derived.ledger.value)
        XCTAssertNil(session.collectBackgroundWork())
        XCTAssertTrue(session.loadStarted, "then it loads")
        XCTAssertTrue(runUntilTheSessionSays("loaded 24000 orders").last?.hasPrefix("loaded 24000 orders") == true)
        XCTAssertEqual(session.derived.computes.attribution, 0, "nothing was decided again")
    }

    /// A change while the Leaderboard's figures are derived from the kept file starts other
    /// derivations, and another change more: the history loads at once rather than wait on them.
    func testAChangeWhileTheKeptFiguresAreDerivedStartsTheHistory() throws {
        console.press(.character("5"))
        runUntilTheSessionSays("attribution kept for this state read")
        _ = console.frame()
        XCTAssertTrue(session.derived.isComputing)
        var moved = try XCTUnwrap(session.workspace.creators.first)
        moved.address = PostalAddress(line1: "Kaiserstraße 9", city: "Frankfurt", postalCode: "60311", country: "DE")
        _ = try session.perform(.updateCreator(moved))
        _ = console.frame()  // the ledger of the state after the change is asked for
        XCTAssertNil(session.collectBackgroundWork())
        XCTAssertTrue(session.loadStarted, "the history does not wait for the figures of a state after the one kept")
        XCTAssertTrue(runUntilTheSessionSays("loaded 24000 orders").last?.hasPrefix("loaded 24000 orders") == true)
    }

    /// The change lands after the kept file was asked for, before what it read is taken in:
    /// that is for the state before, so nothing is shown from it.
    func testAChangeBeforeTheKeptReadIsTakenInLeavesItUnused() throws {
        console.press(.character("5"))
        XCTAssertEqual(session.collectBackgroundWork(), "loading 24000 orders in the background…")
        let whole = try WorkspaceStore.open(at: folder.path, mode: .readOnly)
        let credited = try XCTUnwrap(Attribution.compute(whole.workspace).totals.keys.sorted { $0.rawValue < $1.rawValue }.first)
        whole.close()
        var renamed = try XCTUnwrap(session.workspace.creator(credited))
        renamed.linkSlug = "someone-else-entirely"
        _ = try session.perform(.updateCreator(renamed))

        var said: [String] = []
        let deadline = Date().addingTimeInterval(10)
        while session.derived.isLoadingOrders, Date() < deadline {
            if let news = session.collectBackgroundWork() {
                said.append(news)
                console.announce(news)
            }
            _ = console.collectBackgroundWork()
            if session.derived.isLoadingOrders {
                XCTAssertNil(session.derived.ledger.value, "shown from a file for the state before the change")
                XCTAssertNil(session.derived.attribution.value)
            }
            Thread.sleep(forTimeInterval: 0.002)
        }
        XCTAssertFalse(said.contains { $0.hasPrefix("attribution kept") }, "\(said)")
        runUntilTheLedgerIsReady()
        XCTAssertEqual(session.derived.attribution.value?.credits, Attribution.compute(session.store.workspace).credits)
    }

    /// A kept file that outlived the orders it was kept for (an orders file put back from
    /// elsewhere under the same snapshot): the orders, once read, prove its figures wrong, and
    /// what was shown from it is derived again from them.
    func testOrdersThatProveTheKeptFiguresWrongReplaceWhatWasShownFromThem() throws {
        let whole = try WorkspaceStore.open(at: folder.path, mode: .readOnly)
        let computed = Attribution.compute(whole.workspace)
        let position = try XCTUnwrap(computed.credits.firstIndex { $0.outcome == .directByCode })
        let id = whole.workspace.orders[position].id.rawValue
        whole.close()
        let ordersFile = folder.appendingPathComponent(try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.path)
            .first { $0.hasPrefix("orders-") }))
        let text = try String(contentsOf: ordersFile, encoding: .utf8)
        let changed = try NSRegularExpression(pattern: #"(?m)^(\["\#(NSRegularExpression.escapedPattern(for: id))",(?:[^,]*,){4})\d+,"#)
            .stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1987654,")
        XCTAssertNotEqual(changed, text)
        try changed.write(to: ordersFile, atomically: false, encoding: .utf8)

        console.press(.character("5"))
        runUntilTheSessionSays("attribution kept for this state read")
        runUntilTheLedgerIsReady()
        let shownFromTheFile = try XCTUnwrap(session.derived.attribution.value)
        runUntilTheSessionSays("loaded 24000 orders")
        runUntilTheLedgerIsReady()

        let shown = try XCTUnwrap(session.derived.attribution.value)
        let now = Attribution.compute(session.store.workspace)
        XCTAssertNotEqual(shownFromTheFile.totals, now.totals, "the file's figures were not these orders'")
        XCTAssertEqual(shown.totals, now.totals)
        XCTAssertEqual(session.derived.ledger.value?.rows, Ledger(session.store.workspace, attribution: now, today: SampleWorkspace.anchorDay).rows)
        XCTAssertEqual(session.derived.computes.attribution, 1)
    }

    func testAChangeToWhatIsCreditedWhileTheOrdersLoadWaitsForThemAndIsComputedAgain() throws {
        console.press(.character("5"))
        runUntilTheSessionSays("attribution kept for this state read")
        runUntilTheLedgerIsReady()
        XCTAssertNotNil(session.derived.ledger.value)

        // A coordinator gives a credited creator another link slug: the kept figures are for the old state.
        let credited = try XCTUnwrap(session.derived.attribution.value?.totals.keys.sorted { $0.rawValue < $1.rawValue }.first)
        var renamed = try XCTUnwrap(session.workspace.creator(credited))
        renamed.linkSlug = "someone-else-entirely"
        _ = try session.perform(.updateCreator(renamed))
        XCTAssertNil(session.derived.ledger.value)
        XCTAssertNil(session.derived.attribution.value)
        XCTAssertTrue(screen.contains("Loading order history…"), screen)

        runUntilTheSessionSays("loaded 24000 orders")
        runUntilTheLedgerIsReady()
        let shown = try XCTUnwrap(session.derived.attribution.value)
        let computed = Attribution.compute(session.store.workspace)
        XCTAssertEqual(shown.credits, computed.credits)
        XCTAssertEqual(shown.totals, computed.totals)
        XCTAssertEqual(session.derived.computes.attribution, 1, "computed once, for the new state")
    }

    /// An address and a payout email fixed (and the fix undone) credit nobody differently: the
    /// kept figures stand, the ledger is built again from them, and nothing is decided again.
    func testAnAddressFixedWhileTheOrdersLoadKeepsTheKeptFiguresAndDecidesNothingAgain() throws {
        console.press(.character("5"))
        runUntilTheSessionSays("attribution kept for this state read")
        runUntilTheLedgerIsReady()

        let credited = try XCTUnwrap(session.derived.attribution.value?.totals.keys.sorted { $0.rawValue < $1.rawValue }.first)
        var moved = try XCTUnwrap(session.workspace.creator(credited))
        moved.address = PostalAddress(line1: "Kaiserstraße 9", city: "Frankfurt", postalCode: "60311", country: "DE")
        moved.payoutEmail = "payouts@example.com"
        let fixed = try session.perform(.updateCreator(moved))
        XCTAssertNotNil(session.derived.attribution.value, "the kept figures stand")
        _ = try session.perform(fixed.undo)
        XCTAssertNotNil(session.derived.attribution.value, "and stand after the undo")

        runUntilTheSessionSays("loaded 24000 orders")
        runUntilTheLedgerIsReady()
        let shown = try XCTUnwrap(session.derived.attribution.value)
        XCTAssertEqual(shown.credits, Attribution.compute(session.store.workspace).credits)
        XCTAssertEqual(session.derived.computes.attribution, 0, "nothing was decided again")
    }
}
