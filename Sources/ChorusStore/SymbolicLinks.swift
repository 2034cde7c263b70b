import Foundation

/// A workspace folder that holds a symbolic link is refused before anything in it is opened.
///
/// Zip archives, git checkouts and sync tools can deliver a `lock`, `journal.jsonl` or
/// snapshot file that is really a link to some other file, anywhere on the machine; opening,
/// compacting or taking the lock through it would truncate, chmod or overwrite that file.
/// Every open also refuses links on its own (`O_NOFOLLOW`); this check names them all at once
/// and keeps a read-only open from reading through one. The folder itself may be a link: the
/// person chose where it lives.
enum SymbolicLinks {
    static let refusal = "is a symbolic link, which Chorus never follows (it could point anywhere outside the workspace); "
        + "replace it with a copy of the file it points to, or remove it"

    /// Throws naming the first entry of `folder` that is a symbolic link.
    static func refuse(in folder: String, fileSystem: any FileSystem) throws {
        for name in (try? fileSystem.fileNames(in: folder))?.sorted() ?? [] {
            let path = folder + "/" + name
            if fileSystem.isSymbolicLink(at: path) {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " (to \($0))" } ?? ""
                throw StoreError(.unsafeFile, file: path, refusal.replacingOccurrences(of: "is a symbolic link", with: "is a symbolic link\(target)"))
            }
        }
    }
}
