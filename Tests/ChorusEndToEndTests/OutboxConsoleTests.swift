import Foundation
import XCTest

/// The follow-up round in the real console: show the late creators, mark three, `m`, choose
/// `late`, read the preview, write; the files are in the outbox and the Pipeline says drafted.
final class OutboxConsoleTests: XCTestCase {
    func testDraftingLateMessagesForThreeMarkedCreatorsWritesTheirFilesAndThePipelineShowsThem() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let console = try TmuxSession(columns: 120, rows: 40, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("Wave 2 — Summer SPF (live) · 99 creators")
        try console.press("L")
        try console.waitFor("34 of 99 creators · late and quiet only")
        try console.press("Space", "Space", "Space")
        try console.waitFor("3 marked")
        try console.press("m")
        try console.waitFor("Message 3 creators")
        try console.type("late")
        try console.press("Enter")
        let preview = try console.waitFor("3 late messages · w writes")
        XCTAssertTrue(preview.contains("Subject: Your content for Wave 2 — Summer SPF was due on 2026-11-16"), preview)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("outbox").path), "nothing is written before w")

        try console.press("w")
        try console.waitFor("drafted 3 late messages for Wave 2 — Summer SPF; written to")
        let folder = workspace.appendingPathComponent("outbox/2026-11-21-late")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files.filter { $0.hasSuffix(".eml") }.count, 3, "\(files)")
        XCTAssertTrue(files.contains("klaviyo.csv"))

        try console.press("g")
        try console.waitFor("Message    late drafted today")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        let late = try ChorusProcess.run(["list", "creators", "--late", "--wave", "W2", "--format", "csv", "--workspace", workspace.path])
        XCTAssertEqual(late.stdout.components(separatedBy: "late drafted today").count - 1, 3, late.stdout)
    }
}
