import ChorusCore
@testable import ChorusUI
import XCTest

/// Key sequences and the whole state they leave behind, TCA style: each test builds the
/// expected state by hand and compares all of it.
final class KeySequenceTests: XCTestCase {
    let cleo: CreatorID = "CR-0003", ana: CreatorID = "CR-0001", ben: CreatorID = "CR-0002"

    func testSpaceMarksAndMovesDownThenForwardMovesTheMarkedRows() {
        let console = ConsoleDriver()
        let start = console.state
        console.press(" ", " ")
        var expected = start
        expected.pipeline.marks = [cleo, ana]
        expected.pipeline.cursor = 2
        XCTAssertEqual(console.state, expected)

        console.press(">")
        XCTAssertEqual(console.session.performed, [.advanceStage(creators: [ana, cleo], wave: Sample.wave1)])
        XCTAssertEqual(console.stage(of: "ana.lima"), .invited)
        XCTAssertEqual(console.stage(of: "cleo.glow"), .invited)
        XCTAssertEqual(console.stage(of: "ben_makes"), .prospect, "the cursor row is not touched when rows are marked")
        expected.pipeline.marks = []
        expected.pipeline.cursor = 0   // still on @ben_makes, now first: the prospects sort before the invited
        expected.message = StatusMessage(.success, "moved 2 creators to invited")
        expected.undoStack = [UndoEntry(summary: "moved 2 creators to invited", command: console.state.undoStack[0].command)]
        XCTAssertEqual(console.state, expected)
    }

    func testWithoutMarksAnActionAppliesToTheCursorRow() {
        let console = ConsoleDriver().press("j", "j", "<")
        XCTAssertEqual(console.state.message, StatusMessage(.error, "@ben_makes is already prospect, the first stage"))
        XCTAssertTrue(console.session.performed.isEmpty)
        console.press("i")
        XCTAssertEqual(console.stage(of: "ben_makes"), .invited)
        XCTAssertEqual(console.state.message, StatusMessage(.success, "moved 1 creator to invited"))
    }

    func testInviteRefusesCreatorsWhoAreNotProspects() {
        let console = ConsoleDriver().press(" ", "G", " ", "i")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "only prospects can be invited; @hana.beauty is dropped"))
        XCTAssertTrue(console.session.performed.isEmpty)
        XCTAssertEqual(console.state.pipeline.marks, [cleo, "CR-0008"], "marks stay so the person can fix them")
    }

    func testDropAsksForAReasonAndRefusesAnEmptyOne() {
        let console = ConsoleDriver().press(" ", " ", "d")
        XCTAssertEqual(console.state.prompt, Prompt(.dropReason([ana, cleo], wave: Sample.wave1)))
        console.press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "a reason is required to drop a creator"))
        XCTAssertNotNil(console.state.prompt)
        console.type("audience mismatch").press(.enter)
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(console.stage(of: "ana.lima"), .dropped)
        XCTAssertEqual(console.workspace.enrollment(cleo, in: Sample.wave1)?.exitReason, "audience mismatch")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "marked 2 creators dropped"))
    }

    func testLiveFilterEnterKeepsItEscClearsIt() {
        let console = ConsoleDriver().press("j", "/").type("micro")
        XCTAssertEqual(console.state.pipeline.filter, Filter(text: "micro", isEditing: true))
        XCTAssertEqual(console.state.pipeline.cursor, 0)
        XCTAssertEqual(console.frame.line(1), " Pipeline · Wave 1 (live) · 4 of 8 creators · filter \"micro\" · sort: stage")
        console.press(.backspace, .backspace).type("ro").press(.enter)
        XCTAssertEqual(console.state.pipeline.filter, Filter(text: "micro", isEditing: false))
        console.press("j")
        XCTAssertEqual(console.state.pipeline.cursor, 1, "after Enter, keys drive the list again")
        console.press(.escape)
        XCTAssertEqual(console.state.pipeline.filter, Filter())
        XCTAssertEqual(console.frame.line(1), " Pipeline · Wave 1 (live) · 8 creators · sort: stage               left 5000.00")
    }

    func testFilterMatchesStagesSourcesAndCountries() {
        let console = ConsoleDriver()
        console.press("/").type("invited").press(.enter)
        XCTAssertEqual(console.frame.line(4).prefix(14), "  @dara.skin  ")
        console.press(.escape, "/").type("JP")
        XCTAssertEqual(console.frame.line(4).prefix(15), "  @hana.beauty ")
        console.press(.escape, "/").type("loyalty")
        XCTAssertEqual(console.frame.line(1), " Pipeline · Wave 1 (live) · 1 of 8 creators · filter \"loyalty\" · sort: stage")
    }

    func testUndoAndRedoSayWhatTheyDid() {
        let console = ConsoleDriver().press(" ", " ", ">")
        XCTAssertEqual(console.stage(of: "ana.lima"), .invited)
        console.press("z")
        XCTAssertEqual(console.stage(of: "ana.lima"), .prospect)
        XCTAssertEqual(console.stage(of: "cleo.glow"), .prospect)
        XCTAssertEqual(console.state.message, StatusMessage(.success, "undone: moved 2 creators to invited"))
        XCTAssertEqual(console.state.undoStack, [])
        XCTAssertEqual(console.state.redoStack.map(\.summary), ["moved 2 creators to invited"])
        XCTAssertTrue(console.frame.line(23).hasPrefix(" undone: moved 2 creators to invited"))

        console.press("Z")
        XCTAssertEqual(console.stage(of: "ana.lima"), .invited)
        XCTAssertEqual(console.state.message, StatusMessage(.success, "redone: moved 2 creators to invited"))
        XCTAssertEqual(console.state.undoStack.map(\.summary), ["moved 2 creators to invited"])
        XCTAssertEqual(console.state.redoStack, [])

        console.press("z", "z")
        XCTAssertEqual(console.state.message, StatusMessage(.info, "nothing to undo"))
        XCTAssertEqual(console.session.performed.count, 4, "advance, undo, redo, undo; the last z sends nothing")
    }

    func testANewChangeClearsRedo() {
        let console = ConsoleDriver().press(">", "z")
        XCTAssertEqual(console.state.redoStack.count, 1)
        console.press("j", ">")
        XCTAssertEqual(console.state.redoStack, [])
        console.press("Z")
        XCTAssertEqual(console.state.message, StatusMessage(.info, "nothing to redo"))
    }

    func testEscUnwindsOneLayerAtATime() {
        let console = ConsoleDriver().press("/").type("a").press(.enter, " ", "?")
        let layered = console.state
        XCTAssertEqual(layered.overlay, .help(scroll: 0))
        console.press(":")
        XCTAssertEqual(console.state.prompt, Prompt(.command), "the palette opens over the overlay")

        console.press(.escape)
        var expected = layered
        XCTAssertEqual(console.state, expected, "Esc 1 closes the prompt")
        console.press(.escape)
        expected.overlay = nil
        XCTAssertEqual(console.state, expected, "Esc 2 closes the overlay")
        console.press(.escape)
        expected.pipeline.marks = []
        XCTAssertEqual(console.state, expected, "Esc 3 drops the marks")
        console.press(.escape)
        expected.pipeline.filter = Filter()
        expected.pipeline.cursor = 0
        XCTAssertEqual(console.state, expected, "Esc 4 clears the filter")
        console.press(.escape)
        XCTAssertEqual(console.state, expected, "nothing left to unwind")
        XCTAssertFalse(console.console.wantsQuit)
    }

    func testHelpOpensClosesAndScrolls() {
        let console = ConsoleDriver().press("?")
        XCTAssertEqual(console.state.overlay, .help(scroll: 0))
        console.press("j", "j", "k")
        XCTAssertEqual(console.state.overlay, .help(scroll: 1))
        XCTAssertEqual(console.state.pipeline.cursor, 0, "j scrolls the help, not the list")
        console.press("?")
        XCTAssertNil(console.state.overlay)
    }

    func testMovementKeys() {
        let console = ConsoleDriver(Sample.workspace(extraCreators: PipelineFrameTests.many(60)))
        let page = PipelinePane.tableRows(at: console.state.size)
        XCTAssertEqual(page, 19)
        console.press(.pageDown)
        XCTAssertEqual(console.state.pipeline.cursor, 18)
        console.press(.control("d"))
        XCTAssertEqual(console.state.pipeline.cursor, 27)
        XCTAssertEqual(console.state.pipeline.scroll, 9)
        console.press(.control("u"), .pageUp)
        XCTAssertEqual(console.state.pipeline.cursor, 0)
        console.press("G")
        XCTAssertEqual(console.state.pipeline.cursor, 67)
        XCTAssertEqual(console.state.pipeline.scroll, 49)
        console.press(.down, "g", .up)
        XCTAssertEqual(console.state.pipeline.cursor, 0)
        XCTAssertEqual(console.state.pipeline.scroll, 0)
    }

    func testPanesByDigitAndTab() {
        let console = ConsoleDriver().press("3")
        XCTAssertEqual(console.state.pane, .approvals)
        console.press(.tab, .tab, .tab, .tab, .tab)
        XCTAssertEqual(console.state.pane, .pipeline)
        console.press(.backTab)
        XCTAssertEqual(console.state.pane, .waves)
        console.press(">")
        XCTAssertTrue(console.session.performed.isEmpty, "pipeline keys do nothing on other panes")
    }

    func testPaletteCompletesAndRuns() {
        let console = ConsoleDriver().press(":").type("so").press(.tab)
        XCTAssertEqual(console.state.prompt?.text, "sort ")
        console.type("fo").press(.tab)
        XCTAssertEqual(console.state.prompt?.text, "sort followers")
        console.press(.enter)
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(console.state.pipeline.sort, .followers)
        XCTAssertEqual(console.frame.line(4).prefix(14), "  @dara.skin  ")

        console.press(":").type("wave wave 2").press(.enter)
        XCTAssertEqual(console.state.pipeline.waveID, Sample.wave2)
        XCTAssertEqual(console.frame.line(1), " Pipeline · Wave 2 (planning) · 2 creators · sort: followers       left 5000.00")

        console.press(":").type("advance").press(.enter)
        XCTAssertEqual(console.session.performed, [.advanceStage(creators: [ana], wave: Sample.wave2)])

        console.press(":").type("fly").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "no command \"fly\"; Tab lists them"))
    }

    func testSortAndWaveKeysCycle() {
        let console = ConsoleDriver().press(" ", "s")
        XCTAssertEqual(console.state.pipeline.sort, .score)
        XCTAssertEqual(console.state.message, StatusMessage(.info, "sorted by score"))
        console.press("w")
        XCTAssertEqual(console.state.pipeline.waveID, Sample.wave2)
        XCTAssertEqual(console.state.pipeline.marks, [], "marks belong to a wave")
        console.press("w")
        XCTAssertEqual(console.state.pipeline.waveID, Sample.wave1)
    }

    func testQuitAndCtrlC() {
        XCTAssertTrue(ConsoleDriver().press("q").console.wantsQuit)
        XCTAssertTrue(ConsoleDriver().press("/").press(.control("c")).console.wantsQuit, "Ctrl-c quits even while typing")
        XCTAssertFalse(ConsoleDriver().press("/").type("q").console.wantsQuit, "q while filtering is a letter")
    }
}
