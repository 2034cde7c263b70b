import Foundation
import XCTest

/// A creator's name is text from a CSV anyone could have edited. One that carries an OSC
/// title change, a clear-screen, cursor movement, a carriage return and a bidi override is
/// imported through the CLI and shown in the real console, in a listing printed to the
/// terminal, and quoted in an import error: each shows placeholders, the terminal's title is
/// untouched, and the rest of the screen is where it belongs.
final class HostileTerminalTextTests: XCTestCase {
    private var workspace: URL!
    private let hostile = "\u{1b}]0;owned\u{07}\u{1b}[2J\u{1b}[5;5HX\rEvil\u{202E}abc"

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        // The first prospect of Wave 2, the console's first row, gets the hostile name.
        let result = try importCreators("handle,name\nmason.glow25,\"" + hostile + "\"\n")
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    private func importCreators(_ csv: String) throws -> ChorusProcess.Result {
        let file = workspace.appendingPathExtension("hostile.csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        return try ChorusProcess.run(["import", "creators", file.path, "--workspace", workspace.path])
    }

    func testAnImportErrorQuotingAHostileCellShowsPlaceholders() throws {
        let result = try importCreators("handle,email\nnew.one,\"" + hostile + "\"\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("␛]0;owned␇␛[2J␛[5;5HX␍Evil⇄abc' is not an email address"), result.stderr)
        XCTAssertFalse(result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control character reaches stderr")
    }

    func testAListingPrintedToATerminalShowsPlaceholdersButAPipeGetsTheData() throws {
        let arguments = ["list", "creators", "--wave", "W2", "--status", "prospect", "--format", "csv", "--workspace", workspace.path]
        let piped = try ChorusProcess.run(arguments)
        XCTAssertTrue(piped.stdout.contains(hostile), "a script reading the pipe gets the name as stored")

        let terminal = try TmuxSession(columns: 120, rows: 20, arguments: arguments)
        XCTAssertEqual(try terminal.waitForExit(), 0)
        let screen = try terminal.screen()
        XCTAssertTrue(screen.contains("mason.glow25,\"␛]0;owned␇␛[2J␛[5;5HX␍Evil⇄abc\""), screen)
        XCTAssertTrue(screen.hasPrefix("id,handle,name,"), "the screen was not cleared under the header:\n\(screen)")
        XCTAssertFalse(try terminal.title().contains("owned"), "the window title is unchanged")
    }

    func testEscapeSequencesInANameAreShownAsPlaceholdersAndNeverReachTheTerminal() throws {

        let console = try TmuxSession(columns: 100, rows: 30, arguments: ["open", "--workspace", workspace.path])
        let screen = try console.waitFor("1/99")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix(" Chorus  1 Pipeline"), "the tab bar was not cleared or overwritten:\n\(screen)")
        let row = try XCTUnwrap(lines.first { $0.contains("@mason.glow25") }, screen)
        XCTAssertTrue(row.contains("␛]0;owned␇␛[2J␛[5;5HX␍Evil⇄"), "placeholders in place of the controls:\n\(row)")
        XCTAssertTrue(row.contains(" prospect "), "the columns after the name are where they belong:\n\(row)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  @jose.fernandez ") && $0.contains(" José Fernández ") && $0.contains(" prospect ") },
                      "the next rows are intact:\n\(screen)")
        XCTAssertFalse(lines.contains { $0.hasPrefix("    X") }, "no cursor movement took effect:\n\(screen)")
        XCTAssertFalse(try console.title().contains("owned"), "the window title is unchanged")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }
}
