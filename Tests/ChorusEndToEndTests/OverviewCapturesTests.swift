import Foundation
import XCTest

/// The README shows the program overview and the cohort view as a manager sees them at 80×24
/// and 200×60: captured from the real binary in tmux on the demo program, clock pinned, like
/// `ReadmeCapturesTests` (and refreshed the same way, with `CHORUS_UPDATE_README=1`).
final class OverviewCapturesTests: XCTestCase {
    static let views = [(name: "overview", keys: ["v"]), (name: "cohorts", keys: ["v", "v"])]
    static let sizes = [(columns: 80, rows: 24), (columns: 200, rows: 60)]

    func testTheReadmeShowsTheOverviewAndCohortsAsTheProgramDrawsThem() throws {
        var captures: [(marker: String, screen: String)] = []
        for size in Self.sizes {
            let workspace = try ChorusProcess.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: workspace) }
            let console = try TmuxSession(columns: size.columns, rows: size.rows, arguments: ["demo", "--workspace", workspace.path])
            try console.waitFor("loaded ", timeout: 30)
            for view in Self.views {
                // The live wave (the second) against the first.
                try console.press("7")
                try console.press("g")
                try console.press("j")
                for key in view.keys { try console.press(key) }
                let heading = view.name == "overview" ? "against" : "Cohorts by tier"
                var last = ""
                let settled = try console.waitUntil("the \(view.name) to settle") { screen in
                    defer { last = screen }
                    return screen == last && screen.contains(heading) && !screen.contains("computing")
                }
                captures.append(("\(view.name)-\(size.columns)x\(size.rows)", Self.trimmed(settled)))
                // Back to the brief for the next view: v cycles brief → overview → cohorts.
                for _ in view.keys.count..<3 { try console.press("v") }
                try console.waitFor("v overview")
            }
            try console.press("q")
            XCTAssertEqual(try console.waitForExit(), 0)
        }
        for capture in captures where capture.marker.hasPrefix("overview") {
            XCTAssertTrue(capture.screen.contains("ROI on margin"), capture.screen)
            XCTAssertTrue(capture.screen.contains("committed"), capture.screen)
        }

        var text = try String(contentsOf: ReadmeCapturesTests.readme, encoding: .utf8)
        if ProcessInfo.processInfo.environment["CHORUS_UPDATE_README"] == "1" {
            for capture in captures { text = try ReadmeCapturesTests.replacingCapture(of: capture.marker, in: text, with: capture.screen) }
            try text.write(to: ReadmeCapturesTests.readme, atomically: true, encoding: .utf8)
            return
        }
        for capture in captures {
            XCTAssertEqual(ReadmeCapturesTests.capture(of: capture.marker, in: text), capture.screen, """
                The README's capture \(capture.marker) no longer matches the program. If the change is intended, refresh \
                it: CHORUS_UPDATE_README=1 swift test --filter OverviewCapturesTests
                """)
        }
    }

    private static func trimmed(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}
