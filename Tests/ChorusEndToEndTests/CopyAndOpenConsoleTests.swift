import Foundation
import XCTest

/// `y` and `o` in the real console under tmux. The tmux server here is the test's own (a
/// private socket) with `set-clipboard on`, so an OSC 52 copy lands in tmux's paste buffer
/// where the test can read it; the system opener is a stand-in `xdg-open` on PATH that
/// writes down what it was asked to open.
final class CopyAndOpenConsoleTests: XCTestCase {
    private var workspace: URL!
    private var folder: URL!
    private var tmux: PrivateTmux!

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        workspace = try ChorusProcess.temporaryFolder()
        folder = try ChorusProcess.temporaryFolder("chorus-opener")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        tmux = nil
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: folder)
    }

    /// The console in a private tmux server that takes programs' OSC 52 copies into its buffer.
    private func start(_ environment: [String: String] = [:]) throws {
        tmux = PrivateTmux()
        try tmux.start(["open", "--workspace", workspace.path], environment: environment)
        try tmux.run(["set", "-s", "set-clipboard", "on"])
    }

    func testYPutsTheCursorRowOnTheTerminalsClipboard() throws {
        try start()
        try tmux.press("y")
        let screen = try tmux.waitFor("copied @")
        let copied = try XCTUnwrap(screen.firstMatch(of: /copied (@[^ ]+) \(handle of/)?.1).description
        XCTAssertEqual(try tmux.run(["show-buffer"]), copied, "tmux received the OSC 52 copy")

        try tmux.press("3", "y")
        let draft = try XCTUnwrap(try tmux.waitFor("(draft id)").firstMatch(of: /copied (SU-\d+) \(draft id\)/)?.1).description
        XCTAssertEqual(try tmux.run(["show-buffer"]), draft)
    }

    func testOOpensThePostWithTheSystemOpenerOrShowsItWithoutOne() throws {
        let log = folder.appendingPathComponent("opened.txt")
        let opener = folder.appendingPathComponent("xdg-open")
        try "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '\(log.path)'\n".write(to: opener, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(opener.path, 0o755), 0)
        try start(["DISPLAY": ":0", "PATH": folder.path + ":/usr/bin:/bin"])
        try tmux.press("4", "y")
        let url = try XCTUnwrap(try tmux.waitFor("(post URL of").firstMatch(of: /copied (https:[^ ]+) \(post URL/)?.1).description
        try tmux.press("o")
        try tmux.waitFor("opening \(url)")
        var opened = ""
        for _ in 0..<100 where opened.isEmpty {
            opened = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertEqual(opened, "1\n\(url)\n", "one argument, the link, no shell")
        tmux = nil

        try start(["PATH": folder.path + ":/usr/bin:/bin"])   // no DISPLAY: no browser to show it
        try tmux.press("4", "o")
        try tmux.waitFor("\(url) (no browser to open it from this terminal; y copies it)")
    }
}
