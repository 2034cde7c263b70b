import Foundation

/// When a background compaction that failed may be tried again, and what to say about it.
///
/// The journal keeps every change safe meanwhile, so there is no hurry: on a full disk,
/// retrying at once would fail again, and again, dozens of times a second. Each failure in a
/// row doubles the wait (from `firstWait` up to `longestWait`), and only the first is told
/// to the person — a full disk as such — since repeating it on every retry says nothing new.
public struct CompactionRetry: Sendable {
    public static let firstWait: TimeInterval = 5
    public static let longestWait: TimeInterval = 15 * 60

    /// Failures since the last compaction that succeeded.
    public private(set) var failuresInARow = 0
    private var notBefore: Date?

    public init() {}

    /// Whether a compaction may start now.
    public func mayStart(at now: Date) -> Bool { notBefore.map { now >= $0 } ?? true }

    /// The wait after `failures` failures in a row.
    public static func wait(afterFailures failures: Int) -> TimeInterval {
        guard failures > 0 else { return 0 }
        return min(longestWait, firstWait * pow(2, Double(min(failures - 1, 30))))
    }

    /// Records a failure; returns the sentence to show, or nil when one has been shown already.
    public mutating func failed(_ error: Error, at now: Date) -> String? {
        failuresInARow += 1
        notBefore = now.addingTimeInterval(Self.wait(afterFailures: failuresInARow))
        guard failuresInARow == 1 else { return nil }
        if let error = error as? StoreError, error.isOutOfSpace {
            return "the disk is full: could not write a fresh snapshot (every change is safe in the journal); "
                + "trying again less and less often — free some space on the disk"
        }
        return "could not write a fresh snapshot (every change is safe in the journal); trying again later: \(error)"
    }

    /// Records a success; returns a sentence if earlier failures were told, so the person
    /// hears that the trouble is over.
    public mutating func succeeded() -> String? {
        defer { failuresInARow = 0; notBefore = nil }
        return failuresInARow > 0 ? "a fresh snapshot was written after all" : nil
    }
}
