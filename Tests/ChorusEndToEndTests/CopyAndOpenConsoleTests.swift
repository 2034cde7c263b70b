import Foundation
import XCTest

/// `y` and `o` in the real console under tmux. The tmux server here is the test's own (a
/// private socket) with `set-clipboard on`, so an OSC 52 copy lands in tmux's paste buffer
/// where the test can read it; the system opener is a stand-in `xdg-open` on PATH that
/// writes down what it was asked to open.
final class CopyAndOpenConsoleTests: XCTestCase {
    private var workspace: URL!
    private var folder: URL!
    private let socket = "chorus-e2e-clip-\(UUID().uuidString.prefix(8))"

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        workspace = try ChorusProcess.temporaryFolder()
        folder = try ChorusProcess.temporaryFolder("chorus-opener")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try Spawn.run("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null"] + arguments, timeout: 30)
        guard result.status == 0 else { throw Spawn.Failure(description: String(decoding: result.stderr, as: UTF8.self)) }
        return String(decoding: result.stdout, as: UTF8.self)
    }

    /// Starts the console in the private tmux server with `environment` added.
    private func start(_ environment: [String: String] = [:]) throws {
        let env = ["CHORUS_NOW=\(ChorusProcess.pinnedNow)", "CHORUS_USER=e2e", "TERM=xterm-256color", "LANG=C.UTF-8"]
            + environment.map { "\($0.key)=\($0.value)" }
        let command = (["env"] + env + [ChorusProcess.binary.path, "open", "--workspace", workspace.path]).map { "'\($0)'" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", "c", "-x", "120", "-y", "30", command + "; sleep 600"])
        try tmux(["set", "-s", "set-clipboard", "on"])
        try waitFor("loaded ")
    }

    @discardableResult
    private func waitFor(_ text: String) throws -> String {
        var screen = ""
        for _ in 0..<300 {
            screen = try tmux(["capture-pane", "-p", "-t", "c"])
            if screen.contains(text) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out waiting for “\(text)”; the screen was:\n\(screen)")
        throw Spawn.Failure(description: "timeout")
    }

    func testYPutsTheCursorRowOnTheTerminalsClipboard() throws {
        try start()
        try tmux(["send-keys", "-t", "c", "y"])
        let screen = try waitFor("copied @")
        let copied = try XCTUnwrap(screen.firstMatch(of: /copied (@[^ ]+) \(handle of/)?.1).description
        XCTAssertEqual(try tmux(["show-buffer"]), copied, "tmux received the OSC 52 copy")

        try tmux(["send-keys", "-t", "c", "3", "y"])
        let draft = try XCTUnwrap(try waitFor("(draft id)").firstMatch(of: /copied (SU-\d+) \(draft id\)/)?.1).description
        XCTAssertEqual(try tmux(["show-buffer"]), draft)
    }

    func testOOpensThePostWithTheSystemOpenerOrShowsItWithoutOne() throws {
        let log = folder.appendingPathComponent("opened.txt")
        let opener = folder.appendingPathComponent("xdg-open")
        try "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '\(log.path)'\n".write(to: opener, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(opener.path, 0o755), 0)
        try start(["DISPLAY": ":0", "PATH": folder.path + ":/usr/bin:/bin"])
        try tmux(["send-keys", "-t", "c", "4", "y"])
        let url = try XCTUnwrap(try waitFor("(post URL of").firstMatch(of: /copied (https:[^ ]+) \(post URL/)?.1).description
        try tmux(["send-keys", "-t", "c", "o"])
        try waitFor("opening \(url)")
        var opened = ""
        for _ in 0..<100 where opened.isEmpty {
            opened = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertEqual(opened, "1\n\(url)\n", "one argument, the link, no shell")
        try tmux(["kill-server"])

        try start(["PATH": folder.path + ":/usr/bin:/bin"])   // no DISPLAY: no browser to show it
        try tmux(["send-keys", "-t", "c", "4", "o"])
        try waitFor("\(url) (no browser to open it from this terminal; y copies it)")
    }
}
