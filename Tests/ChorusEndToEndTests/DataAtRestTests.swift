import Foundation
import XCTest

/// Workspaces hold home addresses: whichever way the CLI makes one (empty, a copy of the sample
/// program, or after imports and a compaction), the folder is 0700 and every file 0600, even
/// under a permissive umask.
final class DataAtRestTests: XCTestCase {
    func testEveryWorkspaceTheCLIMakesIsPrivate() throws {
        let previous = umask(0o022)  // inherited by the children
        defer { umask(previous) }
        for arguments in [["init"], ["init", "--sample"]] {
            let workspace = try ChorusProcess.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: workspace) }
            XCTAssertEqual(try ChorusProcess.run(arguments + [workspace.path]).status, 0)
            let creators = workspace.appendingPathExtension("creators.csv")
            defer { try? FileManager.default.removeItem(at: creators) }
            try "handle,name\nprivate.person,Private Person\n".write(to: creators, atomically: true, encoding: .utf8)
            XCTAssertEqual(try ChorusProcess.run(["import", "creators", creators.path, "--workspace", workspace.path]).status, 0)
            XCTAssertEqual(try ChorusProcess.run(["compact", "--workspace", workspace.path]).status, 0)

            XCTAssertEqual(try ChorusProcess.run(["outbox", "build", "--kind", "brief", "--wave", "W3", "--write",
                                                  "--workspace", workspace.path]).status, arguments.count == 2 ? 0 : 1)

            XCTAssertEqual(try permissions(workspace.path), 0o700, "\(arguments)")
            let names = try FileManager.default.contentsOfDirectory(atPath: workspace.path)
            XCTAssertTrue(names.contains("chorus.json") && names.contains { $0.hasPrefix("journal") && $0.hasSuffix(".jsonl") }
                          && names.contains("templates"), "\(names)")
            try assertPrivate(workspace, arguments)
        }
    }

    /// Folders 0700 and files 0600, all the way down (templates/, outbox/DATE-KIND/).
    private func assertPrivate(_ folder: URL, _ arguments: [String]) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            XCTAssertEqual(try permissions(url.path), isFolder.boolValue ? 0o700 : 0o600, "\(arguments): \(url.path)")
            if isFolder.boolValue { try assertPrivate(url, arguments) }
        }
    }

    private func permissions(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }
}
