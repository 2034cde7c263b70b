import ChorusCore
import Foundation

/// A `SharedLog` held in memory and shared by every store given the same instance: how tests
/// put two or three "people" side by side on one workspace without a folder or a server.
/// Thread-safe, so simulated clients may also run on several threads.
public final class MemoryLog: SharedLog, @unchecked Sendable {
    // @unchecked: every field is read and written under `lock`.
    private let lock = NSLock()
    private var snapshot: LogSnapshot
    private var kept: [JournalEntry] = []
    private var commandIDs: Set<String> = []
    private var payloads: [String: [UInt8]] = [:]
    private var leased = false

    public init(workspace: Workspace) {
        snapshot = LogSnapshot(workspace: workspace, through: 0)
    }

    /// Every entry ever appended, oldest first (a memory log never forgets one).
    public var allEntries: [JournalEntry] { lock.withLock { kept } }

    public func head() -> Int { lock.withLock { kept.last?.seq ?? snapshot.through } }

    public func entries(after position: Int) -> [JournalEntry] {
        lock.withLock { Array(kept.drop { $0.seq <= position }) }
    }

    public func append(_ entry: JournalEntry, expectedHead: Int) throws -> AppendOutcome {
        try lock.withLock {
            let head = kept.last?.seq ?? snapshot.through
            guard head == expectedHead else { return .conflict(head: head) }
            guard entry.seq == head + 1 else {
                throw StoreError(.corrupt, "entry \(entry.seq) cannot follow entry \(head); positions must be gapless")
            }
            if let id = entry.commandID {
                guard commandIDs.insert(id).inserted else {
                    throw StoreError(.corrupt, "command \(id) is already in the log; it was not appended again")
                }
            }
            kept.append(entry)
            return .appended(entry.seq)
        }
    }

    public func changeHint() -> Int { head() }

    public func currentSnapshot() -> LogSnapshot { lock.withLock { snapshot } }

    public func putSnapshot(_ newer: LogSnapshot) {
        lock.withLock { if newer.through > snapshot.through { snapshot = newer } }
    }

    public func leaseCompaction() -> CompactionLease? {
        lock.withLock {
            guard !leased else { return nil }
            leased = true
            return MemoryLease { [weak self] in self?.lock.withLock { self?.leased = false } }
        }
    }

    public func stage(_ payload: [UInt8]) -> String {
        lock.withLock {
            let name = "batch-\(payloads.count + 1)"
            payloads[name] = payload
            return name
        }
    }

    public func staged(_ name: String) throws -> [UInt8] {
        guard let payload = lock.withLock({ payloads[name] }) else {
            throw StoreError(.corrupt, "the staged payload \(name) is missing")
        }
        return payload
    }
}

private final class MemoryLease: CompactionLease {
    private var onRelease: (() -> Void)?
    init(_ onRelease: @escaping () -> Void) { self.onRelease = onRelease }
    func release() {
        onRelease?()
        onRelease = nil
    }
    deinit { release() }
}
