import Foundation
import XCTest

/// A newcomer's first minutes: the README's "Start here" commands, exactly as written. CI runs
/// the test command on a clean clone; this checks the README still says that very command and
/// that its demo command opens the console on the sample program from the project folder.
final class NewcomerTests: XCTestCase {
    private static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The commands of the README's first shell block, without their comments.
    private func startHereCommands() throws -> [String] {
        let readme = try String(contentsOf: Self.project.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "## Start here"))
        let block = try XCTUnwrap(readme.range(of: "```sh\n", range: start.upperBound..<readme.endIndex))
        let end = try XCTUnwrap(readme.range(of: "```", range: block.upperBound..<readme.endIndex))
        return readme[block.upperBound..<end.lowerBound].split(separator: "\n").map { line in
            String(line.split(separator: "#", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
        }
    }

    func testTheReadmeTestCommandIsTheOneCIRuns() throws {
        let commands = try startHereCommands()
        XCTAssertEqual(commands.count, 3, "install, open the demo, run the tests: \(commands)")
        XCTAssertTrue(commands[0].contains("apt-get install -y libncursesw5-dev tmux"), commands[0])
        // The headers the build links (curses, zlib, libpq), tmux and the server the tests use.
        for package in ["libncursesw5-dev", "tmux", "zlib1g-dev", "libpq-dev", "postgresql"] {
            XCTAssertTrue(commands[0].split(separator: " ").contains(Substring(package)), "\(package) in: \(commands[0])")
        }
        XCTAssertEqual(commands[1], "swift run chorus demo")
        let ci = try String(contentsOf: Self.project.appendingPathComponent(".ci/run"), encoding: .utf8)
        XCTAssertTrue(ci.contains("\n\(commands[2]) "), "CI must run the README's test command: \(commands[2])")
    }

    func testTheDemoCommandOpensTheSampleProgramFromTheProjectFolder() throws {
        // `swift run chorus demo` is the built binary run in the project folder with no arguments.
        XCTAssertEqual(try startHereCommands()[1].split(separator: " ").dropFirst(4), [], "no extra arguments to type")
        let console = try TmuxSession(columns: 80, rows: 24, arguments: ["demo"], directory: Self.project.path)
        try console.waitFor("Pipeline · Wave 2")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)
    }
}
