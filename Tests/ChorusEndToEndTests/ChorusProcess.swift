import Foundation
import XCTest

/// Runs the built `chorus` binary the way a user or a cron job would, and captures what it says.
struct ChorusProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `chorus` executable built next to this test bundle.
    static var binary: URL {
        let products = Bundle.main.bundleURL
        let candidates = [products.appendingPathComponent("chorus"), products.deletingLastPathComponent().appendingPathComponent("chorus")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static let pinnedNow = "2026-11-21T10:00:00Z"

    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["CHORUS_NOW"] = pinnedNow
        environment["CHORUS_USER"] = "e2e"
        environment["CHORUS_WORKSPACE"] = nil
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    @discardableResult
    static func run(_ arguments: [String], environment extra: [String: String] = [:],
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let result = try Spawn.run(binary.path, arguments, environment: environment(extra), timeout: 120)
        return Result(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
                      stderr: String(decoding: result.stderr, as: UTF8.self))
    }

    static func temporaryFolder(_ name: String = "chorus-e2e") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        return url
    }
}

/// Every file in a folder and its subfolders (`templates/`) with its bytes, to prove a failed
/// command wrote nothing.
func folderContents(_ url: URL) throws -> [String: Data] {
    var contents: [String: Data] = [:]
    // The lock files name whoever held them last (a refused import holds the append lock while it
    // reads); they are not the workspace's data.
    for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where !["lock", "append.lock"].contains(name) {
        let item = url.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: item.path, isDirectory: &isDirectory), isDirectory.boolValue {
            // A folder such as the remembered console settings (`users/`): its files, by their path.
            for (inner, data) in try folderContents(item) { contents[name + "/" + inner] = data }
        } else {
            contents[name] = try Data(contentsOf: item)
        }
    }
    return contents
}
