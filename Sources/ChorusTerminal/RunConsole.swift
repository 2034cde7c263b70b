import CNcursesw
import ChorusUI
import Foundation

/// Runs the interactive console until the person quits: draw, read a key, update, repeat.
///
/// Blocking, and on the calling thread (call it from the main thread): curses is not thread
/// safe, so every curses call stays on this one thread. The terminal is restored on every way
/// out: `q`, Ctrl-c, SIGTERM, SIGINT, SIGHUP, or an error thrown from here. Ctrl-z suspends
/// and `fg` resumes with a full repaint.
public func runConsole(session: ConsoleSession, options: ConsoleOptions) throws {
    precondition(Thread.isMainThread, "runConsole must run on the main thread: curses is not thread safe")
    let themes = ThemeCatalog(directory: options.themesDirectory)
    Signals.catchAll()
    defer { Signals.release() }
    let screen = try Screen()
    defer { screen.stop() }
    let painter = FramePainter(hasColor: has_colors() && !options.noColor, asciiOnly: !screen.isUnicode)
    let console = Console(session: session, themes: themes, themeName: options.themeName, noColor: options.noColor,
                          today: options.today, size: screen.size)
    var theme = console.theme
    painter.use(theme)
    var needsPaint = true
    while !console.wantsQuit {
        if let news = session.collectBackgroundWork() {
            console.announce(news)
            needsPaint = true
        }
        if console.collectBackgroundWork() { needsPaint = true }
        if needsPaint {
            painter.paint(console.frame())
            needsPaint = false
        }
        switch Signals.takeRequest() {
        case .quit: return
        case .suspend:
            screen.suspend()
            painter.invalidate()
            console.resize(to: screen.size)
            needsPaint = true
            continue
        case nil: break
        }
        var event = screen.read()
        if case .key(let key) = event {
            // Keys that arrive together go in together, so a scanner's burst can be told from typing.
            let (keys, then) = screen.keys(after: key, gap: ScanBurst.gapMilliseconds)
            console.press(keys)
            if console.theme != theme {
                theme = console.theme
                painter.use(theme)
            }
            needsPaint = true
            event = then
        }
        switch event {
        case .key:
            break
        case .resize:
            painter.invalidate()
            console.resize(to: screen.size)
            needsPaint = true
        case .suspend:
            screen.suspend()
            painter.invalidate()
            console.resize(to: screen.size)
            needsPaint = true
        case .nothing:
            break
        }
    }
}
