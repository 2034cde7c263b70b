import Foundation
import XCTest

/// Line editing in the real console under a real terminal: Alt arrives as Esc and a key, a
/// paste arrives between the terminal's paste markers, and the cursor is drawn where it is.
final class TextEntryConsoleTests: XCTestCase {
    func testShellKeysAndABracketedPasteEditTheDropReasonAt80x24() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: 80, rows: 24, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("sort: stage")

        // A paste with nothing open runs nothing: no j, no q.
        try console.paste("jjq")
        try console.waitFor("pasted text goes into a prompt")
        XCTAssertTrue(try console.screen().contains(" 1/"), "the cursor is still on the first row")

        try console.press("d")
        try console.waitFor("reason:")
        try console.type("not a fit for skincare")
        try console.press("M-b", "M-b", "C-w")
        try console.waitFor("reason: not a for skincare")
        try console.paste("good\nfit ")
        try console.waitFor("reason: not a good fit for skincare   Enter drops")
        try console.press("Home", "DC", "DC", "DC", "DC", "End", "BSpace")
        try console.waitFor("reason: a good fit for skincar█")
        try console.press("Escape")
        try console.waitFor("sort: stage")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }
}
