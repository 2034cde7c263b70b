import Foundation

/// A refusal from the store that a person can act on: it names the file, the line when one
/// is known, and what is wrong, e.g. `orders-1.json, line 17: column subtotal: expected a number`.
///
/// The store never "repairs" a file it cannot read; it throws one of these and leaves every
/// byte on disk as it was, so nothing a user did is silently lost.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// What kind of problem this is, for callers that react differently (e.g. exit codes).
    public enum Kind: String, Hashable, Sendable {
        /// A file is damaged, truncated or not in the expected format.
        case corrupt
        /// A file was written by a newer Chorus with a schema this build does not know.
        case newerSchema
        /// Another process holds the workspace.
        case locked
        /// The folder is not a workspace, or already is one when creating.
        case notAWorkspace, alreadyAWorkspace
        /// The store was opened read-only or closed, and a write was asked of it.
        case readOnly
        /// The operating system refused a read, write, sync or rename.
        case io
        /// A workspace entry is a symbolic link or not a plain file, which Chorus never follows
        /// or writes through, since it could point anywhere outside the folder.
        case unsafeFile
        /// The folder is on a network or sync file system, where it is never written.
        case networkFileSystem
    }

    public var kind: Kind
    /// The file concerned, as a path.
    public var file: String?
    /// 1-based line in `file`, for row-level and journal problems.
    public var line: Int?
    public var message: String
    /// The operating system's error number, for failures of a system call.
    public var code: Int32?

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, _ message: String, code: Int32? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
        self.code = code
    }

    /// Whether the disk (or the quota, or the file-size limit) had no room for a write.
    public var isOutOfSpace: Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }

    public var description: String {
        var prefix = file ?? ""
        if let line { prefix += prefix.isEmpty ? "line \(line)" : ", line \(line)" }
        return prefix.isEmpty ? message : "\(prefix): \(message)"
    }

    public var errorDescription: String? { description }

    /// The failure of a system call, with the OS's own words for `errno`.
    static func io(_ operation: String, _ path: String, errno code: Int32 = errno) -> StoreError {
        StoreError(.io, file: path, "\(operation) failed: \(String(cString: strerror(code)))", code: code)
    }
}
