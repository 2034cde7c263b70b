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

    @Flag(help: "CSV cells exactly as stored, for scripts: no leading ' on cells a spreadsheet would run as formulas.")
    var raw = false

    @Flag(help: "Start the CSV with a UTF-8 byte order mark, for spreadsheets (older Excel) that otherwise misread accents.")
    var bom = false

    /// Whether CSV cells get the spreadsheet formula guard (everything but `--raw`).
    var neutralizesFormulas: Bool { !raw }

    /// The UTF-8 byte order mark `--bom` puts first.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Writes a CSV export, with the byte order mark if asked.
    func writeCSV(_ bytes: [UInt8]) throws {
        try write(bom ? Self.byteOrderMark + bytes : bytes, checkedAs: .csv)
    }

    /// Writes a JSON (or other non-CSV) export; the CSV-only flags are refused, not ignored.
    func write(_ bytes: [UInt8]) throws {
        try write(bytes, checkedAs: .other)
    }

    private enum Kind { case csv, other }

    private func write(_ bytes: [UInt8], checkedAs kind: Kind) throws {
        if kind == .other, raw || bom {
            throw CLIFailure(message: "\(raw ? "--raw" : "--bom") is for CSV; leave it out with --format json")
        }
        guard let output else {
            try Output.standardOutput(TerminalText.forStandardOutput(bytes))
            return
        }
        try write(bytes, to: output)
    }

    /// Refuses before anything is written when one of `paths` exists and `--force` was not
    /// given, so an export of several files is never half written.
    func requireWritable(_ paths: [String]) throws {
        guard !force, let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return }
        throw CLIFailure(message: "\(existing) already exists; use --force to replace it")
    }

    /// Writes one CSV file beside the main output (the ledger's totals), by the same rules.
    func writeCSV(_ bytes: [UInt8], to path: String) throws {
        try write(bom ? Self.byteOrderMark + bytes : bytes, to: path)
    }

    private func write(_ bytes: [UInt8], to output: String) throws {
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
