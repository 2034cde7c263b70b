import Foundation

/// The clipboard as terminals offer it: an OSC 52 sequence (`ESC ] 52 ; c ; base64 BEL`),
/// which xterm, kitty, iTerm2, WezTerm, Windows Terminal and others turn into a copy, over
/// SSH too, with no helper program. The text travels base64-encoded, so a handle or URL
/// with control characters cannot drive the terminal.
///
/// Inside tmux the sequence is sent twice: as is, which tmux takes into its own buffer and
/// passes on when `set-clipboard` is `on`, and wrapped for tmux's passthrough
/// (`allow-passthrough on`), which hands it to the outer terminal untouched. With neither
/// option tmux drops both (its default `external` keeps programs off the clipboard).
enum Clipboard {
    static func sequence(for text: String, insideTmux: Bool) -> [UInt8] {
        let osc52 = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        guard insideTmux else { return Array(osc52.utf8) }
        let passthrough = "\u{1B}Ptmux;" + osc52.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
        return Array((osc52 + passthrough).utf8)
    }

    /// Writes the copy to the terminal, after curses has drawn (the sequence moves nothing).
    static func copy(_ text: String) {
        let bytes = sequence(for: text, insideTmux: !(ProcessInfo.processInfo.environment["TMUX"] ?? "").isEmpty)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }
}
