import ChorusStore

/// The real file system, except that one kind of operation on matching paths fails, the way a
/// full disk or a yanked drive would: for proving that failures leave workspaces intact.
struct FailingFileSystem: FileSystem {
    /// `writeMidway` fails a file written piece by piece after its first piece is on disk.
    enum Operation: Sendable { case write, writeMidway, append, truncate, rename, syncDirectory }

    let operation: Operation
    /// Only paths containing this fail; empty matches all.
    let pathContaining: String
    private let real = POSIXFileSystem()

    init(failing operation: Operation, pathContaining: String = "") {
        self.operation = operation
        self.pathContaining = pathContaining
    }

    private func check(_ kind: Operation, _ path: String) throws {
        if kind == operation, pathContaining.isEmpty || path.contains(pathContaining) {
            throw StoreError(.io, file: path, "injected \(kind) failure")
        }
    }

    func fileExists(at path: String) -> Bool { real.fileExists(at: path) }
    func readFile(at path: String) throws -> [UInt8] { try real.readFile(at: path) }
    func readFile(at path: String, offset: Int, count: Int) throws -> [UInt8] { try real.readFile(at: path, offset: offset, count: count) }
    func createDirectory(at path: String) throws { try real.createDirectory(at: path) }
    func removeFile(at path: String) throws { try real.removeFile(at: path) }

    func writeFile(at path: String, bytes: [UInt8]) throws {
        try check(.write, path)
        try real.writeFile(at: path, bytes: bytes)
    }

    func writeFile(at path: String, pieces: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        try check(.write, path)
        var written = 0
        try real.writeFile(at: path) { write in
            try withoutActuallyEscaping(write) { write in
                try pieces { piece in
                    if written > 0 { try check(.writeMidway, path) }
                    try write(piece)
                    written += 1
                }
            }
        }
    }

    func appendToFile(at path: String, bytes: [UInt8]) throws {
        try check(.append, path)
        try real.appendToFile(at: path, bytes: bytes)
    }

    func truncateFile(at path: String, toLength length: Int) throws {
        try check(.truncate, path)
        try real.truncateFile(at: path, toLength: length)
    }

    func renameFile(from source: String, to destination: String) throws {
        try check(.rename, destination)
        try real.renameFile(from: source, to: destination)
    }

    func syncDirectory(at path: String) throws {
        try check(.syncDirectory, path)
        try real.syncDirectory(at: path)
    }
}
