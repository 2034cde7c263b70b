import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells a console following a workspace folder when to look at it: at once when Linux's
/// inotify reports a change in the folder (an append, a manifest renamed in), and in any case
/// every quarter second, because inotify drops events when its queue overflows and is not
/// there at all on other systems. Looking is cheap (`FolderLog.changeHint`, two `fstat`s);
/// this makes it rarer, not different.
final class FolderWatch {
    /// The longest a change can go unnoticed if no event comes.
    static let pollInterval = 0.25

    private var descriptor: Int32 = -1
    private var lastLook = Date.distantPast

    init(folder: String) {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_CLOSE_WRITE | IN_Q_OVERFLOW)
        guard inotify_add_watch(fd, folder, mask) >= 0 else { close(fd); return }
        descriptor = fd
        #endif
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Whether inotify watches the folder (false: polling alone).
    var isWatching: Bool { descriptor >= 0 }

    /// Whether the folder may have changed since the last time this said so: an event arrived,
    /// or the poll interval passed.
    func shouldLook() -> Bool {
        let evented = drain()
        guard evented || Date().timeIntervalSince(lastLook) >= Self.pollInterval else { return false }
        lastLook = Date()
        return true
    }

    /// Reads every pending event; true if there was one.
    private func drain() -> Bool {
        guard descriptor >= 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { any = true; continue }
            if count < 0, errno == EINTR { continue }
            return any
        }
    }
}
