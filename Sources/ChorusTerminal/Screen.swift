import CNcursesw
import ChorusUI
import Glibc

/// The curses session: takes the terminal over, reads input, and gives it back exactly as it
/// was, on every way out. Every ncurses call in Chorus happens through this type, on the
/// thread that called `runConsole`.
final class Screen {
    /// What the loop learns from one read.
    enum Event: Equatable {
        case key(Key)
        case resize
        case suspend
        case nothing
    }

    private var screen: OpaquePointer?
    private(set) var isActive = false
    /// Whether the person's locale is UTF-8; if not, frames are drawn in ASCII (`ASCIIFallback`).
    let isUnicode: Bool

    /// `mouse`: report clicks and the wheel (`--no-mouse` leaves the terminal's own selection alone).
    init(mouse: Bool = true) throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw TerminalError("the console needs a terminal; for scripts use the command line (chorus --help)")
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term.isEmpty || term == "dumb" {
            throw TerminalError("the console needs a full-screen terminal, and TERM=\(term.isEmpty ? "(unset)" : term) cannot move the cursor; "
                                + "run it in a terminal such as xterm, or use the command line (chorus --help)")
        }
        isUnicode = Self.chooseUTF8Locale()
        guard let screen = chorus_new_terminal_screen() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "unset"
            throw TerminalError("cannot start the console on this terminal (TERM=\(term))")
        }
        self.screen = screen
        isActive = true
        raw()  // Ctrl-c and Ctrl-z arrive as keys, so they quit and suspend through the loop.
        noecho()
        nonl()
        keypad(chorus_stdscr(), true)
        set_escdelay(25)
        wtimeout(chorus_stdscr(), 100)  // wake up regularly to notice signals (each read sets its own wait)
        curs_set(0)
        if mouse {
            mousemask(chorus_mouse_click_mask() | chorus_mouse_wheel_up_mask() | chorus_mouse_wheel_down_mask(), nil)
            mouseinterval(0)  // a click is reported at once, not after waiting to see if it is a double click
        }
        Self.startBracketedPaste()
        Self.learnHomeAndEnd()
    }

    deinit { stop() }

    var size: Size { Size(width: Int(chorus_cols()), height: Int(chorus_lines())) }

    /// Gives the terminal back: normal mode, cursor visible, screen as the shell left it.
    func stop() {
        guard isActive else { return }
        isActive = false
        Self.write(Self.bracketedPasteOff)
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    /// Ctrl-z: hand the terminal back, stop, and take it over again after `fg`.
    func suspend() {
        Self.write(Self.bracketedPasteOff)
        endwin()
        Signals.release()
        kill(getpid(), SIGSTOP)
        Signals.catchAll()
        takeNewSize()
        clearok(chorus_curscr(), true)
        refresh()
        Self.write(Self.bracketedPasteOn)
    }

    /// Tells curses the terminal's size now, which it otherwise learns only when it reads the
    /// resize as a key: after a suspension, or after a workspace opened behind its preview.
    func takeNewSize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if chorus_terminal_size(&rows, &columns) == 0, rows != chorus_lines() || columns != chorus_cols() {
            resizeterm(rows, columns)
        }
    }

    /// Drops keys typed but not read yet.
    func discardTypedKeys() {
        tcflush(STDIN_FILENO, TCIFLUSH)
    }

    /// Waits up to 100 ms for input.
    func read() -> Event { read(waitingAtMost: 100) }

    /// The keys that follow `first` within `gap` milliseconds of each other (a scanner's burst,
    /// a paste, or just `first`), and whatever else the last read found.
    func keys(after first: Key, gap: Int32) -> (keys: [Key], then: Event) {
        var keys = [first]
        while true {
            let next = read(waitingAtMost: gap)
            guard case .key(let key) = next else { return (keys, next) }
            keys.append(key)
        }
    }

    private func read(waitingAtMost milliseconds: Int32) -> Event {
        wtimeout(chorus_stdscr(), milliseconds)
        var character: wint_t = 0
        let status = wget_wch(chorus_stdscr(), &character)
        if status == chorus_err() { return .nothing }
        if status == chorus_key_code_yes() {
            if Int32(character) == chorus_key_resize() { return .resize }
            if Int32(character) == chorus_key_mouse() { return Self.mouseEvent().map(Event.key) ?? .nothing }
            if Int32(character) == Self.pasteStart { return .key(.paste(readPaste())) }
            return KeyDecoder.functionKey(Int32(character)).map(Event.key) ?? .nothing
        }
        if character == 26 { return .suspend }  // Ctrl-z in raw mode
        if character == 27 { return keyAfterEscape().map(Event.key) ?? .nothing }
        return KeyDecoder.character(UInt32(character)).map(Event.key) ?? .nothing
    }

    /// The mouse event curses has queued, as a console key; nil for buttons the console ignores.
    private static func mouseEvent() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) != chorus_err() else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if event.bstate & chorus_mouse_wheel_up_mask() != 0 { return .mouse(MouseEvent(.wheelUp, x: x, y: y)) }
        if event.bstate & chorus_mouse_wheel_down_mask() != 0 { return .mouse(MouseEvent(.wheelDown, x: x, y: y)) }
        if event.bstate & chorus_mouse_click_mask() != 0 { return .mouse(MouseEvent(.click, x: x, y: y)) }
        return nil
    }

    /// Terminals send Alt-b as Esc then `b`, in one write. Curses has already waited for a
    /// known sequence, so whatever is waiting right now came with the Esc: a character or
    /// Backspace makes an Alt key; anything else is put back and the Esc stands alone (two
    /// quick Escs are two Escs). An escape sequence curses does not know (`\e[` or `\eO` and
    /// the rest) is dropped whole, so its characters are never typed or taken as keys.
    private func keyAfterEscape() -> Key? {
        wtimeout(chorus_stdscr(), 0)
        defer { wtimeout(chorus_stdscr(), 100) }
        var next: wint_t = 0
        let status = wget_wch(chorus_stdscr(), &next)
        if status == chorus_err() { return .escape }
        if status != chorus_key_code_yes(), next == 0x5B || next == 0x4F {
            skipSequence(controlSequence: next == 0x5B)
            return nil
        }
        if status != chorus_key_code_yes(), let key = KeyDecoder.character(UInt32(next)), let alt = KeyDecoder.alt(key) { return alt }
        if status == chorus_key_code_yes() { ungetch(Int32(next)) } else { unget_wch(wchar_t(next)) }
        return .escape
    }

    /// The rest of an unknown `\e[…` sequence (parameters, then one final character from `@` to
    /// `~`) or `\eO` sequence (one character), read from what is already waiting.
    private func skipSequence(controlSequence: Bool) {
        var character: wint_t = 0
        while wget_wch(chorus_stdscr(), &character) != chorus_err() {
            if !controlSequence || (0x40...0x7E).contains(character) { return }
        }
    }

    /// The text between the terminal's paste markers, as one key: nothing in it is read as a
    /// command, and a line break in it is not Enter. A paste whose end marker never comes ends
    /// when the input goes quiet.
    private func readPaste() -> String {
        var text = ""
        while true {
            var character: wint_t = 0
            let status = wget_wch(chorus_stdscr(), &character)
            if status == chorus_err() { return text }
            if status == chorus_key_code_yes() {
                if Int32(character) == Self.pasteEnd { return text }
                continue
            }
            if let scalar = Unicode.Scalar(UInt32(character)) { text.unicodeScalars.append(scalar) }
        }
    }

    /// Key codes for the terminal's "paste starts" and "paste ends" markers, far above the
    /// codes curses gives its own keys.
    private static let pasteStart = KEY_MAX + 0x400, pasteEnd = KEY_MAX + 0x401
    private static let bracketedPasteOn = "\u{1B}[?2004h", bracketedPasteOff = "\u{1B}[?2004l"

    /// Asks the terminal to mark pasted text (bracketed paste), and teaches curses the markers.
    private static func startBracketedPaste() {
        define_key("\u{1B}[200~", pasteStart)
        define_key("\u{1B}[201~", pasteEnd)
        write(bracketedPasteOn)
    }

    /// Home and End as terminals send them whatever terminfo says (tmux and the Linux console
    /// `\e[1~` `\e[4~`, rxvt `\e[7~` `\e[8~`, others `\e[H` `\e[F`), so they always move the cursor.
    private static func learnHomeAndEnd() {
        for sequence in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"] { define_key(sequence, KEY_HOME) }
        for sequence in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"] { define_key(sequence, KEY_END) }
    }

    private static func write(_ sequence: String) {
        fflush(nil)
        _ = sequence.withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// Curses needs a UTF-8 locale to measure wide characters; if the environment has none,
    /// use C.UTF-8 inside, and report false so that only ASCII is sent to the terminal.
    private static func chooseUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        guard chorus_locale_is_utf8() == 0 else { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return false
    }
}
