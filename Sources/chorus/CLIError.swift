import ArgumentParser
import Foundation

/// Prints a one-line error to stderr and exits non-zero; every user-facing failure ends here so
/// scripts can rely on the exit status and people get a sentence, not a stack trace.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 1
    var description: String { message }
}

enum Output {
    /// Errors and notices both go to stderr, so stdout stays clean for scripts.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("chorus: " + TerminalText.safe(message) + "\n").utf8))
    }

    static func notice(_ message: String) { error(message) }

    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((TerminalText.forStandardOutput(text) + "\n").utf8))
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any thrown error into a readable message and exit status 1.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CLIFailure {
            Output.error(failure.message)
            throw ExitCode(failure.exitCode)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Output.error(String(describing: error))
            throw ExitCode(1)
        }
    }
}
