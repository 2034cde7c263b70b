import Foundation
import XCTest

/// A tmux server of the test's own (a private socket, no config file), for tests that set
/// server options (`set-clipboard`) or read a pane's mouse mode: nothing they change reaches
/// the shared server other tests use. The console runs in window `c`.
final class PrivateTmux {
    let socket = "chorus-e2e-\(UUID().uuidString.prefix(8))"

    deinit { _ = try? run(["kill-server"]) }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try Spawn.run("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null"] + arguments, timeout: 30)
        guard result.status == 0 else { throw Spawn.Failure(description: String(decoding: result.stderr, as: UTF8.self)) }
        return String(decoding: result.stdout, as: UTF8.self)
    }

    /// Starts `chorus arguments` at 120×30 with the end-to-end environment plus `environment`,
    /// and waits for the order history to load (its news would replace a message under test).
    func start(_ arguments: [String], environment: [String: String] = [:]) throws {
        let env = ["CHORUS_NOW=\(ChorusProcess.pinnedNow)", "CHORUS_USER=e2e", "TERM=xterm-256color", "LANG=C.UTF-8"]
            + environment.map { "\($0.key)=\($0.value)" }
        let command = (["env"] + env + [ChorusProcess.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        try run(["new-session", "-d", "-s", "c", "-x", "120", "-y", "30", command + "; echo '[exited]'; sleep 600"])
        try waitFor("loaded ")
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", "c"]) }

    /// Types bytes as the terminal would send them (a mouse report, say).
    func send(_ bytes: String) throws { try run(["send-keys", "-t", "c", "-l", bytes]) }

    func press(_ keys: String...) throws { try run(["send-keys", "-t", "c"] + keys) }

    /// A pane variable such as `mouse_any_flag`.
    func variable(_ name: String) throws -> String {
        try run(["display-message", "-p", "-t", "c", "#{\(name)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var screen = ""
        for _ in 0..<300 {
            screen = try self.screen()
            if screen.contains(text) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out waiting for “\(text)”; the screen was:\n\(screen)", file: file, line: line)
        throw Spawn.Failure(description: "timeout")
    }
}
