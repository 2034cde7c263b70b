import ChorusStore
import Foundation
import XCTest

/// Two laptops on different Chorus releases share a workspace: what the newer one wrote (a
/// journal entry, or a snapshot after it compacted) makes the older one read-only, saying to
/// upgrade, so it never writes entries that the newer one would apply differently. Reading,
/// reporting and exporting go on.
final class NewerChorusTests: XCTestCase {
    private var workspace: URL!
    private let newer = JournalEntry.currentFormat + 1
    private var upgrade: String { "written by a newer Chorus (format \(newer)); upgrade to write" }

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        XCTAssertEqual(try ChorusProcess.run(["approve", "SU-0119", "--workspace", workspace.path]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    private var journal: URL { workspace.appendingPathComponent("journal.jsonl") }

    /// A colleague's newer Chorus appended an entry of a kind this build has never heard of.
    private func appendEntryFromANewerChorus() throws {
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        let line = #"{"actor":"zoe","at":"2026-11-21T10:00:00Z","command":{"kind":"splitWave","wave":"W1"},"format":\#(newer),"seq":2}"#
        try handle.write(contentsOf: Data(line.utf8 + [0x0A]))
        try handle.close()
    }

    private func assertReadOnly(naming place: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try StoreFixturesOnDisk.contents(of: workspace)
        let refused = try ChorusProcess.run(["approve", "SU-0128", "--workspace", workspace.path])
        XCTAssertEqual(refused.status, 1, file: file, line: line)
        XCTAssertTrue(refused.stderr.contains("\(place): \(upgrade)"), refused.stderr, file: file, line: line)
        XCTAssertEqual(try ChorusProcess.run(["compact", "--workspace", workspace.path]).status, 1, file: file, line: line)

        let listed = try ChorusProcess.run(["list", "submissions", "--format", "csv", "--workspace", workspace.path])
        XCTAssertEqual(listed.status, 0, listed.stderr, file: file, line: line)
        XCTAssertTrue(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("SU-0119,") && $0.contains(",approved,") },
                      "what this build can read is listed", file: file, line: line)
        XCTAssertTrue(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("SU-0128,") && $0.contains(",pending,") }, file: file, line: line)
        let report = try ChorusProcess.run(["report", "attribution", "--workspace", workspace.path])
        XCTAssertEqual(report.status, 0, report.stderr, file: file, line: line)
        let export = try ChorusProcess.run(["export", "codes", "--workspace", workspace.path])
        XCTAssertEqual(export.status, 0, export.stderr, file: file, line: line)
        XCTAssertFalse(export.stdout.isEmpty, file: file, line: line)
        XCTAssertEqual(try StoreFixturesOnDisk.contents(of: workspace), before, "nothing was written", file: file, line: line)
    }

    func testAnEntryFromANewerChorusStopsEveryWriteAndReadsGoOn() throws {
        try appendEntryFromANewerChorus()
        try assertReadOnly(naming: journal.path + ", line 2")
    }

    func testASnapshotANewerChorusCompactedStopsEveryWriteAndReadsGoOn() throws {
        XCTAssertEqual(try ChorusProcess.run(["compact", "--workspace", workspace.path]).status, 0)
        let manifest = workspace.appendingPathComponent("chorus.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        XCTAssertTrue(text.contains(#""journalFormat" : \#(JournalEntry.currentFormat)"#), text)
        try text.replacingOccurrences(of: #""journalFormat" : \#(JournalEntry.currentFormat)"#, with: #""journalFormat" : \#(newer)"#)
            .write(to: manifest, atomically: false, encoding: .utf8)
        try assertReadOnly(naming: manifest.path)
    }

    func testTheConsoleSaysToUpgradeInItsStatusLine() throws {
        try appendEntryFromANewerChorus()
        let console = try TmuxSession(columns: 140, rows: 30, arguments: ["open", "--workspace", workspace.path])
        let screen = try console.waitFor("read-only: " + upgrade)
        XCTAssertTrue(screen.contains("@"), "the pipeline is shown:\n\(screen)")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }
}

/// A workspace folder's files and their bytes, leaving out lock files (which opening touches).
enum StoreFixturesOnDisk {
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where !name.hasSuffix("lock") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}
