import ChorusUI
import Foundation

/// Text the CLI writes where a person may be reading it. Messages on stderr quote cells of
/// imported files ("'…' is not an email address"), and listings or exports sent to stdout
/// carry names and captions: a poisoned CSV must not retitle, clear or rearrange the
/// terminal through them. Each line gets `TextSanitizer`'s visible placeholders; stderr
/// always (it is for people), stdout only when it is a terminal, so data piped to a file or
/// a script stays byte for byte what the workspace holds.
enum TerminalText {
    static func safe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.sanitize($0) }.joined(separator: "\n")
    }

    /// `text` as it should go to stdout.
    static func forStandardOutput(_ text: String) -> String {
        isatty(STDOUT_FILENO) != 0 ? safe(text) : text
    }

    /// `bytes` as they should go to stdout (an export without `--output`).
    static func forStandardOutput(_ bytes: [UInt8]) -> [UInt8] {
        guard isatty(STDOUT_FILENO) != 0 else { return bytes }
        return Array(safe(String(decoding: bytes, as: UTF8.self)).utf8)
    }
}
