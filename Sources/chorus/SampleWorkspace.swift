import ChorusCore
import ChorusGenerator
import ChorusOutbox
import ChorusStore
import Foundation

/// The committed demo program (`sample-data/workspace`), copied so a demo never touches
/// tracked files. When the binary runs outside a checkout, the same program is generated:
/// the generator is deterministic, so both routes give the same workspace.
enum SampleWorkspace {
    static let seed: UInt64 = 7
    static let anchorDay = Day(year: 2026, month: 11, day: 21)!
    /// Who the sample program's message templates are from.
    static let sender = "Kelpie Skin <creators@kelpieskin.eu>"

    static var generatorOptions: GeneratorOptions {
        GeneratorOptions(creators: 300, orders: 4_000, seed: seed, today: anchorDay)
    }

    /// Makes a fresh copy of the sample program at `destination`, which must not hold files.
    static func copy(to destination: URL) throws {
        try prepareEmptyFolder(destination)
        if let source = committedCopy() {
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: destination.path)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
            where name != "lock" && !name.hasPrefix(".") && name != TemplateFolder.folderName {
                let target = destination.appendingPathComponent(name)
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
            }
        } else {
            let store = try WorkspaceStore.create(at: destination, workspace: SampleProgram.generate(options: generatorOptions))
            store.close()
        }
        // The sample's templates are the defaults (a test holds them equal), written private.
        try TemplateFolder(workspaceFolder: destination).writeMissingDefaults(from: sender)
    }

    /// `sample-data/workspace` beside or above the executable, if present.
    static func committedCopy() -> URL? {
        ProjectFolder.locate("sample-data/workspace", containing: "chorus.json")
    }

    /// Writes a generated program into `folder` (checked by `prepareEmptyFolder`) with its
    /// attribution decided and kept while the orders are in memory: otherwise its first open
    /// would read every order to decide it before the Leaderboard shows.
    static func write(generated workspace: Workspace, to folder: URL) throws {
        let store = try WorkspaceStore.create(at: folder, workspace: workspace)
        store.keepAttribution()
        store.close()
    }

    /// Refuses a folder that holds anything, so nothing in it is overwritten, and makes the
    /// folders leading to a new one (`chorus init ~/programs/glow/spring` as `mkdir -p` would).
    static func prepareEmptyFolder(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            return
        }
        guard isDirectory.boolValue else { throw CLIFailure(message: "\(url.path) is a file; give a folder for the workspace") }
        let contents = try FileManager.default.contentsOfDirectory(atPath: url.path)
        if !contents.isEmpty {
            throw CLIFailure(message: "\(url.path) is not empty; give a new or empty folder so nothing in it is overwritten")
        }
    }

    static func makeTemporaryFolder(prefix: String) throws -> URL {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CLIFailure(message: "could not create a folder in \(NSTemporaryDirectory())") }
        return URL(fileURLWithPath: String(cString: made))
    }
}
