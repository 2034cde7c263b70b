import Foundation

/// The real file system, through POSIX calls, so durability is explicit: data is synced before
/// a write returns and folders are synced after renames. Foundation's file APIs neither sync
/// nor let the caller choose permissions regardless of umask.
///
/// No open follows a symbolic link (`O_NOFOLLOW`) and a new file is always created anew
/// (`O_EXCL`): a workspace received by zip, git or a sync tool may hold a link named `lock` or
/// `journal.jsonl` pointing at some other file, which writing, truncating or chmodding through
/// would damage. Such a link is refused with its name instead.
public struct POSIXFileSystem: FileSystem {
    public init() {}

    public func fileExists(at path: String) -> Bool { access(path, F_OK) == 0 }

    public func readFile(at path: String) throws -> [UInt8] {
        try Self.withPlainFile(at: path) { fd, info in try Self.read(fd, count: Int(info.st_size), at: 0, path: path) }
    }

    public func readFile(at path: String, offset: Int, count: Int) throws -> [UInt8] {
        try readFile(at: path, offset: offset, count: count, reusing: [])
    }

    /// Opens `path` for reading and hands over the descriptor and its `fstat`, refusing a link
    /// or anything but a plain file. O_NONBLOCK: a FIFO planted under a workspace file's name
    /// must not hang the open.
    static func withPlainFile<Result>(at path: String, _ body: (Int32, stat) throws -> Result) throws -> Result {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { throw openFailure(path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io("stat", path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw notAPlainFile(path) }
        return try body(fd, info)
    }

    /// Into `buffer` itself when it is long enough (cut to what was read, its memory kept),
    /// else into a new array.
    public func readFile(at path: String, offset: Int, count: Int, reusing buffer: consuming [UInt8]) throws -> [UInt8] {
        try Self.withPlainFile(at: path) { fd, info in
            let count = min(count, max(0, Int(info.st_size) - offset))
            guard buffer.count >= count else { return try Self.read(fd, count: count, at: offset, path: path) }
            let filled = try buffer.withUnsafeMutableBufferPointer { try Self.fill(UnsafeMutableBufferPointer(rebasing: $0[..<count]), from: fd, at: offset, path: path) }
            buffer.removeSubrange(filled...)
            return copy buffer
        }
    }

    /// Up to `count` bytes from `offset`, into an uninitialized array, so a 200 MB snapshot file
    /// is touched once (by the read), not zeroed first.
    static func read(_ fd: Int32, count: Int, at offset: Int, path: String) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = try fill(buffer, from: fd, at: offset, path: path)
        }
    }

    /// Reads into `buffer` until it is full or the file ends, and says how many bytes it read.
    /// A file that shrank while being read gives what was there.
    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from fd: Int32, at offset: Int, path: String) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw StoreError.io("read", path) }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    public func createDirectory(at path: String) throws {
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw StoreError.io("mkdir", path) }
        guard chmod(path, 0o700) == 0 else { throw StoreError.io("chmod", path) }
    }

    /// Removes whatever has the name first (a link is removed, not followed), then creates the
    /// file exclusively, so the bytes can only ever land in a file this call made. Through the
    /// page cache: the small files written whole (a manifest, settings) are read again soon.
    public func writeFile(at path: String, bytes: [UInt8]) throws {
        try writeFile(at: path, direct: false) { write in try write(bytes) }
    }

    /// The pieces are gathered into stretches of 8 MB, each written straight to the disk as it
    /// fills, and the rest through the page cache (see `DirectWrites`); a file smaller than a
    /// stretch is written at the end, as a whole file is. A failure midway unlinks the
    /// half-written file.
    public func writeFile(at path: String, pieces: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        try writeFile(at: path, direct: true, pieces: pieces)
    }

    /// `sync` stands in for `sync_file_range` in tests; without `direct`, every stretch goes
    /// through the page cache, handed on to the disk as it comes (`WriteBehind`).
    func writeFile(at path: String, syncingBehind sync: WriteBehind.SyncFileRange? = WriteBehind.syncFileRange, direct: Bool,
                   pieces: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        try removeFile(at: path)
        let fd = try openPrivate(path, flags: O_WRONLY | O_CREAT | O_EXCL)
        defer { close(fd) }
        let writes = DirectWrites(fd: fd, path: path, direct: direct, syncingBehind: sync)
        defer { writes.settle() }  // before the file is closed
        do {
            try pieces { piece in try writes.write(piece) }
            try writes.finish()
            guard fsync(fd) == 0 else { throw StoreError.io("fsync", path) }
        } catch {
            unlink(path)
            throw error
        }
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

    /// link(2) does not follow `existing` if it is a symbolic link.
    public func linkFile(at existing: String, to path: String) throws {
        try removeFile(at: path)
        guard link(existing, path) == 0 else { throw StoreError.io("link to \(path)", existing) }
    }

    /// Opens (creating with 0600) and sets 0600 explicitly, since `open`'s mode is masked by umask.
    /// Refuses a symbolic link and anything but a plain file before changing anything.
    private func openPrivate(_ path: String, flags: Int32) throws -> Int32 {
        let fd = open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else { throw Self.openFailure(path) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw Self.notAPlainFile(path)
        }
        guard fchmod(fd, 0o600) == 0 else {
            let code = errno
            close(fd)
            throw StoreError.io("chmod", path, errno: code)
        }
        return fd
    }

    /// The error for a failed open: a symbolic link (ELOOP under O_NOFOLLOW) in words.
    static func openFailure(_ path: String, errno code: Int32 = errno) -> StoreError {
        guard code == ELOOP else { return StoreError.io("open", path, errno: code) }
        return StoreError(.unsafeFile, file: path, SymbolicLinks.refusal)
    }

    static func notAPlainFile(_ path: String) -> StoreError {
        StoreError(.unsafeFile, file: path, "is not a plain file; a workspace folder holds only the files Chorus wrote")
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
