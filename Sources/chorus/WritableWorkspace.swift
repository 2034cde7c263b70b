import ChorusStore
import Foundation

/// How CLI writes (imports, `compact`) open a workspace that another process may hold.
///
/// A console keeps its workspace locked while it is open, and a cron job or a colleague's
/// import may be running too. A CLI write waits for the lock for up to `$CHORUS_LOCK_WAIT`
/// seconds (default 10), saying on stderr whom it waits for, then refuses naming the holder's
/// pid. It never writes beside the holder, so no update is lost or applied twice: it reads the
/// journal only once it holds the lock. The console itself refuses a second console at once.
enum WritableWorkspace {
    static let waitVariable = "CHORUS_LOCK_WAIT"
    static let defaultWait = 10.0

    static func open(_ url: URL) throws -> WorkspaceStore {
        let store = try WorkspaceStore.open(at: url, mode: .readWrite, waitingForLock: wait,
                                            whileWaiting: { Output.notice($0) })
        // An unreadable last line is said by the refusal of the write itself, once.
        if let notice = store.recoveredTornLine?.notice { Output.notice(notice) }
        return store
    }

    static var wait: Double {
        ProcessInfo.processInfo.environment[waitVariable].flatMap(Double.init).map { max(0, $0) } ?? defaultWait
    }
}
