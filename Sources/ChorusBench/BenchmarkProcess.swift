import Foundation

/// The one place `chorus bench` starts another program, and the only programs it starts: Python
/// reading the benchmark's own generated export with its csv module (the baseline the import
/// figure is a ratio against), and chorus itself (this executable) importing that export while
/// a console's keys are timed. Fixed programs and arguments, with paths the benchmark made,
/// never text from a workspace; quiet, so nothing they print mixes into the figures.
enum BenchmarkProcess {
    /// `python3 -c SCRIPT FILE`, ready to run.
    static func python(_ script: String, reading file: URL) -> Process {
        quiet(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path])
    }

    /// This chorus executable with `arguments`, ready to run.
    static func chorus(_ arguments: [String]) -> Process {
        quiet(Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]), arguments)
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
