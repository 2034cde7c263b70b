import ChorusStore

/// The real file system, except that one kind of operation on matching paths fails, the way a
/// full disk or a yanked drive would: for proving that failures leave workspaces intact.
struct FailingFileSystem: ForwardsToDisk {
    /// `writeMidway` fails a file written piece by piece after its first piece is on disk.
    enum Operation: Sendable { case write, writeMidway, append, truncate, rename, syncDirectory }

    let operation: Operation
    /// Only paths containing this fail; empty matches all.
    let pathContaining: String
    let disk = POSIXFileSystem()

    init(failing operation: Operation, pathContaining: String = "") {
        self.operation = operation
        self.pathContaining = pathContaining
    }

    private func check(_ kind: Operation, _ path: String) throws {
        if kind == operation, pathContaining.isEmpty || path.contains(pathContaining) {
            throw StoreError(.io, file: path, "injected \(kind) failure")
        }
    }

    func writeFile(at path: String, bytes: [UInt8]) throws {
        try check(.write, path)
        try disk.writeFile(at: path, bytes: bytes)
    }

    func writeFile(at path: String, pieces: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        try check(.write, path)
        var written = 0
        try disk.writeFile(at: path) { write in
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
        try disk.appendToFile(at: path, bytes: bytes)
    }

    func truncateFile(at path: String, toLength length: Int) throws {
        try check(.truncate, path)
        try disk.truncateFile(at: path, toLength: length)
    }

    func renameFile(from source: String, to destination: String) throws {
        try check(.rename, destination)
        try disk.renameFile(from: source, to: destination)
    }

    func syncDirectory(at path: String) throws {
        try check(.syncDirectory, path)
        try disk.syncDirectory(at: path)
    }
}
