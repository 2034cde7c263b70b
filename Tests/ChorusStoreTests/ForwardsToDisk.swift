import ChorusStore

/// The disk, for a test double that changes one or two of its operations: the double writes
/// only those, and the rest go to `disk` from here.
protocol ForwardsToDisk: FileSystem {
    var disk: POSIXFileSystem { get }
}

extension ForwardsToDisk {
    func fileExists(at path: String) -> Bool { disk.fileExists(at: path) }
    func readFile(at path: String) throws -> [UInt8] { try disk.readFile(at: path) }
    func readFile(at path: String, offset: Int, count: Int) throws -> [UInt8] { try disk.readFile(at: path, offset: offset, count: count) }
    func createDirectory(at path: String) throws { try disk.createDirectory(at: path) }
    func writeFile(at path: String, bytes: [UInt8]) throws { try disk.writeFile(at: path, bytes: bytes) }
    func appendToFile(at path: String, bytes: [UInt8]) throws { try disk.appendToFile(at: path, bytes: bytes) }
    func truncateFile(at path: String, toLength length: Int) throws { try disk.truncateFile(at: path, toLength: length) }
    func renameFile(from source: String, to destination: String) throws { try disk.renameFile(from: source, to: destination) }
    func syncDirectory(at path: String) throws { try disk.syncDirectory(at: path) }
    func removeFile(at path: String) throws { try disk.removeFile(at: path) }
    func linkFile(at existing: String, to path: String) throws { try disk.linkFile(at: existing, to: path) }
}
