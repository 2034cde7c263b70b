import Foundation
import XCTest

/// `chorus check --repair` on the real binary: refused while a colleague has the workspace
/// open, naming them; with the workspace closed it cuts a torn tail, says so, and checks
/// clean. `chorus check` names a sequence raised by hand in chorus.json.
final class CheckRepairCommandLineTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        XCTAssertEqual(try ChorusProcess.run(["approve", "SU-0119", "--workspace", workspace.path]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    func testRepairWaitsForTheTeamThenCutsATornTail() throws {
        let journal = workspace.appendingPathComponent("journal.jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"actor":"sam","at":"2026-11-21T10:00:00Z","command":{"appro"#.utf8))
        try handle.close()

        // A colleague's console (here a process holding the session lock as a console does).
        let console = Process()
        console.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        console.arguments = ["--shared", workspace.appendingPathComponent("lock").path, "sleep", "2"]
        try console.run()
        Thread.sleep(forTimeInterval: 0.3)
        let refused = try ChorusProcess.run(["check", "--repair", "--workspace", workspace.path])
        console.waitUntilExit()  // the colleague closes their console
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("the workspace is open in process \(console.processIdentifier) ("), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("close every console on it, then try again"), refused.stderr)
        XCTAssertTrue(try String(contentsOf: journal, encoding: .utf8).hasSuffix(#""appro"#), "nothing was done while refused")

        let repaired = try ChorusProcess.run(["check", "--repair", "--workspace", workspace.path])
        XCTAssertEqual(repaired.status, 0, repaired.stderr)
        XCTAssertTrue(repaired.stdout.hasPrefix("repaired: cut an incomplete last entry off journal.jsonl, line 2 (60 bytes; "), repaired.stdout)
        XCTAssertTrue(repaired.stdout.contains("\nok: "), repaired.stdout)
        XCTAssertTrue(try String(contentsOf: journal, encoding: .utf8).hasSuffix("}\n"))
    }

    /// (The sample is in the layout from before segments, checked once a compaction rolls it.)
    func testCheckNamesASequenceRaisedInTheManifest() throws {
        XCTAssertEqual(try ChorusProcess.run(["compact", "--workspace", workspace.path]).status, 0)
        XCTAssertEqual(try ChorusProcess.run(["approve", "SU-0128", "--workspace", workspace.path]).status, 0)
        let manifest = workspace.appendingPathComponent("chorus.json")
        var fields = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any])
        let through = try XCTUnwrap(fields["journalSequence"] as? Int)
        fields["journalSequence"] = through + 1  // as if it held the approval just made
        try JSONSerialization.data(withJSONObject: fields).write(to: manifest)
        let checked = try ChorusProcess.run(["check", "--workspace", workspace.path])
        XCTAssertEqual(checked.status, 1)
        XCTAssertTrue(checked.stderr.contains("chorus.json: says its snapshot includes the journal through entry \(through + 1), "
                                              + "but entry \(through + 1) (by "), checked.stderr)
        XCTAssertTrue(checked.stderr.contains(", line 1) is not in it: the sequence was raised outside Chorus"), checked.stderr)
    }
}
