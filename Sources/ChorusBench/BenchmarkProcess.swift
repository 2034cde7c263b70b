import Foundation

/// The one place `chorus bench` starts another program, and the only programs it starts: Python
/// reading the benchmark's own generated export with its csv module (the baseline the import
/// figure is a ratio against), chorus itself (this executable) importing that export while
/// a console's keys are timed, and `/usr/bin/time` running chorus or a peer (DuckDB's script,
/// Python's csv reader, in the benchmark's own venv) on the benchmark's own files. Fixed
/// programs and arguments, with paths the benchmark made, never text from a workspace; quiet,
/// so nothing they print mixes into the figures.
enum BenchmarkProcess {
    /// `python3 -c SCRIPT FILE`, ready to run.
    static func python(_ script: String, reading file: URL) -> Process {
        quiet(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path])
    }

    /// This chorus executable with `arguments`, ready to run.
    static func chorus(_ arguments: [String]) -> Process {
        quiet(Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]), arguments)
    }

    /// `/usr/bin/time` running `arguments` (program first), its figures written to `timing`.
    static func timed(_ arguments: [String], figuresTo timing: URL, standardOutput: FileHandle, standardError: FileHandle) -> Process {
        let process = quiet(URL(fileURLWithPath: "/usr/bin/time"), ["-f", "%e %M", "-o", timing.path] + arguments)
        process.standardOutput = standardOutput
        process.standardError = standardError
        return process
    }

    private static func quiet(_ executable: URL, _ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }
}
