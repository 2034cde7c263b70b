import ChorusConcurrency
import Foundation

/// Keeps a long-lived store's journal short (opening replays it) without ever making the
/// person wait: once the journal passes `threshold` entries, or holds one the next open could
/// replay only after reading every order (an answer resolved at ten million orders would hold
/// the next console's first frame for 16 s), a fresh snapshot is written on another thread
/// and made current between key presses. A failed one is retried with the
/// backoff of `CompactionRetry`, under the same generation number.
public final class BackgroundCompactor {
    public let store: WorkspaceStore
    public let threshold: Int
    private let write: (Compaction) -> Void
    private var compaction: Compaction?
    public private(set) var retry = CompactionRetry()

    /// `write` runs `Compaction.writeFiles()` somewhere; without one, as `BackgroundWork`, whose
    /// result is the compaction's own outcome (`isWritten`), collected between key presses.
    public init(store: WorkspaceStore, threshold: Int,
                write: ((Compaction) -> Void)? = nil) {
        self.store = store
        self.threshold = threshold
        self.write = write ?? { compaction in _ = BackgroundWork { compaction.writeFiles() } }
    }

    /// Starts a compaction if the journal is long or must not wait (see the type), none is
    /// running and no backoff is pending.
    public func startIfDue(at now: Date = Date()) {
        // The backoff is asked first: asking whether the next open must read every order reads
        // the manifest on disk, and this is asked ten times a second between key presses.
        guard compaction == nil, retry.mayStart(at: now), store.journalLength >= threshold || store.nextOpenReadsEveryOrderFirst,
              let started = try? store.beginBackgroundCompaction() else { return }
        compaction = started
        write(started)
    }

    /// Makes a compaction that has been written current; nil, or a sentence for the person.
    public func collect(at now: Date = Date()) -> String? {
        guard let compaction, compaction.isWritten else { return nil }
        self.compaction = nil
        do {
            try store.finish(compaction)
            return retry.succeeded()
        } catch {
            return retry.failed(error, at: now)
        }
    }

    /// Waits for a compaction still being written and makes it current, before the store closes.
    public func finishRunning() -> String? {
        while let compaction, !compaction.isWritten { Thread.sleep(forTimeInterval: 0.01) }
        return collect()
    }
}
