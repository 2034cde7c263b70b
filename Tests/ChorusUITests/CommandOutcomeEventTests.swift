import ChorusCore
@testable import ChorusUI
import XCTest

/// A key that changes the workspace only asks for the change (an effect); what came of it
/// arrives back as an event, and `update` alone records it: the undo stack, the marks, the
/// message, the form. Each step asserts the whole state, TestStore style: send, expect the
/// effect, feed its result, expect the state.
final class CommandOutcomeEventTests: XCTestCase {
    /// The effects besides the request for derived figures that follows every event.
    private func sent(_ effects: [Effect]) -> [Effect] {
        effects.filter { if case .derive = $0 { false } else { true } }
    }

    /// Carries a command out as the console does, and says what came of it as the event it sends.
    private func carryOut(_ effect: Effect, on session: InMemorySession) -> ConsoleEvent {
        guard case .command(let command, let intent) = effect else { preconditionFailure("not a command: \(effect)") }
        do {
            let applied = try session.perform(command)
            return .commandApplied(CommandOutcome(command: command, intent: intent, summary: applied.summary, undo: applied.undo))
        } catch {
            return .commandRefused(command, intent, reason: "\(error)")
        }
    }

    func testAStageMoveOnMarkedRowsComesBackAsAnEventThatFillsTheUndoStackAndClearsTheMarks() {
        let console = ConsoleDriver().press(" ", " ")
        var state = console.state
        let marked = state.pipeline.marks.sorted()
        XCTAssertEqual(marked.count, 2)

        // Send the key: nothing changes yet but the old message; the change is asked for.
        var expected = state
        expected.message = nil
        let effects = sent(update(&state, .key(">"), context: console.console.updateContext))
        XCTAssertEqual(state, expected)
        XCTAssertEqual(effects, [.command(.advanceStage(creators: marked, wave: Sample.wave1), .plain)])

        // Feed the result: it goes on the undo stack, every pane's marks clear, it is said.
        let event = carryOut(effects[0], on: console.session)
        guard case .commandApplied(let outcome) = event else { return XCTFail("applied: \(event)") }
        expected.undoStack = [UndoEntry(summary: outcome.summary, command: outcome.undo)]
        expected.pipeline.marks = []
        expected.message = StatusMessage(.success, outcome.summary)
        XCTAssertEqual(sent(update(&state, event, context: console.console.updateContext)), [])
        XCTAssertEqual(state, expected)

        // z asks for the undo entry's command, marked as an undo; its outcome moves the entry to redo.
        expected.message = nil
        let undo = sent(update(&state, .key("z"), context: console.console.updateContext))
        XCTAssertEqual(state, expected)
        XCTAssertEqual(undo, [.command(outcome.undo, .undo(outcome.summary))])
        let undone = carryOut(undo[0], on: console.session)
        guard case .commandApplied(let back) = undone else { return XCTFail("undone: \(undone)") }
        expected.undoStack = []
        expected.redoStack = [UndoEntry(summary: outcome.summary, command: back.undo)]
        expected.message = StatusMessage(.success, "undone: \(outcome.summary)")
        XCTAssertEqual(sent(update(&state, undone, context: console.console.updateContext)), [])
        XCTAssertEqual(state, expected)
        XCTAssertEqual(console.session.performed.count, 2, "the stage move and its undo, nothing else")
    }

    func testARefusedSaveKeepsTheFormOpenWithTheRefusalAtItsFieldAndAnAppliedOneClosesIt() {
        let console = ConsoleDriver().press("e").type("x")
        var state = console.state
        XCTAssertNotNil(state.form, console.dump)
        let save = sent(update(&state, .key(.control("s")), context: console.console.updateContext))
        guard case .command(let command, .save)? = save.first, save.count == 1 else { return XCTFail("Ctrl-s saves the form: \(save)") }

        // A refusal (a colleague took the handle meanwhile, say) is said, and goes next to its field.
        let reason = "a creator with the handle @ana.lima already exists"
        var expected = state
        expected.message = StatusMessage(.error, reason)
        expected.form?.refuse(reason)
        XCTAssertEqual(sent(update(&state, .commandRefused(command, .save, reason: reason), context: console.console.updateContext)), [])
        XCTAssertEqual(state, expected)
        XCTAssertNotNil(state.form)
        XCTAssertEqual(state.undoStack, [], "nothing to undo after a refusal")

        // Applied, the form closes and the change can be undone.
        let event = carryOut(save[0], on: console.session)
        guard case .commandApplied(let outcome) = event else { return XCTFail("applied: \(event)") }
        expected.form = nil
        expected.undoStack = [UndoEntry(summary: outcome.summary, command: outcome.undo)]
        expected.message = StatusMessage(.success, outcome.summary)
        XCTAssertEqual(sent(update(&state, event, context: console.console.updateContext)), [])
        XCTAssertEqual(state, expected)
    }

    func testWhatTheConsoleCarriesOutArrivesThroughUpdate() {
        // The same round trip through the real console: the key, the command, the outcome.
        let console = ConsoleDriver().press(">")
        XCTAssertEqual(console.session.performed.count, 1)
        XCTAssertEqual(console.state.undoStack.count, 1)
        XCTAssertEqual(console.state.message?.kind, .success)
        console.press("z")
        XCTAssertEqual(console.state.message?.text.hasPrefix("undone: "), true, console.dump)
        XCTAssertEqual([console.state.undoStack.count, console.state.redoStack.count], [0, 1])
        console.press("z")
        XCTAssertEqual(console.state.message, StatusMessage(.info, "nothing to undo"))
        XCTAssertEqual(console.session.performed.count, 2, "nothing was sent for an empty undo stack")
    }
}
