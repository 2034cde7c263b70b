import ChorusCore

/// `journal.trim`: how many bytes of the journal are real entries, written only when a failed
/// append could not take its line back out (the sync failed and so did the truncate).
///
/// The line may be whole on disk, yet its command was reported as failed; replayed on the
/// next open it would be a change nobody was told about, and a retry would apply it twice.
/// While the mark exists, every reader ignores the journal past it, and the next write cuts
/// the file back to it and only then removes the mark.
struct JournalTrimMark {
    static let fileName = "journal.trim"

    let path: String
    let folder: String
    let fileSystem: any FileSystem

    init(folder: String, fileSystem: any FileSystem) {
        self.folder = folder
        path = folder + "/" + Self.fileName
        self.fileSystem = fileSystem
    }

    /// The journal's real length, or nil when there is no mark.
    func read() throws -> Int? {
        guard fileSystem.fileExists(at: path) || fileSystem.isSymbolicLink(at: path) else { return nil }
        let text = String(decoding: try fileSystem.readFile(at: path), as: UTF8.self)
        guard let length = Int(text.trimmingWhitespace), length >= 0 else {
            throw StoreError(.corrupt, file: path, "should hold the journal's length in bytes, as digits")
        }
        return length
    }

    /// Makes the mark durable (the file, then the folder entry).
    func write(_ length: Int) throws {
        try fileSystem.writeFile(at: path, bytes: Array("\(length)\n".utf8))
        try fileSystem.syncDirectory(at: folder)
    }

    /// Removes the mark, durably, once the journal has been cut back to it.
    func remove() throws {
        guard fileSystem.fileExists(at: path) else { return }
        try fileSystem.removeFile(at: path)
        try fileSystem.syncDirectory(at: folder)
    }
}
