/// Keeps a finished command's big values alive until the process exits, instead of freeing
/// them. Releasing a million orders piece by piece takes most of a second at the end of an
/// import, while the kernel reclaims the whole heap at exit at no cost. Only for values the
/// command is done with, in commands that exit right after.
enum ProcessExit {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func leaveToTheSystem(_ value: Any) { kept.append(value) }
}
