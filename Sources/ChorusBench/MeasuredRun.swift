import Foundation

/// One program run from outside, as a user would run it: wall time and peak resident memory,
/// both read by `/usr/bin/time`, so Chorus and its peers are measured by the same tool.
public struct MeasuredRun: Sendable {
    public var seconds: Double
    public var peakMegabytes: Int
    /// What the program printed on stdout (unless it was sent to a file).
    public var output: String

    /// Runs `arguments` (program first) with stdout to `outputFile` (or kept, when nil); throws
    /// with the program's stderr when it fails.
    public static func run(_ arguments: [String], outputFile: URL? = nil) throws -> MeasuredRun {
        let timing = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-bench-time-\(getpid())")
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-bench-stderr-\(getpid())")
        let kept = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-bench-stdout-\(getpid())")
        defer { for file in [timing, errors, kept] { try? FileManager.default.removeItem(at: file) } }
        let stdout = outputFile ?? kept
        for file in [stdout, errors] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = BenchmarkProcess.timed(arguments, figuresTo: timing, standardOutput: try FileHandle(forWritingTo: stdout),
                                             standardError: try FileHandle(forWritingTo: errors))
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw MeasuredRunFailure(message: "\(arguments.joined(separator: " ")) failed: \(message.suffix(600))")
        }
        let figures = ((try? String(contentsOf: timing, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace)
        guard figures.count >= 2, let seconds = Double(figures[figures.count - 2]), let kilobytes = Int(figures[figures.count - 1]) else {
            throw MeasuredRunFailure(message: "/usr/bin/time gave no figures for \(arguments.first ?? "")")
        }
        let output = outputFile == nil ? ((try? String(contentsOf: kept, encoding: .utf8)) ?? "") : ""
        return MeasuredRun(seconds: seconds, peakMegabytes: kilobytes / 1024, output: output)
    }

    /// The fastest of `repetitions` runs (with its memory).
    public static func best(of repetitions: Int, _ arguments: [String], outputFile: URL? = nil) throws -> MeasuredRun {
        var best: MeasuredRun?
        for _ in 0..<max(1, repetitions) {
            let run = try run(arguments, outputFile: outputFile)
            if best.map({ run.seconds < $0.seconds }) ?? true { best = run }
        }
        return best!
    }
}

public struct MeasuredRunFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Duration {
    /// The duration in seconds, for printing figures.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
