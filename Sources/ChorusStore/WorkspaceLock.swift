import ChorusCore
import Foundation

/// Who has a workspace folder open: every process that opens it for writing holds this lock
/// *shared* for its session (appends are serialised by `AppendLock`, for milliseconds), and
/// maintenance that must be alone with the files — a restore, a repair — takes it exclusively,
/// so it waits for every console to close and no console opens meanwhile.
///
/// Uses `flock(2)` on the folder's `lock` file rather than the file's existence: the kernel
/// drops the lock when its holder exits or crashes, so a stale lock cannot outlive a dead
/// process. The holder writes its pid, host and start time into the file so a refused opener
/// can say who holds it.
final class WorkspaceLock {
    static let fileName = "lock"

    private var descriptor: Int32
    private let shared: Bool

    private init(descriptor: Int32, shared: Bool) {
        self.descriptor = descriptor
        self.shared = shared
    }

    deinit { release() }

    /// Takes the lock or throws `StoreError.Kind.locked` naming the process that holds it.
    ///
    /// With `waiting` above zero, a held lock is retried until it is free or the time is up,
    /// and `whileWaiting` hears once who holds it, so a CLI write issued while a console is
    /// busy says what it is waiting for instead of hanging silently or failing at once.
    static func acquire(folder: String, shared: Bool = false, waiting: Double = 0,
                        whileWaiting: (String) -> Void = { _ in }) throws -> WorkspaceLock {
        let path = folder + "/" + fileName
        // Never through a link, and never a FIFO or device: the holder's details are written
        // into this file, and it is truncated on release.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else { throw POSIXFileSystem.openFailure(path) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw POSIXFileSystem.notAPlainFile(path)
        }
        guard fchmod(fd, 0o600) == 0 else {
            let code = errno
            close(fd)
            throw StoreError.io("chmod", path, errno: code)
        }
        let deadline = Date().addingTimeInterval(waiting)
        var announced = false
        while flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
            let code = errno
            // Shared holders write no details (there may be many), so an exclusive opener
            // refused by them can only say that the workspace is open.
            let holder = shared ? "in use by \(describeHolder(path))" : "open in \(SharedHolders.describe(lockFile: fd))"
            guard code == EWOULDBLOCK, Date() < deadline else {
                close(fd)
                guard code == EWOULDBLOCK else { throw StoreError.io("flock", path, errno: code) }
                let waited = waiting > 0 ? " (waited \(Self.seconds(waiting)))" : ""
                throw StoreError(.locked, file: path, shared
                                 ? "the workspace is \(holder) for maintenance\(waited); let it finish, then try again"
                                 : "the workspace is \(holder)\(waited); close every console on it, then try again")
            }
            if !announced {
                announced = true
                whileWaiting("the workspace is \(holder)\(shared ? " for maintenance" : ""); waiting up to \(Self.seconds(waiting)) for it")
            }
            usleep(50_000)
        }
        let lock = WorkspaceLock(descriptor: fd, shared: shared)
        // The details name the one holder, so only an exclusive holder writes them.
        if !shared { lock.writeHolder(path) }
        return lock
    }

    /// Releases the lock; safe to call more than once.
    func release() {
        guard descriptor >= 0 else { return }
        if !shared { _ = ftruncate(descriptor, 0) }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// The holder's details are advisory (the flock is what excludes), so failing to write
    /// them does not fail the open.
    private func writeHolder(_ path: String) {
        let holder = LockHolder(pid: Int(getpid()), host: ProcessInfo.processInfo.hostName,
                                since: Timestamp.now.description)
        guard var bytes = try? Self.encoder.encode(holder) else { return }
        bytes.append(UInt8(ascii: "\n"))
        _ = ftruncate(descriptor, 0)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Who holds the lock, from the file its holder wrote. A holder killed with SIGKILL leaves
    /// its details behind, and the next holder rewrites them only just after taking the lock,
    /// so a pid that is no longer running is reported as such rather than as the holder.
    private static func describeHolder(_ path: String) -> String {
        guard let bytes = try? POSIXFileSystem().readFile(at: path),
              let holder = try? JSONDecoder().decode(LockHolder.self, from: Data(bytes))
        else { return "another process (its details could not be read from \(path))" }
        let isLocal = holder.host == ProcessInfo.processInfo.hostName
        if isLocal, holder.pid > 0, kill(pid_t(holder.pid), 0) != 0, errno == ESRCH {
            return "another process (the lock file still names process \(holder.pid), which is no longer running)"
        }
        return "process \(holder.pid) on \(holder.host) since \(holder.since)"
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// What the lock file says about its holder.
private struct LockHolder: Codable {
    var pid: Int
    var host: String
    var since: String
}

/// The workspace taken alone, for maintenance that must not run beside any console or command
/// (a restore, a repair): it waits for every one of them to close, and none opens meanwhile.
public final class MaintenanceLock {
    private let lock: WorkspaceLock

    fileprivate init(_ lock: WorkspaceLock) { self.lock = lock }

    /// Gives the workspace back; safe to call more than once.
    public func release() { lock.release() }
}

extension WorkspaceStore {
    /// Takes `folder` alone, waiting up to `waiting` seconds for every process that has it
    /// open; throws `StoreError.Kind.locked` if one still has it then.
    public static func lockForMaintenance(at folder: String, waiting: Double = 0,
                                          whileWaiting: (String) -> Void = { _ in }) throws -> MaintenanceLock {
        MaintenanceLock(try WorkspaceLock.acquire(folder: folder, shared: false, waiting: waiting, whileWaiting: whileWaiting))
    }
}
