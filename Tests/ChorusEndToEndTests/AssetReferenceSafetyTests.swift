import Foundation
import XCTest

/// Asset references (post URLs, file paths from a creator's upload) are text from outside:
/// Chorus displays them and never runs them; only a checked web link is ever handed to the
/// desktop's opener, on a key press. The surest proof is that the program
/// contains no way to start another program or hand a path to the desktop, so this test
/// reads every source file and fails if one appears — a Library pane that wants an "open"
/// key has to come through here and argue for it.
final class AssetReferenceSafetyTests: XCTestCase {
    func testNoSourceFileCanStartAProgramOrOpenAReference() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        // As free functions or types, not as methods (a seeded generator's `fork()` is fine).
        let launchers = ["posix_spawn", "execv", "execl", "fork\\(", "system\\(", "popen\\(", "Process\\(", "NSWorkspace", "xdg-open", "openURL"]
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL })
            .filter { ["swift", "h", "c"].contains($0.pathExtension) }
        XCTAssertGreaterThan(files.count, 50)
        // Argued exceptions. `chorus bench` starts Python's csv module reading the benchmark's
        // own generated export (the baseline its import figure is a ratio against) and chorus
        // itself importing it (to time a console's keys meanwhile): fixed programs, paths the
        // benchmark made, never text from a workspace, all in one place (BenchmarkProcess).
        // `o` in the Library and `O` in Approvals hand a post or draft link to the desktop's
        // opener: only a checked http(s) link (WebLink), as one argument with no shell, only in
        // a graphical session, detached from the console's terminal (see SystemOpener).
        let allowed = ["BenchmarkProcess.swift": ["Process\\("], "SystemOpener.swift": ["posix_spawn", "xdg-open"]]
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for launcher in launchers where !(allowed[file.lastPathComponent] ?? []).contains(launcher)
                && text.range(of: #"(?<![.\w])(?<!func )"# + launcher, options: .regularExpression) != nil {
                XCTFail("\(file.lastPathComponent) uses \(launcher)")
            }
        }
    }
}
