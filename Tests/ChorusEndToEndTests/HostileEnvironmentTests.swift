import Foundation
import XCTest

/// The CLI run where things around it go wrong: stdout on a full disk, a file-size limit, a
/// permissive umask, a current folder someone else filled, leftovers of a killed compaction,
/// a journal line from a newer Chorus, a `lock` that links out of the folder, a workspace the
/// console may read but not write. Each ends in a sentence and a known exit status, with the
/// workspace (and anything outside it) as it should be.
final class HostileEnvironmentTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        _ = try? shell("chattr -i \"$0\"/lock 2>/dev/null", [workspace.path])
        try? FileManager.default.removeItem(at: workspace)
    }

    /// Runs `script` under /bin/sh with `$0` being the chorus binary and `$@` the arguments.
    private func shell(_ script: String, _ arguments: [String] = []) throws -> ChorusProcess.Result {
        let result = try Spawn.run("/bin/sh", ["-c", script, ChorusProcess.binary.path] + arguments, environment: ChorusProcess.environment())
        return ChorusProcess.Result(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
                                    stderr: String(decoding: result.stderr, as: UTF8.self))
    }

    private func status(of submission: String) throws -> String? {
        let listed = try ChorusProcess.run(["list", "submissions", "--format", "csv", "--workspace", workspace.path]).stdout
        return listed.split(separator: "\n").first { $0.hasPrefix(submission + ",") }.map { String($0.split(separator: ",")[5]) }
    }

    func testAnApprovalWhoseConfirmationCannotBeWrittenIsSavedAndSaysSoInOneLine() throws {
        let result = try shell(#""$0" "$@" > /dev/full"#, ["approve", "SU-0119", "--workspace", workspace.path])
        XCTAssertEqual(result.status, 74, "EX_IOERR, not a crash: \(result.stderr)")
        XCTAssertEqual(result.stderr, "chorus: could not write the output (No space left on device); the command itself finished, "
                       + "and any change it made is saved — check before running it again\n")
        XCTAssertEqual(try status(of: "SU-0119"), "approved", "the approval was made durable before the output failed")

        for arguments in [["list", "creators", "--format", "csv"], ["export", "shipments"], ["check"]] {
            let listed = try shell(#""$0" "$@" > /dev/full"#, arguments + ["--workspace", workspace.path])
            XCTAssertEqual(listed.status, 74, "\(arguments): \(listed.stderr)")
            XCTAssertEqual(listed.stderr.split(separator: "\n").count, 1, "\(arguments): \(listed.stderr)")
        }
        let silenced = try shell(#""$0" "$@" 2> /dev/full"#, ["approve", "SU-9999", "--workspace", workspace.path])
        XCTAssertEqual(silenced.status, 1, "a refusal nobody can hear still exits 1, not with a crash")
    }

    func testAFileSizeLimitNamesTheFileInsteadOfKillingTheCLI() throws {
        let folder = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell(#"ulimit -f 8; exec "$0" "$@""#, ["generate", "--out", folder.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("chorus: \(folder.path)/"), result.stderr)
        XCTAssertTrue(result.stderr.contains(".json: write failed: File too large"), result.stderr)
    }

    func testGeneratedImportFilesGoToAPrivateFolderWhateverTheUmask() throws {
        let folder = try ChorusProcess.temporaryFolder(), files = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: files) }
        let result = try shell(#"umask 000; exec "$0" "$@""#, ["generate", "--creators", "10", "--orders", "10", "--out", folder.path,
                                                              "--import-files", files.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: files.path)[.posixPermissions] as? Int, 0o700)
    }

    /// A demo started from a downloaded folder that carries its own `sample-data/` (or
    /// `Themes/`) uses the installed ones, not that folder's.
    func testTheSampleProgramComesFromTheInstallationNotTheCurrentFolder() throws {
        let untrusted = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: untrusted) }
        let planted = untrusted.appendingPathComponent("sample-data/workspace")
        try FileManager.default.createDirectory(at: planted.deletingLastPathComponent(), withIntermediateDirectories: true)
        XCTAssertEqual(try ChorusProcess.run(["init", planted.path, "--name", "Planted Program"]).status, 0)
        let copy = untrusted.appendingPathComponent("copy")
        let result = try shell(#"cd "$1" && exec "$0" init "$2" --sample"#, [untrusted.path, copy.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let program = try String(contentsOf: copy.appendingPathComponent("program-1.json"), encoding: .utf8)
        XCTAssertFalse(program.contains("Planted Program"), "the copy came from the current folder")
        let creators = try ChorusProcess.run(["list", "creators", "--format", "csv", "--workspace", copy.path]).stdout
        XCTAssertEqual(creators.split(separator: "\n").count, 301, "the installed 300-creator sample")
    }

    func testCheckReportsWhatAnInterruptedCompactionLeftAndCompactRemovesIt() throws {
        let orders = try Data(contentsOf: workspace.appendingPathComponent("orders-1.json"))
        try orders.write(to: workspace.appendingPathComponent("orders-9.json"))
        try orders.write(to: workspace.appendingPathComponent("payoutRuns-9.json"))
        let checked = try ChorusProcess.run(["check", "--workspace", workspace.path])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        let size = String(format: "%.1f MB", Double(orders.count * 2) / 1_000_000)
        XCTAssertTrue(checked.stderr.contains("\(workspace.path): 2 files no snapshot refers to (\(size) in all), left by an interrupted compaction: "
                                              + "orders-9.json ("), checked.stderr)
        XCTAssertTrue(checked.stderr.contains("`chorus compact` removes them"), checked.stderr)

        XCTAssertEqual(try ChorusProcess.run(["compact", "--workspace", workspace.path]).status, 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.path)
        XCTAssertFalse(names.contains { $0.hasSuffix("-9.json") || $0.hasSuffix("-1.json") }, "\(names.sorted())")
        XCTAssertEqual(try ChorusProcess.run(["check", "--workspace", workspace.path]).stderr, "")
    }

    /// A line written by a newer Chorus: every write is refused with the reason, reads work,
    /// and the journal keeps every byte.
    func testAJournalLineFromANewerChorusMakesTheWorkspaceReadOnlyAndIsKept() throws {
        XCTAssertEqual(try ChorusProcess.run(["approve", "SU-0119", "--workspace", workspace.path]).status, 0)
        let journal = workspace.appendingPathComponent("journal.jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"actor":"ana","at":"2026-11-21T10:00:00Z","command":{"teleport":{}},"seq":2}"#.utf8 + [0x0A]))
        try handle.close()
        let before = try Data(contentsOf: journal)

        let refused = try ChorusProcess.run(["approve", "SU-0128", "--workspace", workspace.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(journal.path), line 2: the last entry cannot be read"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("open read-only"), refused.stderr)
        XCTAssertEqual(try status(of: "SU-0119"), "approved", "reading still works")
        XCTAssertEqual(try ChorusProcess.run(["compact", "--workspace", workspace.path]).status, 1)
        let checked = try ChorusProcess.run(["check", "--workspace", workspace.path])
        XCTAssertEqual(checked.status, 1, "a cron job hears that the workspace cannot be written")
        XCTAssertTrue(checked.stderr.contains("line 2: the last entry cannot be read"), checked.stderr)
        XCTAssertEqual(try Data(contentsOf: journal), before, "the unreadable line is never cut")
    }

    func testALockThatLinksOutOfTheFolderIsRefusedAndItsTargetIsUntouched() throws {
        let victim = try ChorusProcess.temporaryFolder("victim")
        defer { try? FileManager.default.removeItem(at: victim) }
        try Data("precious\n".utf8).write(to: victim)
        XCTAssertEqual(chmod(victim.path, 0o644), 0)
        let lock = workspace.appendingPathComponent("lock")
        try? FileManager.default.removeItem(at: lock)
        try FileManager.default.createSymbolicLink(at: lock, withDestinationURL: victim)

        for arguments in [["approve", "SU-0119"], ["list", "creators"], ["compact"]] {
            let result = try ChorusProcess.run(arguments + ["--workspace", workspace.path])
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.stderr.hasPrefix("chorus: \(lock.path): is a symbolic link (to \(victim.path)), which Chorus never follows"), result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: victim), Data("precious\n".utf8))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: victim.path)[.posixPermissions] as? Int, 0o644)
    }

    /// A workspace whose lock cannot be taken for writing (here an immutable lock file, which
    /// even root cannot open for writing) opens in the console read-only, saying so.
    func testTheConsoleOpensAWorkspaceItCannotWriteReadOnlyAndSaysSo() throws {
        guard try shell(#"touch "$1"/lock && chattr +i "$1"/lock"#, [workspace.path, workspace.path]).status == 0 else {
            throw XCTSkip("chattr +i is not available here")
        }
        let console = try TmuxSession(columns: 140, rows: 30, arguments: ["open", "--workspace", workspace.path])
        let screen = try console.waitFor("read-only: this workspace cannot be written")
        XCTAssertTrue(screen.contains("@"), "the pipeline is shown:\n\(screen)")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }
}
