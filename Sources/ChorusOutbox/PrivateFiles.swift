import Foundation

/// Messages carry people's names and addresses, so what the outbox writes is private like the
/// rest of the workspace: folders 0700, files 0600, whatever the umask.
enum PrivateFiles {
    static func makeFolder(_ url: URL) throws {
        try explained(url) {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
        }
    }

    static func write(_ text: String, to url: URL) throws {
        try explained(url) {
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        }
    }

    /// Foundation's errors name a domain and a code; a person needs the path and the system's reason.
    private static func explained(_ url: URL, _ body: () throws -> Void) throws {
        do { try body() } catch {
            let failure = error as NSError
            let posix = (failure.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }.flatMap { $0.domain == NSPOSIXErrorDomain ? $0 : nil }
            throw OutboxFileError(path: url.path, reason: posix.map { String(cString: strerror(Int32($0.code))) } ?? failure.localizedDescription)
        }
    }
}

/// A file or folder of the outbox that could not be written: `PATH: File exists`.
public struct OutboxFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
