import Foundation
import XCTest

/// A coordinator's theme, working wave and carrier survive quitting: they live in the
/// workspace's per-user settings (`users/<login>.json`), not in the program's data, and a
/// damaged settings file is set aside with a notice instead of keeping anyone out.
final class RememberedSettingsConsoleTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    private var settingsFile: URL { workspace.appendingPathComponent("users/e2e.json") }

    private func open(_ extra: [String] = []) throws -> TmuxSession {
        let console = try TmuxSession(columns: 120, rows: 30, arguments: ["open", "--workspace", workspace.path] + extra)
        try console.waitFor("sort: stage")
        try console.waitFor("loaded ")   // the order history, whose news would replace a message under test
        return console
    }

    func testThemeWaveAndCarrierAreRememberedAfterQuitting() throws {
        let first = try open()
        let defaultTabBar = try first.styledScreen().split(separator: "\n").first.map(String.init)
        try first.press("t")
        let theme = try XCTUnwrap(try first.waitFor("theme ").firstMatch(of: /theme ([a-z-]+)/)?.1).description
        try first.press("2")
        try first.waitFor("Seeding · Wave 2")
        try first.press("f")
        try first.waitFor("queued parcels")
        try first.press("s")
        try first.waitFor("with carrier: UPS")
        try first.press("Tab", "Tab", "Tab")
        try first.waitFor("with carrier: DHL")
        try first.press("Enter")
        try first.waitFor("DHL tracking:")
        try first.press("Escape", "1", "w")
        try first.waitFor("Pipeline · Wave 3")
        let themedTabBar = try first.styledScreen().split(separator: "\n").first.map(String.init)
        XCTAssertNotEqual(themedTabBar, defaultTabBar, "the new theme paints differently")
        try first.press("q")
        XCTAssertEqual(try first.waitForExit(), 0)

        let saved = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: settingsFile)) as? [String: String])
        XCTAssertEqual(saved, ["theme": theme, "wave": "W3", "carrier": "DHL"])
        let listed = try ChorusProcess.run(["check", "--workspace", workspace.path])
        XCTAssertEqual(listed.status, 0, "the settings are no part of the program's data: \(listed.stderr)")

        let again = try open()
        try again.waitFor("Pipeline · Wave 3")
        XCTAssertEqual(try again.styledScreen().split(separator: "\n").first.map(String.init), themedTabBar, "the theme came back")
        try again.press("2", "w", "w")   // Wave 3 has no parcels; back round to Wave 2
        try again.waitFor("Seeding · Wave 2")
        try again.press("f")
        try again.waitFor("queued parcels")
        try again.press("s")
        try again.waitFor("with carrier: DHL")
        try again.press("Escape", "q")
        XCTAssertEqual(try again.waitForExit(), 0)
    }

    func testAThemeGivenForOneSessionIsNotRemembered() throws {
        let console = try open(["--theme", "mono"])
        try console.press("w", "q")
        XCTAssertEqual(try console.waitForExit(), 0)
        let saved = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: settingsFile)) as? [String: String])
        XCTAssertNil(saved["theme"], "--theme mono was for that session only: \(saved)")
        XCTAssertEqual(saved["wave"], "W3")
    }

    func testADamagedSettingsFileIsIgnoredWithANotice() throws {
        try FileManager.default.createDirectory(at: settingsFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"theme\": \"light\", \"wave\": ".utf8).write(to: settingsFile)
        let console = try TmuxSession(columns: 160, rows: 30, arguments: ["open", "--workspace", workspace.path])
        try console.waitFor("your settings in users/e2e.json could not be read (not a settings file); using the defaults")
        try console.press("w", "q")
        XCTAssertEqual(try console.waitForExit(), 0)
        let saved = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: settingsFile)) as? [String: String])
        XCTAssertNotNil(saved["wave"], "saved afresh once a setting changed")
    }
}
