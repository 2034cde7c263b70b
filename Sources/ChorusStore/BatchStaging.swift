import ChorusConcurrency

/// A big import's batch being staged (see `WorkspaceStore.perform`).
///
/// In a folder, the batch is written on another thread while the command is applied in memory:
/// writing a million orders keeps a core and a half busy for most of a second, and applying
/// them after it (0.15–0.2 s, the orders' index built) was a fifth of the import's time to
/// durable. The command is a value both only read. A server's log takes one request at a time
/// on its connection, and a file system that reads one file at a time (a test's, counting its
/// steps) wants one step at a time: there the batch is written first, as before.
struct BatchStaging {
    private let written: Result<StagedBatch, any Error>?
    private let writing: BackgroundWork<Result<StagedBatch, any Error>>?

    /// A batch already written.
    init(staged: StagedBatch) {
        (written, writing) = (.success(staged), nil)
    }

    /// Starts writing the batch on another thread.
    init(_ stage: @escaping @Sendable () throws -> StagedBatch) {
        (written, writing) = (nil, BackgroundWork { Result { try stage() } })
    }

    /// The batch, once written (waiting for it); throws what writing it threw.
    func batch() throws -> StagedBatch {
        try (writing?.wait() ?? written!).get()
    }

    /// The batch once written, nil if writing it failed: what is removed when no entry names it.
    var finished: StagedBatch? { try? batch() }
}
