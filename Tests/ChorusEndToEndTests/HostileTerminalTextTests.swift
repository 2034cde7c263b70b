import Foundation
import XCTest

/// A creator's name is text from a CSV anyone could have edited. One that carries an OSC
/// title change, a clear-screen, cursor movement, a carriage return and a bidi override is
/// imported through the CLI and shown in the real console: the pane shows placeholders, the
/// terminal's title is untouched, and the rest of the frame is where it belongs.
final class HostileTerminalTextTests: XCTestCase {
    func testEscapeSequencesInANameAreShownAsPlaceholdersAndNeverReachTheTerminal() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        // The first prospect of Wave 2, the console's first row, gets the hostile name.
        let hostile = "\u{1b}]0;owned\u{07}\u{1b}[2J\u{1b}[5;5HX\rEvil\u{202E}abc"
        let file = workspace.appendingPathExtension("hostile.csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try ("handle,name\nmason.glow25,\"" + hostile + "\"\n").write(to: file, atomically: true, encoding: .utf8)
        let imported = try ChorusProcess.run(["import", "creators", file.path, "--workspace", workspace.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)

        let console = try TmuxSession(columns: 100, rows: 30, arguments: ["open", "--workspace", workspace.path])
        let screen = try console.waitFor("1/99")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix(" Chorus  1 Pipeline"), "the tab bar was not cleared or overwritten:\n\(screen)")
        let row = try XCTUnwrap(lines.first { $0.contains("@mason.glow25") }, screen)
        XCTAssertTrue(row.contains("␛]0;owned␇␛[2J␛[5;5HX␍Evil⇄a…"), "placeholders in place of the controls:\n\(row)")
        XCTAssertTrue(row.contains(" prospect "), "the columns after the name are where they belong:\n\(row)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  @jose.fernandez     José Fernández") }, "the next rows are intact:\n\(screen)")
        XCTAssertFalse(lines.contains { $0.hasPrefix("    X") }, "no cursor movement took effect:\n\(screen)")
        XCTAssertFalse(try console.title().contains("owned"), "the window title is unchanged")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }
}
