import Foundation

/// One program run from outside, as a user would run it: wall time and peak resident memory,
/// both read by `/usr/bin/time`, so Chorus and its peers are measured by the same tool.
public struct MeasuredRun: Sendable {
    public var seconds: Double
    public var peakMegabytes: Int
    /// What the program printed on stdout (unless it was sent to a file).
    public var output: String
    /// From the start until the program's first output on stdout (unless it was sent to a
    /// file): for `chorus import`, which prints its summary once the import is durable, and
    /// then keeps attribution for the next open, the import's time to durable. Timed by this
    /// process from just before starting `/usr/bin/time`, a millisecond or two before the
    /// program; `seconds` is `/usr/bin/time`'s own figure, to the hundredth.
    public var firstOutputSeconds: Double?

    /// Runs `arguments` (program first) with stdout to `outputFile` (or kept, when nil); throws
    /// with the program's stderr when it fails.
    public static func run(_ arguments: [String], outputFile: URL? = nil) throws -> MeasuredRun {
        let timing = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-bench-time-\(getpid())")
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-bench-stderr-\(getpid())")
        defer { for file in [timing, errors] { try? FileManager.default.removeItem(at: file) } }
        for file in [outputFile, errors].compactMap({ $0 }) { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let pipe = outputFile == nil ? Pipe() : nil
        let process = BenchmarkProcess.timed(arguments, figuresTo: timing,
                                             standardOutput: try outputFile.map(FileHandle.init(forWritingTo:)) ?? pipe!.fileHandleForWriting,
                                             standardError: try FileHandle(forWritingTo: errors))
        let start = ContinuousClock.now
        try process.run()
        var output = Data(), firstOutput: Duration?
        if let pipe {
            try pipe.fileHandleForWriting.close()  // the program's copy is the only one left: its exit ends the output
            while case let chunk = pipe.fileHandleForReading.availableData, !chunk.isEmpty {
                if firstOutput == nil { firstOutput = ContinuousClock.now - start }
                output.append(chunk)
            }
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw MeasuredRunFailure(message: "\(arguments.joined(separator: " ")) failed: \(message.suffix(600))")
        }
        let figures = ((try? String(contentsOf: timing, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace)
        guard figures.count >= 2, let seconds = Double(figures[figures.count - 2]), let kilobytes = Int(figures[figures.count - 1]) else {
            throw MeasuredRunFailure(message: "/usr/bin/time gave no figures for \(arguments.first ?? "")")
        }
        return MeasuredRun(seconds: seconds, peakMegabytes: kilobytes / 1024, output: String(decoding: output, as: UTF8.self),
                           firstOutputSeconds: firstOutput?.seconds)
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
