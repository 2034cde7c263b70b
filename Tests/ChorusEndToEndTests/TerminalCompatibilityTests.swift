import Foundation
import XCTest

/// The console under every terminal a coordinator might have: each opens with a sane frame or
/// explains itself, `NO_COLOR` sends no colour, a non-UTF-8 locale gets ASCII only, and a
/// storm of resizes ends in the same frame a fresh console draws.
final class TerminalCompatibilityTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    private func console(_ environment: [String: String] = [:], columns: Int = 100, rows: Int = 30, workspace: URL? = nil) throws -> TmuxSession {
        try TmuxSession(columns: columns, rows: rows, arguments: ["open", "--workspace", (workspace ?? self.workspace).path], environment: environment)
    }

    /// The frame's fixed parts: tab bar on top, pane title, and the status bar's row count last.
    private func assertSaneFrame(_ screen: String, _ label: String, rows: Int = 30, file: StaticString = #filePath, line: UInt = #line) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(rows).map(String.init)
        XCTAssertEqual(lines.count, rows, label, file: file, line: line)
        XCTAssertTrue(lines.first?.hasPrefix(" Chorus  1 Pipeline  2 Seeding") ?? false, "\(label): tab bar\n\(screen)", file: file, line: line)
        XCTAssertTrue(lines.count > 1 && lines[1].contains("sort: stage"), "\(label): pane title\n\(screen)", file: file, line: line)
        XCTAssertTrue(lines.last?.hasSuffix("1/99") ?? false, "\(label): status bar on the last row\n\(screen)", file: file, line: line)
    }

    func testEachTerminalTypeOpensWithASaneFrameOrExplains() throws {
        for term in ["xterm-256color", "xterm", "screen", "vt100", "linux"] {
            let console = try console(["TERM": term])
            try console.waitFor("sort: stage")
            assertSaneFrame(try console.waitFor("1/99"), "TERM=\(term)")
            try console.press("q")
            XCTAssertEqual(try console.waitForExit(), 0, "TERM=\(term)")
        }
        let dumb = try console(["TERM": "dumb"])
        XCTAssertEqual(try dumb.waitForExit(), 1)
        XCTAssertTrue(try dumb.screen().contains("the console needs a full-screen terminal, and TERM=dumb cannot move the cursor"))
        print("terminals checked: xterm-256color, xterm, screen, vt100, linux, dumb (refused with a message), NO_COLOR, LANG=C")
    }

    func testNoColorSendsNoColour() throws {
        let colourful = try console()
        try colourful.waitFor("1/99")
        let styled = try colourful.styledScreen()
        XCTAssertTrue(Self.hasColour(styled), "the default theme has colour, so the check below means something:\n\(styled.debugDescription.prefix(300))")
        try colourful.press("q")
        _ = try colourful.waitForExit()

        let plain = try console(["NO_COLOR": "1"])
        assertSaneFrame(try plain.waitFor("1/99"), "NO_COLOR")
        XCTAssertFalse(Self.hasColour(try plain.styledScreen()), "NO_COLOR: no foreground or background colour")
        try plain.press("q")
        XCTAssertEqual(try plain.waitForExit(), 0)
    }

    func testANonUTF8LocaleGetsASCIIOnly() throws {
        let console = try console(["LANG": "C"])
        let screen = try console.waitFor("1/99")
        assertSaneFrame(screen, "LANG=C")
        XCTAssertTrue(screen.unicodeScalars.allSatisfy(\.isASCII), "only ASCII reaches a non-UTF-8 terminal:\n\(screen)")
        XCTAssertTrue(screen.contains("Pipeline . Wave 2 - Summer SPF (live) . 99 creators . sort: stage"), screen)
        XCTAssertTrue(screen.contains("Jose Fernandez"), "accents dropped, letters kept:\n\(screen)")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }

    func testFiftyResizesInTwoSecondsEndInTheFrameAFreshConsoleDraws() throws {
        let stormy = try console()
        try stormy.waitFor("1/99")
        var random = SystemRandomNumberGenerator()
        let started = Date()
        for index in 0..<50 {
            try stormy.resize(columns: Int.random(in: 40...160, using: &random), rows: Int.random(in: 8...50, using: &random))
            let due = started.addingTimeInterval(Double(index + 1) * 0.04)
            if due > Date() { Thread.sleep(until: due) }
        }
        try stormy.resize(columns: 100, rows: 30)

        let copy = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        XCTAssertEqual(try ChorusProcess.run(["init", copy.path, "--sample"]).status, 0)
        let fresh = try console(workspace: copy)
        assertSaneFrame(try fresh.waitFor("1/99"), "fresh")
        try stormy.waitUntil("the frame a fresh console draws") { $0 == (try? fresh.screen()) }
        for session in [stormy, fresh] {
            try session.press("q")
            XCTAssertEqual(try session.waitForExit(), 0)
        }
    }

    /// SGR colour parameters: 30–37, 39, 40–47, 49, 90–97, 100–107, 38;… and 48;….
    private static func hasColour(_ styled: String) -> Bool {
        styled.range(of: #"\x1b\[[0-9;]*(?<![0-9])(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m"#, options: .regularExpression) != nil
    }
}
