import Foundation

/// `append.lock`: held by one process at a time, and only around one append — catching up
/// with the journal, writing one line and syncing it, a few milliseconds — never for a session.
///
/// `flock(2)` rather than a lock file's existence, so the kernel releases it when its holder
/// dies mid-append. The descriptor stays open for the life of the log, and each log opens its
/// own, so two stores in one process exclude each other as two processes do.
final class AppendLock {
    static let fileName = "append.lock"

    let path: String
    private var descriptor: Int32 = -1

    init(folder: String) { path = folder + "/" + Self.fileName }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Runs `body` holding the lock, waiting up to `wait` seconds for it; past that, throws
    /// `StoreError.Kind.locked` naming the process that holds it.
    func holding<T>(wait: Double, _ body: () throws -> T) throws -> T {
        let fd = try openDescriptor()
        let deadline = Date().addingTimeInterval(wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else { throw StoreError.io("flock", path, errno: code) }
            guard Date() < deadline else {
                let waited = wait == wait.rounded() ? "\(Int(wait)) s" : String(format: "%.1f s", wait)
                throw StoreError(.locked, file: path, "\(holder()) has been writing to the journal for over \(waited); "
                                 + "nothing was changed — try again, or set CHORUS_LOCK_WAIT to wait longer")
            }
            usleep(1_000)
        }
        defer { flock(fd, LOCK_UN) }
        // Who holds it, for the message above; advisory, so a failed write is not an error. Cut
        // to its length: a longer pid left by an earlier holder would otherwise trail it.
        var pid = "\(getpid())\n".utf8.map { $0 }
        _ = pid.withUnsafeMutableBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(fd, off_t(pid.count))
        return try body()
    }

    private func openDescriptor() throws -> Int32 {
        if descriptor >= 0 { return descriptor }
        // Never through a link, never a FIFO or device (see `WorkspaceLock`).
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else { throw POSIXFileSystem.openFailure(path) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw POSIXFileSystem.notAPlainFile(path)
        }
        descriptor = fd
        return fd
    }

    private func holder() -> String {
        guard let bytes = try? POSIXFileSystem().readFile(at: path),
              let pid = Int(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { return "another Chorus process" }
        return "process \(pid)"
    }
}

/// `compact.lock`: whoever takes it may write a snapshot; nobody waits for it, since one
/// compaction at a time is enough and a process that finds it taken simply does not compact.
final class FolderCompactionLease: CompactionLease {
    static let fileName = "compact.lock"
    private var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    static func take(folder: String) -> FolderCompactionLease? {
        let fd = open(folder + "/" + fileName, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return FolderCompactionLease(descriptor: fd)
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
