import Foundation
import XCTest

/// The README shows every pane as a newcomer will see it: text captured from the real binary
/// in tmux on the demo program, with the clock pinned. This test captures them again and fails
/// when the README has drifted from what the program draws; run it with
/// `CHORUS_UPDATE_README=1` to write the fresh captures into the README instead.
final class ReadmeCapturesTests: XCTestCase {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized
    static let panes = ["1", "2", "3", "4", "5", "6", "7"]
    static let size = (columns: 100, rows: 30)

    func testTheReadmeShowsEveryPaneAsTheProgramDrawsIt() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: Self.size.columns, rows: Self.size.rows, arguments: ["demo", "--workspace", workspace.path])
        // Captures are taken once order history has loaded, so the figures are final.
        try console.waitFor("loaded ", timeout: 30)
        var captures: [String: String] = [:]
        var previous = ""
        for pane in Self.panes {
            try console.press(pane)
            previous = try settledScreen(console, differingFrom: previous)
            captures[pane] = previous
        }
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        if ProcessInfo.processInfo.environment["CHORUS_UPDATE_README"] == "1" {
            for pane in Self.panes { text = try Self.replacingCapture(of: pane, in: text, with: captures[pane]!) }
            try text.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        for pane in Self.panes {
            guard let shown = Self.capture(of: pane, in: text) else {
                XCTFail("README has no capture block for pane \(pane): add \(Self.markers(pane).begin)…\(Self.markers(pane).end)")
                continue
            }
            XCTAssertEqual(shown, captures[pane]!, """
                The README's capture of pane \(pane) no longer matches the program. If the change is intended, refresh \
                the captures: CHORUS_UPDATE_README=1 swift test --filter ReadmeCapturesTests
                """)
        }
    }

    /// The screen once two captures in a row agree and it has changed from `previous`, with
    /// trailing spaces cut (tmux pads lines to the window width).
    private func settledScreen(_ console: TmuxSession, differingFrom previous: String) throws -> String {
        var last = ""
        let settled = try console.waitUntil("the pane to settle") { screen in
            let trimmed = Self.trimmed(screen)
            defer { last = trimmed }
            return trimmed == last && trimmed != previous && !trimmed.contains("computing")
        }
        return Self.trimmed(settled)
    }

    private static func trimmed(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    static func markers(_ pane: String) -> (begin: String, end: String) {
        ("<!-- capture:\(pane):begin -->\n```text\n", "\n```\n<!-- capture:\(pane):end -->")
    }

    static func capture(of pane: String, in text: String) -> String? {
        let (begin, end) = markers(pane)
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else { return nil }
        return String(text[start.upperBound..<stop.lowerBound])
    }

    static func replacingCapture(of pane: String, in text: String, with capture: String) throws -> String {
        let (begin, end) = markers(pane)
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else {
            XCTFail("README has no capture block for pane \(pane): add \(begin)…\(end)")
            return text
        }
        return text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: capture)
    }
}
