import ChorusCore
@testable import ChorusUI
import XCTest

/// A coordinator renaming three creators in a row in a big program: each rename changes what
/// survey answers credit, so attribution is decided again, on another thread. A computation
/// cannot be stopped once started; started beside the ones still running, each rename would
/// decide every order again at once with the others (at ten million orders, seconds of both
/// cores and hundreds of megabytes each). One runs at a time, and the position the person
/// stands at when it ends is the one decided next.
final class EditsInARowTests: XCTestCase {
    /// More orders than are derived at once, each credited by a survey answer naming a creator.
    private func bigProgram() -> Workspace {
        let sample = Sample.workspace()
        let placed = Timestamp(day: Sample.today, hour: 10)
        let count = DerivedFigures.backgroundThreshold * 3
        let orders = (0..<count).map { number in
            Order(id: OrderID("#\(number)"), email: "buyer\(number)@example.com", financialStatus: "paid", createdAt: placed,
                  subtotal: Money(minorUnits: 2_000, currency: .eur), refunded: .zero(.eur))
        }
        let names = sample.creators.rows.map(\.name)
        let answers = (0..<count).map { number in
            SurveyResponse(id: SurveyResponseID("S-\(number)"), orderID: OrderID("#\(number)"), response: names[number % names.count])
        }
        return Workspace(program: sample.program, waves: sample.waves.rows, creators: sample.creators.rows, enrollments: sample.enrollments.rows,
                         orders: orders, surveyResponses: answers)
    }

    private func rename(_ position: Int, to name: String, in workspace: inout Workspace, recordingIn derived: DerivedFigures) throws {
        var creator = workspace.creators.rows[position]
        creator.name = name
        let command = Command.updateCreator(creator)
        let applied = try workspace.apply(command, context: CommandContext(now: Sample.now, actor: "maria"))
        XCTAssertTrue(command.mayChangeAttribution(replacing: applied), "a rename changes what answers credit")
        derived.record(command, applied: applied)
    }

    private func waitForWhatIsRunning(_ derived: DerivedFigures, needs: Set<DerivedNeed>, _ workspace: Workspace) {
        let deadline = Date().addingTimeInterval(120)
        while derived.isComputing, Date() < deadline {
            if derived.collectFinished() { derived.prepare(needs, workspace: workspace, today: Sample.today) }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }

    func testRenamesInARowDecideAttributionOneAtATimeAndEndOnTheLastState() throws {
        var workspace = bigProgram()
        let derived = DerivedFigures()
        let needs: Set<DerivedNeed> = [.attribution, .ledger]
        derived.prepare(needs, workspace: workspace, today: Sample.today)
        XCTAssertEqual(derived.computes.attribution, 1, "the Leaderboard opened: decided on another thread")
        XCTAssertEqual(derived.computes.ledger, 1)

        // Three renames, each a key press apart, while the first decision still runs.
        for (position, name) in [(0, "Ana Lima-Souza"), (1, "Bo Berg"), (2, "Cleo Marsh")] {
            try rename(position, to: name, in: &workspace, recordingIn: derived)
            derived.prepare(needs, workspace: workspace, today: Sample.today)
        }
        XCTAssertEqual(derived.computes.attribution, 1, "nothing started beside the decision still running")
        XCTAssertEqual(derived.computes.ledger, 1, "nor a second ledger")
        XCTAssertNil(derived.attribution.value, "what was decided before the renames is not shown as theirs")

        waitForWhatIsRunning(derived, needs: needs, workspace)
        XCTAssertEqual(derived.computes.attribution, 2, "once for the opening, once for the state after the last rename")
        XCTAssertEqual(derived.computes.ledger, 2)
        let decided = try XCTUnwrap(derived.attribution.value)
        let fromNothing = Attribution.compute(workspace)
        XCTAssertEqual(decided.credits, fromNothing.credits)
        XCTAssertEqual(decided.totals, fromNothing.totals)
        let ledger = try XCTUnwrap(derived.ledger.value)
        XCTAssertEqual(ledger.rows, Ledger(workspace, attribution: fromNothing, today: Sample.today).rows)
    }

    func testAnEditThatChangesNoCreditStillGetsItsLedgerAfterTheOneRunning() throws {
        var workspace = bigProgram()
        let derived = DerivedFigures()
        let needs: Set<DerivedNeed> = [.attribution, .ledger]
        derived.prepare(needs, workspace: workspace, today: Sample.today)
        waitForWhatIsRunning(derived, needs: needs, workspace)
        XCTAssertEqual(derived.computes.ledger, 1)

        // A stage move asks for a new ledger (stages feed it) but not for new attribution.
        let prospects = workspace.enrollments.filter { $0.waveID == Sample.wave1 && $0.stage == .prospect }.map(\.creatorID)
        XCTAssertGreaterThanOrEqual(prospects.count, 2)
        for creator in prospects.prefix(2) {
            let command = Command.advanceStage(creators: [creator], wave: Sample.wave1)
            derived.record(command, applied: try workspace.apply(command, context: CommandContext(now: Sample.now, actor: "maria")))
            derived.prepare(needs, workspace: workspace, today: Sample.today)
        }
        XCTAssertEqual(derived.computes.ledger, 2, "the second move waits for the first move's ledger")
        waitForWhatIsRunning(derived, needs: needs, workspace)
        XCTAssertEqual(derived.computes.attribution, 1, "neither move changes what is credited")
        XCTAssertEqual(derived.computes.ledger, 3)
        XCTAssertEqual(try XCTUnwrap(derived.ledger.value).rows, Ledger(workspace, attribution: Attribution.compute(workspace), today: Sample.today).rows)
    }

    /// `S` on the Pipeline asks for the ledger once (its budget check counts commission), on a
    /// pane that does not show the ledger: put off while an earlier ledger is made, it is made
    /// after that one all the same.
    func testALedgerAskedForOnceWhileAnEarlierOneIsMadeIsMadeAfterIt() throws {
        var workspace = bigProgram()
        let derived = DerivedFigures()
        derived.prepare([.ledger], workspace: workspace, today: Sample.today)
        try rename(0, to: "Ana Lima-Souza", in: &workspace, recordingIn: derived)
        derived.prepare([.ledger], workspace: workspace, today: Sample.today)
        XCTAssertEqual(derived.computes.ledger, 1, "put off")

        waitForWhatIsRunning(derived, needs: [], workspace)
        XCTAssertEqual(derived.computes.ledger, 2)
        let ledger = try XCTUnwrap(derived.ledger.value, "made for the state after the rename")
        XCTAssertEqual(ledger.rows, Ledger(workspace, attribution: Attribution.compute(workspace), today: Sample.today).rows)
    }

    /// The same through the console's own loop, as the terminal runs it: a rename saved, undone
    /// and redone at once on the Pipeline, then the Leaderboard, which needs only the ledger.
    func testOnTheLeaderboardARenameItsUndoAndRedoEndOnTheFiguresOfTheLastState() throws {
        let console = ConsoleDriver(bigProgram(), size: Size(width: 200, height: 60))
        _ = console.press("5").frame
        settle(console)
        let opened = console.console.attributionComputes

        console.press("1", "e", .tab, "x", .control("s"), "z", "Z", "5")
        _ = console.frame
        XCTAssertEqual(console.console.attributionComputes, opened + 1, "the save's decision runs; the undo and redo wait for it")
        XCTAssertEqual(console.workspace.creators.rows.filter { $0.name.hasSuffix("x") }.count, 1, "the redo stands")

        settle(console)
        XCTAssertEqual(console.console.attributionComputes, opened + 2, "then once for where the redo left it")
        let ledger = try XCTUnwrap(console.session.derived.ledger.value)
        let fromNothing = Ledger(console.workspace, attribution: Attribution.compute(console.workspace), today: Sample.today)
        XCTAssertEqual(ledger.rows, fromNothing.rows)
    }

    /// Takes in background work as the terminal does between key presses, until none is left.
    private func settle(_ console: ConsoleDriver) {
        let deadline = Date().addingTimeInterval(120)
        while console.console.collectBackgroundWork() || console.console.isWorkingInBackground, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.002)
        }
    }
}
