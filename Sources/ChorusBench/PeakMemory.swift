import ChorusCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's peak resident memory, which the benchmark reports against the 800 MB target.
/// Linux lets a process reset its own high-water mark (`clear_refs` 5), so the console's
/// opening can be measured on its own after the bench has done other work in the same process.
public enum PeakMemory {
    /// Gives memory freed so far back to the system, then resets the high-water mark to what
    /// is resident now; false where that is not possible.
    @discardableResult
    public static func reset() -> Bool {
        SystemAllocator.returnFreedMemory()
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// Peak resident memory in MB since the last `reset` (or since the process started).
    public static var megabytes: Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
