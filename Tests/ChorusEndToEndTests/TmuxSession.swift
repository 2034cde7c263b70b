import Foundation
import XCTest

/// Drives the real `chorus` binary in a real terminal (tmux): start it at a size, press keys,
/// wait for text on the screen (never fixed sleeps), and read the screen back. On a failed
/// wait the last screen is attached to the failure, so a red test shows what the user saw.
final class TmuxSession {
    let name: String
    private(set) var columns: Int
    private(set) var rows: Int

    /// Starts `chorus arguments` in a new tmux session, in `directory` (tmux's own when nil),
    /// through `launcher` when given (`ip netns exec NAME`: a console on another machine).
    init(columns: Int = 120, rows: Int = 40, arguments: [String], environment: [String: String] = [:], directory: String? = nil,
         launcher: [String] = []) throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed (apt-get install -y tmux)") }
        name = "chorus-e2e-\(UUID().uuidString.prefix(8))"
        self.columns = columns
        self.rows = rows
        var env = ChorusProcess.environment(environment)
        // A terminal and locale only from the test, never inherited from the tmux server's
        // environment (LC_ALL or LC_CTYPE would override LANG; empty means unset).
        env["TERM"] = environment["TERM"] ?? "xterm-256color"
        env["LANG"] = environment["LANG"] ?? "C.UTF-8"
        env["LC_ALL"] = environment["LC_ALL"] ?? ""
        env["LC_CTYPE"] = environment["LC_CTYPE"] ?? ""
        env["NO_COLOR"] = environment["NO_COLOR"] ?? ""  // empty means unset (no-color.org)
        let exports = env.filter { ["CHORUS_NOW", "CHORUS_USER", "TERM", "LANG", "LC_ALL", "LC_CTYPE", "NO_COLOR", "CHORUS_THEME"].contains($0.key) }
            .map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let command = (launcher + [ChorusProcess.binary.path] + arguments).map(Self.quote).joined(separator: " ")
        // Keep the pane after the program exits so its last words and exit status can be read.
        let script = "env \(exports) \(command); status=$?; echo; echo \"[exited with status $status]\"; sleep 600"
        // The first session starts the tmux server; it inherits no descriptor of ours (see Spawn).
        try Self.tmux(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows)]
                      + (directory.map { ["-c", $0] } ?? []) + [script])
    }

    deinit { _ = try? Self.tmux(["kill-session", "-t", name]) }

    static var isAvailable: Bool {
        (try? tmux(["-V"])) != nil
    }

    /// Sends tmux key names (`j`, `Enter`, `Escape`, `Space`, `C-c`, `BTab`).
    func press(_ keys: String...) throws {
        try Self.tmux(["send-keys", "-t", name] + keys)
    }

    /// Types text literally, as a scanner or a person would.
    func type(_ text: String) throws {
        try Self.tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Pastes text as a terminal does for Ctrl-Shift-V, marked as a paste (bracketed) for a
    /// program that asked for that.
    func paste(_ text: String) throws {
        try Self.tmux(["set-buffer", "-b", name, text])
        try Self.tmux(["paste-buffer", "-p", "-d", "-b", name, "-t", name])
    }

    func screen() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-t", name])
    }

    /// The screen with its colours and attributes as escape sequences (capture-pane -e).
    func styledScreen() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    /// The pane's title, which a program could set with an OSC escape sequence.
    func title() throws -> String {
        try Self.tmux(["display-message", "-p", "-t", name, "#{pane_title}"]).trimmingCharacters(in: .newlines)
    }

    func resize(columns: Int, rows: Int) throws {
        self.columns = columns
        self.rows = rows
        try Self.tmux(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    /// Waits until the screen contains `text`, failing with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitUntil("the screen to show “\(text)”", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out after \(Int(timeout)) s waiting for \(what); the screen was:\n\(last)", file: file, line: line)
        throw TimeoutError()
    }

    /// Waits for the program to end and returns its exit status.
    func waitForExit(timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let screen = try waitUntil("the program to exit", timeout: timeout, file: file, line: line) { $0.contains("[exited with status ") }
        let marker = screen.range(of: "[exited with status ")!
        return Int(screen[marker.upperBound...].prefix { $0.isNumber }) ?? -1
    }

    struct TimeoutError: Error {}

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @discardableResult
    private static func tmux(_ arguments: [String]) throws -> String {
        let result = try Spawn.run("/usr/bin/env", ["tmux"] + arguments, timeout: 30)
        guard result.status == 0 else {
            throw Spawn.Failure(description: "tmux \(arguments.first ?? ""): status \(result.status): \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return String(decoding: result.stdout, as: UTF8.self)
    }
}
