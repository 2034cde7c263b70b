import ChorusConcurrency

/// Normalized handle → position in `Workspace.creators`, first creator with a handle winning:
/// the one lookup that is not by key. Opening a workspace starts building it on another thread
/// and goes on without it; the first lookup or creator write waits for it. Nothing the
/// console's first frame shows finds a creator by handle, and at a million creators hashing
/// every handle took longer than indexing the creators and enrollments the frame does need.
struct HandleIndex: Sendable {
    private var built: [String: Int]?
    /// Shared by copies of the workspace made before the index was needed.
    private var building: BackgroundWork<[String: Int]>?

    init(_ creators: [Creator]) {
        if creators.isEmpty { built = [:] } else { building = BackgroundWork { Self.positions(of: creators) } }
    }

    /// The index, once built.
    var positions: [String: Int] { built ?? building!.wait() }

    subscript(handle: String) -> Int? {
        get { positions[handle] }
        set {
            if built == nil { (built, building) = (building!.wait(), nil) }
            built![handle] = newValue
        }
    }

    private static func positions(of creators: [Creator]) -> [String: Int] {
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
