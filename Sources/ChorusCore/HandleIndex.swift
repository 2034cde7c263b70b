import ChorusConcurrency
import Foundation

/// Normalized handle → position in `Workspace.creators`, first creator with a handle winning:
/// the one lookup that is not by key. Opening a workspace starts building it on another thread
/// and goes on without it; the first lookup or creator write waits for it. Nothing the
/// console's first frame shows finds a creator by handle, and at a million creators hashing
/// every handle took longer than indexing the creators and enrollments the frame does need, so
/// the console's opening asks for it to be built later (`later`), once its first frame is up:
/// built then on another core, the index no longer takes that core from the frame.
struct HandleIndex: Sendable {
    private var built: [String: Int]?
    /// Shared by copies of the workspace made before the index was needed.
    private var building: Building?
    /// Handles written since the index was built, nil where one was taken away, read before
    /// `built`. A background derivation holds a copy of the workspace for seconds, and writing
    /// into a million handles it shares copied them all (70 ms, a key's frame); they are
    /// folded in once there are `mostChanged`, which copies at most once per that many.
    private var changed: [String: Int?] = [:]
    private static let mostChanged = 4096

    /// Over the creators as an opened workspace holds them, or as a table (rebuilt after
    /// creators were removed) without copying the table into one array.
    init<Creators: RandomAccessCollection<Creator> & Sendable>(_ creators: Creators, later: Bool = false) where Creators.Index == Int {
        if creators.isEmpty { built = [:] } else { building = Building({ HandleIndex.positions(of: creators) }, startNow: !later) }
    }

    /// Every handle and its position (a copy: for checking the index, not for lookups).
    var positions: [String: Int] {
        var positions = built ?? building!.wait()
        for (handle, position) in changed { positions[handle] = position }
        return positions
    }

    /// Starts building the index on another thread, unless it is built or being built.
    func start() { building?.start() }

    /// Whether the index is built or being built (a deferred one is neither until asked).
    var isStarted: Bool { built != nil || building?.isStarted == true }

    subscript(handle: String) -> Int? {
        get {
            if let written = changed[handle] { return written }
            return (built ?? building!.wait())[handle]
        }
        set {
            if built == nil { (built, building) = (building!.wait(), nil) }
            changed[handle] = .some(newValue)
            guard changed.count >= Self.mostChanged else { return }
            for (handle, position) in changed { built![handle] = position }
            changed = [:]
        }
    }

    /// The indexing to do until the work starts (it holds the creators), then the work.
    private final class Building: @unchecked Sendable {
        // @unchecked: `indexing` and `work` are only touched while holding `lock`.
        private let lock = NSLock()
        private var indexing: (@Sendable () -> [String: Int])?
        private var work: BackgroundWork<[String: Int]>?

        init(_ indexing: @escaping @Sendable () -> [String: Int], startNow: Bool) {
            self.indexing = indexing
            if startNow { start() }
        }

        func start() { _ = started() }

        var isStarted: Bool { lock.withLock { work != nil } }

        func wait() -> [String: Int] { started().wait() }

        private func started() -> BackgroundWork<[String: Int]> {
            lock.withLock {
                if let work { return work }
                let work = BackgroundWork(indexing!)
                indexing = nil
                self.work = work
                return work
            }
        }
    }

    private static func positions<Creators: RandomAccessCollection<Creator>>(of creators: Creators) -> [String: Int] where Creators.Index == Int {
        var handles: [String: Int] = [:]
        handles.reserveCapacity(creators.count)
        for position in creators.indices {
            let handle = Creator.normalizedHandle(creators[position].handle)
            // Leads have no handle: nobody can be found by an empty one.
            if handles[handle] == nil, !handle.isEmpty { handles[handle] = position }
        }
        return handles
    }
}
