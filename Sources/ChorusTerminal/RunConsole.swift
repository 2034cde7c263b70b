import CNcursesw
import ChorusUI
import Foundation

/// Runs the interactive console until the person quits: draw, read a key, update, repeat.
///
/// Blocking, and on the calling thread (call it from the main thread): curses is not thread
/// safe, so every curses call stays on this one thread. The terminal is restored on every way
/// out: `q`, Ctrl-c, SIGTERM, SIGINT, SIGHUP, or an error thrown from here. Ctrl-z suspends
/// and `fg` resumes with a full repaint.
/// Runs the console on the session `open` returns.
///
/// With a `preview` (a big workspace, see `WorkspacePreview`), its picture is drawn first and
/// `open` runs after it (a second or more). No key is read meanwhile: keys typed wait in the
/// terminal and are taken, in order, by the console on the opened workspace, and a Ctrl-c is
/// acted on once it is open. `open` may say what it waits for (another person's lock) in the
/// picture's status line, and returns a notice for the opened console's status bar (a journal
/// recovered after a crash). Without one, the workspace opens before the terminal is taken
/// over, so what stops it (a missing folder, a lock held too long, Ctrl-c) is said on a
/// terminal left as it was. The preview is let go once the workspace is open: pass it, don't
/// keep it.
public func runConsole(options: ConsoleOptions, preview: consuming PreviewSession?,
                       open: (_ say: (String) -> Void) throws -> (session: ConsoleSession, notice: String?)) throws {
    precondition(Thread.isMainThread, "runConsole must run on the main thread: curses is not thread safe")
    let themes = ThemeCatalog(directory: options.themesDirectory)
    var opened = preview == nil ? try open { _ in } : nil
    Signals.catchAll()
    defer { Signals.release() }
    let screen = try Screen(mouse: options.mouse)
    defer { screen.stop() }
    let painter = FramePainter(hasColor: has_colors() && !options.noColor, asciiOnly: !screen.isUnicode)
    func makeConsole(_ session: ConsoleSession) -> Console {
        Console(session: session, themes: themes, themeName: options.themeName, noColor: options.noColor,
                today: options.today, size: screen.size, remembered: options.remembered)
    }
    var pictureTheme: Theme?
    if let preview {
        let picture = makeConsole(preview)
        painter.use(picture.theme)
        pictureTheme = picture.theme
        let say = { (status: String) in
            picture.announce(status)
            painter.paint(picture.frame())
        }
        say(preview.status)
        do { opened = try open(say) } catch {
            screen.discardTypedKeys()  // typed ahead for the console, not for the shell it returns to
            throw error
        }
        screen.takeNewSize()  // a resize meanwhile is drawn at once, not after the next key
    }
    // The picture's workspace shares the opened one's enrollments: held, the first change made
    // would copy them whole instead of changing them in place.
    preview = nil
    guard let (session, notice) = opened else { preconditionFailure("opened before the screen, or after the preview") }
    let console = makeConsole(session)
    let notices = [notice, options.openingNotice].compactMap { $0 }
    if !notices.isEmpty { console.warn(notices.joined(separator: "; ")) }
    var settings = console.settings
    var theme = console.theme
    if theme != pictureTheme { painter.use(theme) }  // the same theme repaints only the cells that changed
    var needsPaint = true
    while !console.wantsQuit {
        if let news = session.collectBackgroundWork() {
            console.announce(news)
            needsPaint = true
        }
        if console.collectBackgroundWork() { needsPaint = true }
        if console.followColleagues() { needsPaint = true }
        if console.performPendingCommands() { needsPaint = true }  // the server answers again
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
            carryOut(console.takeTerminalRequests(), for: console)
            if console.settings != settings {
                settings = console.settings
                options.rememberSettings?(settings)
            }
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

/// Does what a key asked of the terminal: the clipboard (OSC 52), the system opener. A link
/// with no opener to take it is shown in the status bar instead.
private func carryOut(_ requests: [TerminalRequest], for console: Console) {
    for request in requests {
        switch request {
        case .copy(let text):
            Clipboard.copy(text)
        case .open(let link):
            if !SystemOpener.open(link) { console.warn("\(link) (no browser to open it from this terminal; y copies it)") }
        }
    }
}
