import CNcursesw

/// Signals that end or pause the console. Handlers only record the signal; the loop acts on
/// it between key reads, so the terminal is restored by ordinary code, never from a handler.
enum Signals {
    enum Request: Equatable { case quit, suspend }

    /// Installed before curses starts, so curses leaves these signals to us.
    static func catchAll() { chorus_catch_signals() }

    static func release() { chorus_release_signals() }

    /// The request from a signal received since the last call, if any.
    static func takeRequest() -> Request? {
        switch chorus_take_signal() {
        case 0: nil
        case SIGTSTP: .suspend
        default: .quit
        }
    }
}
