import Foundation

/// The real file system, through POSIX calls, so durability is explicit: data is synced before
/// a write returns and folders are synced after renames. Foundation's file APIs neither sync
/// nor let the caller choose permissions regardless of umask.
public struct POSIXFileSystem: FileSystem {
    public init() {}

    public func fileExists(at path: String) -> Bool { access(path, F_OK) == 0 }

    public func readFile(at path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("open", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io("stat", path) }
        // Uninitialized, so a 200 MB snapshot file is touched once (by read), not zeroed first.
        return try [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, filled in
            while filled < buffer.count {
                let count = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw StoreError.io("read", path) }
                if count == 0 { break }  // the file shrank while being read: keep what was there
                filled += count
            }
        }
    }

    public func createDirectory(at path: String) throws {
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw StoreError.io("mkdir", path) }
        guard chmod(path, 0o700) == 0 else { throw StoreError.io("chmod", path) }
    }

    public func writeFile(at path: String, bytes: [UInt8]) throws {
        let fd = try openPrivate(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
        defer { close(fd) }
        try writeAll(fd, bytes, path)
        guard fsync(fd) == 0 else { throw StoreError.io("fsync", path) }
    }

    public func appendToFile(at path: String, bytes: [UInt8]) throws {
        let fd = try openPrivate(path, flags: O_WRONLY | O_CREAT | O_APPEND)
        defer { close(fd) }
        try writeAll(fd, bytes, path)
        guard Self.dataSync(fd) == 0 else { throw StoreError.io("fdatasync", path) }
    }

    public func truncateFile(at path: String, toLength length: Int) throws {
        let fd = try openPrivate(path, flags: O_WRONLY | O_CREAT)
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw StoreError.io("truncate", path) }
        guard fsync(fd) == 0 else { throw StoreError.io("fsync", path) }
    }

    public func renameFile(from source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else { throw StoreError.io("rename to \(destination)", source) }
    }

    public func syncDirectory(at path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("open folder", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.io("fsync folder", path) }
    }

    public func removeFile(at path: String) throws {
        if unlink(path) != 0, errno != ENOENT { throw StoreError.io("unlink", path) }
    }

    /// Opens (creating with 0600) and sets 0600 explicitly, since `open`'s mode is masked by umask.
    private func openPrivate(_ path: String, flags: Int32) throws -> Int32 {
        let fd = open(path, flags | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io("open", path) }
        guard fchmod(fd, 0o600) == 0 else {
            let code = errno
            close(fd)
            throw StoreError.io("chmod", path, errno: code)
        }
        return fd
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], _ path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw StoreError.io("write", path) }
                written += count
            }
        }
    }

    private static func dataSync(_ fd: Int32) -> Int32 {
        #if os(Linux)
        return fdatasync(fd)
        #else
        return fsync(fd)
        #endif
    }
}
