import ChorusStore
import Foundation

/// How CLI writes (imports, `compact`) open a workspace that another process may hold.
///
/// Consoles, a cron job and colleagues' commands share the workspace; each append takes the
/// journal's append lock for milliseconds after catching up, so no update is lost or applied
/// twice. A CLI write waits up to `$CHORUS_LOCK_WAIT` seconds (default 10) for an append in
/// progress — or for maintenance that has the workspace alone, saying on stderr whom it waits
/// for — then refuses naming the holder's pid.
enum WritableWorkspace {
    static let waitVariable = "CHORUS_LOCK_WAIT"
    static let defaultWait = 10.0

    static func open(_ url: URL) throws -> WorkspaceStore {
        if let address = try ServerWorkspace.address(url) { return try ServerWorkspace.open(address).0 }
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
