import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Hands a web link to the desktop's opener: `xdg-open` (or `open` on macOS) found on PATH,
/// only in a graphical session (`DISPLAY` or `WAYLAND_DISPLAY` on Linux). Over SSH or on a
/// bare console there is no browser to show it, and `xdg-open` would fall back to a text
/// browser fighting the console for the terminal, so the caller shows the link instead.
///
/// This is the one place Chorus starts another program on a user's behalf; it is argued in
/// AssetReferenceSafetyTests. The link has been checked by `WebLink` (http or https, visible
/// ASCII, so never an option), goes as one argument with no shell, and the opener runs in a
/// session of its own with stdin, stdout and stderr on /dev/null, so it can neither read the
/// keyboard nor draw over the console. A thread reaps it so no zombie is left.
enum SystemOpener {
    /// The opener's path, or nil when this is no graphical session or none is installed.
    static func opener(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        #if os(macOS)
        let name = "open"
        #else
        let name = "xdg-open"
        guard !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty else { return nil }
        #endif
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// Starts the opener on `link`; false when there is none or it could not start.
    static func open(_ link: String) -> Bool {
        guard let opener = opener() else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(0x80))  // POSIX_SPAWN_SETSID: off our terminal
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(opener), strdup(link), nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        guard posix_spawn(&child, opener, &actions, &attributes, argv, environ) == 0 else { return false }
        let started = child
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(started, &status, 0) < 0 && errno == EINTR {}
        }
        return true
    }
}
