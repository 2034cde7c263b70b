import ArgumentParser
import Foundation

/// Where an export goes: stdout by default, so it pipes into other tools, or `--output FILE`,
/// which never replaces an existing file unless `--force` says so — an export of addresses
/// written over yesterday's signed-off pick list is a mistake nobody can undo.
///
/// Exports hold names and home addresses, so the file is created 0600 whatever the umask, like
/// the workspace itself. Without `--force` it is created with O_EXCL, so a file that appears
/// between the check and the write is not replaced either; with it, the new file is written
/// beside the old one and renamed over it, so a failed write leaves the old file whole.
struct ExportDestination: ParsableArguments {
    @Option(name: [.customLong("output"), .customShort("o")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    func write(_ bytes: [UInt8]) throws {
        guard let output else {
            try Output.standardOutput(TerminalText.forStandardOutput(bytes))
            return
        }
        guard force else {
            try Self.create(output, bytes, exclusive: true)
            return
        }
        let temporary = output + ".chorus-\(getpid()).tmp"
        try Self.create(temporary, bytes, exclusive: true)
        guard rename(temporary, output) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIFailure(message: "cannot write \(output): \(reason)")
        }
    }

    private static func create(_ path: String, _ bytes: [UInt8], exclusive: Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (exclusive ? O_EXCL : 0), 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { throw CLIFailure(message: "\(path) already exists; use --force to replace it") }
            throw CLIFailure(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw CLIFailure(message: "cannot write \(path): \(reason)")
            }
            written += count
        }
        guard fchmod(fd, 0o600) == 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw CLIFailure(message: "cannot write \(path): \(reason)")
        }
    }
}
