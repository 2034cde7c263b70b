import ChorusCore
@testable import ChorusUI
import XCTest

/// Anyone used to a shell prompt edits a line with the same keys everywhere in the console:
/// the drop reason, the palette, a filter, a form field. The cursor is drawn where it is, a
/// long line scrolls to keep it in view, and a paste lands as text.
final class TextEntryKeyTests: XCTestCase {
    private let alt = { (letter: Character) in Key.alt(.character(letter)) }

    func testAShellUsersKeysEditTheDropReasonInTheMiddle() {
        let console = ConsoleDriver().press("d").type("not a fit for skincare")
        console.press(alt("b"), alt("b"))
        XCTAssertEqual(console.state.prompt?.entry.cursor, 10, "Alt-b twice: before \"for\"")
        console.press(.control("w"))
        XCTAssertEqual(console.state.prompt?.text, "not a for skincare", "Ctrl-w deletes the word before the cursor")
        console.type("good ")
        console.press(.home, .delete, .delete, .delete, .delete)
        XCTAssertEqual(console.state.prompt?.text, "a good for skincare", "Del deletes forward")
        console.press(.control("e"), .backspace, .control("a"), alt("f"), .right, .right)
        XCTAssertEqual(console.state.prompt?.entry.cursor, 3)
        console.type("X").press(.left, .left, .end).type("!")
        XCTAssertEqual(console.state.prompt?.text, "a gXood for skincar!")
        console.press(.control("a"), .right, .control("k"))
        XCTAssertEqual(console.state.prompt?.text, "a", "Ctrl-k keeps what is before the cursor")
        console.type(" reason").press(.control("a"), alt("f"), .control("u"))
        XCTAssertEqual(console.state.prompt?.text, " reason", "Ctrl-u deletes what is before the cursor")
        console.press(alt("d"))
        XCTAssertEqual(console.state.prompt?.text, "", "Alt-d deletes the word after the cursor")
    }

    func testTheCursorIsDrawnOnTheCharacterItIsOn() {
        let console = ConsoleDriver().press("d").type("not a fit")
        let line = console.frame.size.height - 1
        XCTAssertTrue(console.frame.line(line).hasPrefix(" Drop 1 creator — reason: not a fit█   Enter drops"), console.dump)
        console.press(.left, .left, .left)
        let frame = console.frame
        XCTAssertTrue(frame.line(line).hasPrefix(" Drop 1 creator — reason: not a fit   Enter drops"), "no caret block inside the text\n\(console.dump)")
        let fitColumn = frame.column(of: "fit", inRow: line)!
        XCTAssertEqual(frame[fitColumn, line].role, TextEntryView.cursorRole, "the cursor is on the f")
        XCTAssertEqual(frame[fitColumn + 1, line].role, .statusBar)
    }

    func testALongReasonScrollsSoTheCursorAndTheTypingStayInView() {
        let console = ConsoleDriver().press("d")
        let words = (1...30).map { "word\($0)" }.joined(separator: " ")
        console.type(words)
        let line = console.frame.size.height - 1
        var shown = console.frame.line(line)
        XCTAssertTrue(shown.contains("…"), shown)
        XCTAssertTrue(shown.contains("word29 word30█"), "the end of what is typed and the caret are in view: \(shown)")
        XCTAssertTrue(shown.hasPrefix(" Drop 1 creator — reason: "), shown)

        console.press(.home)
        shown = console.frame.line(line)
        XCTAssertTrue(shown.contains("reason: word1 word2 word3"), "Home scrolls back to the start: \(shown)")
        XCTAssertTrue(shown.contains("word8…"), "cut where the field ends: \(shown)")
        XCTAssertFalse(shown.contains("word30"), shown)
        XCTAssertEqual(console.frame[console.frame.column(of: "word1 ", inRow: line)!, line].role, TextEntryView.cursorRole)

        for _ in 0..<12 { console.press(alt("f")) }
        shown = console.frame.line(line)
        XCTAssertTrue(shown.contains("word12"), "the window follows the cursor to the middle: \(shown)")
        XCTAssertFalse(shown.contains("word1 "), shown)
    }

    func testAPasteLandsAsTextAndItsLineBreaksAsSpaces() {
        let console = ConsoleDriver().press("d").type("moved ").press(.paste("to Lisbon\nno longer\tposting"))
        XCTAssertEqual(console.state.prompt?.text, "moved to Lisbon no longer posting")
        console.press(.enter)
        XCTAssertEqual(console.workspace.enrollments.first { $0.exitReason != nil }?.exitReason, "moved to Lisbon no longer posting")
    }

    func testAPasteOutsideAnyFieldRunsNothing() {
        let console = ConsoleDriver()
        let before = console.state
        console.press(.paste("jjdq2"))
        XCTAssertEqual(console.state.pane, before.pane)
        XCTAssertEqual(console.state.pipeline, before.pipeline, "no j, d or 2 from the paste")
        XCTAssertFalse(console.state.wantsQuit)
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(console.state.message?.text, "pasted text goes into a prompt, a filter or a form field; nothing was run")
    }

    func testEscAndAKeyPressedTogetherOutsideAFieldAreBothMeant() {
        let console = ConsoleDriver().press("?")
        XCTAssertNotNil(console.state.overlay)
        console.press(alt("j"))
        XCTAssertNil(console.state.overlay, "the Esc closed the help")
        XCTAssertEqual(console.state.pipeline.cursor, 1, "and j moved down")
    }

    func testEscAndAKeyPressedTogetherInAPromptCloseItAndActOnTheKey() {
        let console = ConsoleDriver().press("d").type("not a")
        console.press(alt("j"))
        XCTAssertNil(console.state.prompt, "the Esc closed the prompt")
        XCTAssertEqual(console.state.pipeline.cursor, 1, "and j moved down")
        XCTAssertTrue(console.session.performed.isEmpty)
    }

    func testTheFilterEditsInPlaceAndMovingTheCursorKeepsTheList() {
        let console = ConsoleDriver().press("j", "j", "/").type("lma")
        console.press(.left, .left).type("i")
        XCTAssertEqual(console.state.pipeline.filter.text, "lima")
        let row = console.state.pipeline.cursor
        console.press("j")   // typed into the filter, not a move
        XCTAssertEqual(console.state.pipeline.filter.text, "lijma")
        console.press(.backspace, .end)
        XCTAssertEqual(console.state.pipeline.filter.text, "lima")
        XCTAssertEqual(console.state.pipeline.cursor, row)
        XCTAssertTrue(console.frame.line(console.frame.size.height - 1).hasPrefix(" /lima█   Enter keeps"), console.dump)
    }

    func testThePaletteLineEditsLikeAShell() {
        let console = ConsoleDriver(size: Size(width: 120, height: 40)).press(":").type("sort folowers")
        console.press(.control("w")).type("followers").press(.control("a"), .delete).type("s")
        XCTAssertEqual(console.state.prompt?.text, "sort followers")
        console.press(.enter)
        XCTAssertEqual(console.state.pipeline.sort, .followers)
    }

    func testAFormFieldIsEditedInTheMiddleAndShowsItsCursor() {
        let console = ConsoleDriver(SeedingSample.workspace(), size: Size(width: 100, height: 30)).press("7", "e")
        XCTAssertEqual(console.state.form?.form.fields[0].text, "Wave 1")
        console.press(.home).type("Spring ").press(.paste("Glow\n"))
        console.press(.end, alt("b"), .backspace)
        XCTAssertEqual(console.state.form?.form.fields[0].text, "Spring Glow Wave1")
        let y = console.frame.row(containing: "Spring Glow Wave1")!
        XCTAssertEqual(console.frame[console.frame.column(of: "1", inRow: y)! , y].role, TextEntryView.cursorRole, console.dump)
        console.press(.control("s"))
        XCTAssertEqual(console.workspace.wave(Sample.wave1)?.name, "Spring Glow Wave1")
    }

    func testWordsAreLettersAndDigitsForAltMovesAndSpacesForCtrlW() {
        var entry = TextEntry("#ad @glow-skin, 2×SKU")
        XCTAssertTrue(entry.edit(.alt(.character("b"))))
        XCTAssertEqual(entry.cursor, 18, "Alt-b stops at the start of SKU")
        XCTAssertTrue(entry.edit(.alt(.backspace)))
        XCTAssertEqual(entry.text, "#ad @glow-skin, SKU", "Alt-Backspace deletes 2×")
        XCTAssertTrue(entry.edit(.control("w")))
        XCTAssertEqual(entry.text, "#ad SKU", "Ctrl-w deletes back to the space")
        XCTAssertTrue(entry.edit(.home))
        XCTAssertTrue(entry.edit(.alt(.character("f"))))
        XCTAssertEqual(entry.cursor, 3, "Alt-f stops after ad")
        XCTAssertFalse(entry.edit(.up), "↑ is not an editing key")
        XCTAssertFalse(entry.edit(.alt(.character("x"))))
    }
}
