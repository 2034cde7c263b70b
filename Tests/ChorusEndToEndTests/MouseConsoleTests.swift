import Foundation
import XCTest

/// The mouse in the real console under tmux: the console turns mouse reporting on (and off
/// again when it quits), a click selects a row or a tab and the wheel scrolls, typed as the
/// SGR reports a terminal sends (`ESC [ < button ; column ; row M`, then `m` on release);
/// `--no-mouse` leaves reporting off, so the terminal's own selection keeps working.
final class MouseConsoleTests: XCTestCase {
    private var workspace: URL!
    private var tmux: PrivateTmux!

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        tmux = PrivateTmux()
    }

    override func tearDownWithError() throws {
        tmux = nil
        try? FileManager.default.removeItem(at: workspace)
    }

    /// A left click at a 1-based column and row, press and release.
    private func click(_ column: Int, _ row: Int) throws {
        try tmux.send("\u{1B}[<0;\(column);\(row)M\u{1B}[<0;\(column);\(row)m")
    }

    func testClicksSelectARowAndATabAndTheWheelScrolls() throws {
        try tmux.start(["open", "--workspace", workspace.path])
        XCTAssertEqual(try tmux.variable("mouse_any_flag"), "1", "the console asked for mouse reports")
        XCTAssertEqual(try tmux.variable("mouse_sgr_flag"), "1", "in the SGR encoding, which has no column limit")

        let lines = try tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
        let firstRow = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  @") })
        try click(5, firstRow + 1 + 2)   // the third creator
        try tmux.waitFor("3/99")
        try tmux.send("\u{1B}[<65;20;10M")   // wheel down
        try tmux.waitFor("6/99")

        let tabs = String(lines[0])
        let seeding = try XCTUnwrap(tabs.range(of: "2 Seeding")).lowerBound
        try click(tabs.distance(from: tabs.startIndex, to: seeding) + 2, 1)
        try tmux.waitFor("Seeding · Wave 2")

        try tmux.press("q")
        try tmux.waitFor("[exited]")
        XCTAssertEqual(try tmux.variable("mouse_any_flag"), "0", "mouse reporting is handed back on quitting")
    }

    func testNoMouseLeavesTheTerminalsSelectionAlone() throws {
        try tmux.start(["open", "--no-mouse", "--workspace", workspace.path])
        XCTAssertEqual(try tmux.variable("mouse_any_flag"), "0")
        XCTAssertEqual(try tmux.variable("mouse_standard_flag"), "0")
        try tmux.press("q")
        try tmux.waitFor("[exited]")
    }
}
