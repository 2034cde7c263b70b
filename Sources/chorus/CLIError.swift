import ArgumentParser
import Foundation

/// Prints a one-line error to stderr and exits non-zero; every user-facing failure ends here so
/// scripts can rely on the exit status and people get a sentence, not a stack trace.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 1
    var description: String { message }
}

/// Standard output could not be written (a full disk behind `> file`, `/dev/full`, a closed
/// terminal). Output comes after the command's work, so by then any change is durable: the
/// person must hear that, or they would run it again. Exit status 74 (`EX_IOERR`), so a
/// script can tell it from a refused command (1).
struct OutputFailure: Error, CustomStringConvertible {
    static let exitCode: Int32 = 74
    var errorNumber: Int32

    var description: String {
        "could not write the output (\(String(cString: strerror(errorNumber)))); the command itself finished, "
            + "and any change it made is saved — check before running it again"
    }
}

enum Output {
    /// Errors and notices both go to stderr, so stdout stays clean for scripts. A stderr that
    /// cannot be written leaves nobody to tell, so its failure is ignored rather than fatal.
    static func error(_ message: String) {
        _ = write(Array(("chorus: " + TerminalText.safe(message) + "\n").utf8), to: STDERR_FILENO)
    }

    static func notice(_ message: String) { error(message) }

    static func print(_ text: String) throws {
        try standardOutput(Array((TerminalText.forStandardOutput(text) + "\n").utf8))
    }

    /// Writes all of `bytes` to stdout, or throws `OutputFailure`.
    static func standardOutput(_ bytes: [UInt8]) throws {
        if let code = write(bytes, to: STDOUT_FILENO) { throw OutputFailure(errorNumber: code) }
    }

    /// Writes all of `bytes`; the errno of the write that failed, or nil. Foundation's
    /// `FileHandle.write(_:)` traps on a failed write instead.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? errno : EIO }
            written += count
        }
        return nil
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any thrown error into a readable message and exit status 1 (74 when
    /// only the output failed, see `OutputFailure`).
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CLIFailure {
            Output.error(failure.message)
            throw ExitCode(failure.exitCode)
        } catch let failure as OutputFailure {
            Output.error(failure.description)
            throw ExitCode(OutputFailure.exitCode)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Output.error(String(describing: error))
            throw ExitCode(1)
        }
    }
}
