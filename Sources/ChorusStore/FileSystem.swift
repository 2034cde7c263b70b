import Foundation

/// The file operations the store needs, as a seam: the POSIX implementation is the default,
/// and tests substitute one that fails on a chosen operation to prove that a failed write,
/// sync or rename never leaves a workspace half-changed.
///
/// Every operation that creates a file or folder sets its permissions explicitly (0600 files,
/// 0700 folders) whatever the umask, because a workspace holds customers' names and addresses.
public protocol FileSystem: Sendable {
    func fileExists(at path: String) -> Bool
    func readFile(at path: String) throws -> [UInt8]
    /// Up to `count` bytes of `path` from `offset`; fewer only where the file ends. Big collection
    /// files are read this way, a window at a time, so a 200 MB orders file is never held whole.
    func readFile(at path: String, offset: Int, count: Int) throws -> [UInt8]
    /// Like `readFile(at:offset:count:)`, into `buffer`'s memory when it holds enough bytes: a
    /// file read a 16 MB window at a time otherwise faults in and zeroes fresh pages for every
    /// window, a twentieth of a JSON report's time.
    func readFile(at path: String, offset: Int, count: Int, reusing buffer: consuming [UInt8]) throws -> [UInt8]
    /// Creates the folder with mode 0700 if it does not exist, and sets 0700 either way.
    func createDirectory(at path: String) throws
    /// Creates or replaces `path` (mode 0600) with `bytes`, and does not return until the data
    /// is on stable storage.
    func writeFile(at path: String, bytes: [UInt8]) throws
    /// Like `writeFile(at:bytes:)`, with the bytes handed over piece by piece as `pieces` makes
    /// them, so that a payload of hundreds of megabytes is never held whole. If `pieces` or a
    /// write throws, no file is left under the name.
    func writeFile(at path: String, pieces: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws
    /// Appends `bytes` to `path`, creating it (mode 0600) if needed, and syncs the data
    /// (fdatasync) before returning: an acknowledged append survives a power cut.
    func appendToFile(at path: String, bytes: [UInt8]) throws
    /// Cuts `path` to `length` bytes and syncs it.
    func truncateFile(at path: String, toLength length: Int) throws
    /// Atomically replaces `destination` with `source` (rename(2)).
    func renameFile(from source: String, to destination: String) throws
    /// Makes renames and creations inside the folder durable (fsync on the directory).
    func syncDirectory(at path: String) throws
    func removeFile(at path: String) throws
    /// Gives the file at `existing` a second name, `path`, replacing what was there: a
    /// snapshot's orders file that a staged batch already holds byte for byte. The data is
    /// already on stable storage; `syncDirectory` makes the name durable.
    func linkFile(at existing: String, to path: String) throws
    /// The names of the entries in a folder, in no particular order.
    func fileNames(in folder: String) throws -> [String]
    /// Whether `path` itself is a symbolic link (it is not followed).
    func isSymbolicLink(at path: String) -> Bool
    /// The size in bytes of the file at `path` (not followed if a link), or nil if there is none.
    func byteCount(at path: String) -> Int?
    /// Whether files may be read (and a big import's batch written) at the same time: the small
    /// collections beside the creators at open, a collection file's next window while the rows
    /// before it decode, the batch beside the import applied in memory. A test double
    /// that numbers every step it takes says no, so that a step's number names the same read in
    /// every run.
    var readsFilesConcurrently: Bool { get }
    /// The kind of network or sync file system `path` is on ("NFS", "SMB/CIFS", "FUSE"), or
    /// nil on a local disk: where appends race and locks are only emulated.
    func networkFileSystem(at path: String) -> String?
}

extension FileSystem {
    /// A disk reads any number of files at once.
    public var readsFilesConcurrently: Bool { true }

    /// A fresh array each time, for file systems whose reads are not about memory (test doubles).
    public func readFile(at path: String, offset: Int, count: Int, reusing buffer: consuming [UInt8]) throws -> [UInt8] {
        try readFile(at: path, offset: offset, count: count)
    }

    /// A copy, for file systems without links of their own (test doubles).
    public func linkFile(at existing: String, to path: String) throws {
        try writeFile(at: path, bytes: try readFile(at: existing))
    }

    /// Joins the pieces and writes them whole: for file systems with no streaming of their own.
    public func writeFile(at path: String, pieces: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        var bytes: [UInt8] = []
        try pieces { bytes += $0 }
        try writeFile(at: path, bytes: bytes)
    }

    public func fileNames(in folder: String) throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw StoreError(.io, file: folder, "cannot be listed: \(error.localizedDescription)")
        }
    }

    public func isSymbolicLink(at path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    public func networkFileSystem(at path: String) -> String? {
        NetworkFileSystems.kind(ofMountType: NetworkFileSystems.mountType(of: path))
    }

    public func byteCount(at path: String) -> Int? {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_size) : nil
    }
}

/// Where a file is and how long it is: a follower that kept an offset into the journal knows
/// from it whether the file grew (read on from the offset) or was replaced (read it anew).
public struct FileIdentity: Hashable, Sendable {
    public var inode: UInt64
    public var size: Int
}

extension FileSystem {
    /// The identity of the file at `path` (not followed if a link), or nil if there is none.
    public func identity(at path: String) -> FileIdentity? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileIdentity(inode: UInt64(info.st_ino), size: Int(info.st_size))
    }

    /// The bytes of `path` from `offset` to its end as it is now, never through a link.
    public func readFile(at path: String, from offset: Int) throws -> (bytes: [UInt8], identity: FileIdentity) {
        try POSIXFileSystem.withPlainFile(at: path) { fd, info in
            let identity = FileIdentity(inode: UInt64(info.st_ino), size: Int(info.st_size))
            guard identity.size > offset else { return ([], identity) }
            let bytes = try POSIXFileSystem.read(fd, count: identity.size - offset, at: offset, path: path)
            return (bytes, identity)
        }
    }
}

/// Which file system a folder is on, by the type its mount reports.
enum NetworkFileSystems {
    /// "NFS", "SMB/CIFS" or "FUSE" for a mount type Chorus does not write to; nil otherwise.
    static func kind(ofMountType type: String?) -> String? {
        guard let type = type?.lowercased() else { return nil }
        if type.hasPrefix("nfs") { return "NFS" }
        if ["cifs", "smbfs", "smb3", "smb2"].contains(type) { return "SMB/CIFS" }
        if type.hasPrefix("fuse") || type == "osxfuse" || type == "macfuse" { return "FUSE" }
        return nil
    }

    /// The mount type of the file system holding `path`: on Linux the longest mount point in
    /// `/proc/self/mounts` that contains the resolved path; elsewhere `statfs`'s type name.
    static func mountType(of path: String) -> String? {
        #if os(Linux)
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let target = String(cString: resolved)
        guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else { return nil }
        var best: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 2 else { continue }
            // Spaces in mount points are written as \040.
            let point = fields[1].replacingOccurrences(of: "\\040", with: " ")
            let contains = point == "/" || target == point || target.hasPrefix(point + "/")
            if contains, point.count >= (best?.point.count ?? -1) { best = (point, String(fields[2])) }
        }
        return best?.type
        #else
        var info = statfs()
        guard statfs(path, &info) == 0 else { return nil }
        return withUnsafeBytes(of: info.f_fstypename) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #endif
    }
}
