import ChorusCore
import Foundation

/// A workspace as the files of a snapshot, held in memory rather than in a folder: how a log
/// kept elsewhere (a database server) stores snapshots in exactly the format a folder does, so
/// that one encoder and one set of golden files serve both.
public enum SnapshotFiles {
    public struct File: Hashable, Sendable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    private static let folder = "/snapshot"

    /// The manifest and every file of a snapshot of `workspace`.
    public static func encode(_ workspace: Workspace) throws -> [File] {
        let files = InMemoryFiles()
        // Its journal lives elsewhere too; the manifest names the segment a folder would start with.
        _ = try Snapshot.write(workspace, to: folder, generation: 1, journalSequence: 0,
                               segments: [JournalSegment(file: JournalFile.fileName, first: 1)], fileSystem: files)
        return files.all.map { File(name: String($0.key.dropFirst(folder.count + 1)), bytes: $0.value) }
            .sorted { $0.name < $1.name }
    }

    /// The workspace that `encode` turned into `files`; a missing or damaged file is a
    /// `StoreError` naming it.
    public static func decode(_ files: [File]) throws -> Workspace {
        let memory = InMemoryFiles()
        for file in files { try memory.writeFile(at: folder + "/" + file.name, bytes: file.bytes) }
        return try Snapshot.read(from: folder, fileSystem: memory).0
    }
}

/// Just enough of a file system for `Snapshot` to write and read one generation in memory.
private final class InMemoryFiles: FileSystem, @unchecked Sendable {
    // @unchecked: every field is read and written under `lock`.
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]

    var all: [String: [UInt8]] { lock.withLock { files } }

    func fileExists(at path: String) -> Bool { lock.withLock { files[path] != nil } }
    func readFile(at path: String) throws -> [UInt8] {
        guard let bytes = lock.withLock({ files[path] }) else { throw StoreError(.io, file: path, "is missing from the snapshot") }
        return bytes
    }
    func readFile(at path: String, offset: Int, count: Int) throws -> [UInt8] {
        let bytes = try readFile(at: path)
        let start = min(offset, bytes.count)
        return Array(bytes[start..<start + min(count, bytes.count - start)])
    }
    func createDirectory(at path: String) throws {}
    func writeFile(at path: String, bytes: [UInt8]) throws { lock.withLock { files[path] = bytes } }
    func appendToFile(at path: String, bytes: [UInt8]) throws { lock.withLock { files[path, default: []] += bytes } }
    func truncateFile(at path: String, toLength length: Int) throws { lock.withLock { files[path] = Array(files[path, default: []].prefix(length)) } }
    func renameFile(from source: String, to destination: String) throws {
        try lock.withLock {
            guard let bytes = files.removeValue(forKey: source) else { throw StoreError(.io, file: source, "is missing from the snapshot") }
            files[destination] = bytes
        }
    }
    func syncDirectory(at path: String) throws {}
    func removeFile(at path: String) throws { _ = lock.withLock { files.removeValue(forKey: path) } }
    func fileNames(in folder: String) throws -> [String] {
        lock.withLock { files.keys.filter { $0.hasPrefix(folder + "/") }.map { String($0.dropFirst(folder.count + 1)) } }
    }
    func isSymbolicLink(at path: String) -> Bool { false }
    func byteCount(at path: String) -> Int? { lock.withLock { files[path]?.count } }
    func networkFileSystem(at path: String) -> String? { nil }
}
