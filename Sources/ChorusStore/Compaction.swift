import ChorusCore
import Foundation

/// A new snapshot generation written from the workspace as it was when the compaction began.
///
/// It begins by rolling the journal to a new segment under the append lock; the files are
/// written outside any lock; `finish` switches the manifest under the lock again.
///
/// Writing a million orders takes seconds, and a coordinator must not wait for it: the files
/// can be written on another thread (they are new files nothing refers to yet) while the
/// store goes on journaling commands, and `WorkspaceStore.finish(_:)` then makes them current
/// on the store's own thread, keeping the journal entries performed meanwhile.
public final class Compaction: @unchecked Sendable {
    // @unchecked: `outcome` is written by the writing thread and read by the store's, always
    // under `lock`; everything else is immutable (the workspace is a value copy).
    let workspace: Workspace
    let folder: String
    /// The snapshot generation it writes (`orders-<generation>.json`).
    public let generation: Int
    /// The last journal entry this snapshot includes.
    let journalSequence: Int
    private let fileSystem: any FileSystem
    /// The manifest in place when it began, listing the segment appended to meanwhile: it
    /// becomes current only if the manifest is still this one.
    let rolled: Manifest
    /// Files that hold a collection's file byte for byte, by collection (see `SavedRows`):
    /// linked rather than written again.
    let reusing: [String: ReusedFile]
    private let lock = NSLock()
    private var outcome: Result<Snapshot.Files, Error>?

    init(workspace: Workspace, folder: String, generation: Int, journalSequence: Int, rolled: Manifest, reusing: [String: ReusedFile] = [:],
         fileSystem: any FileSystem) {
        self.rolled = rolled
        self.reusing = reusing
        self.workspace = workspace
        self.folder = folder
        self.generation = generation
        self.journalSequence = journalSequence
        self.fileSystem = fileSystem
    }

    /// Writes and syncs the files; call it once, on any thread.
    public func writeFiles() {
        let result = Result {
            try Snapshot.writeFiles(workspace, to: folder, generation: generation, reusing: reusing, fileSystem: fileSystem)
        }
        lock.withLock { outcome = result }
    }

    /// Whether `writeFiles()` has finished, well or not.
    public var isWritten: Bool { lock.withLock { outcome != nil } }

    func writtenFiles() throws -> Snapshot.Files {
        guard let outcome = lock.withLock({ outcome }) else {
            throw StoreError(.io, file: folder, "snapshot generation \(generation) is still being written")
        }
        return try outcome.get()
    }

    func removeFiles() { Self.removeFiles(of: generation, in: folder, fileSystem: fileSystem) }

    static func removeFiles(of generation: Int, in folder: String, fileSystem: any FileSystem) {
        for name in Snapshot.fileKinds {
            try? fileSystem.removeFile(at: folder + "/" + Manifest.fileName(name, generation: generation))
        }
    }
}
