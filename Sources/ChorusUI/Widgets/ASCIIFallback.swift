import Foundation

/// What a cell shows on a terminal that is not UTF-8 (`LANG=C`, an old serial console): the
/// frame's borders, arrows, dots and placeholders in plain ASCII, accents dropped from letters,
/// and `?` for anything else, so the screen never fills with mojibake and every grapheme still
/// takes one column. Wide graphemes become `?` followed by the blank the painter pads with.
///
/// Placeholders stay recognisable as such: `^` for a control character's picture (`␛`), `!`
/// for a bidi override (`⇄`; an arrow-like `<` or `>` would read as text). Charts stay charts:
/// braille dots become `'`, `.` and `:`, eighth blocks a rising `_ . - = #`.
public enum ASCIIFallback {
    public static func character(for grapheme: Character) -> Character {
        if grapheme.isASCII { return grapheme }
        if let mapped = table[grapheme] { return mapped }
        guard let first = grapheme.unicodeScalars.first else { return "?" }
        switch first.value {
        case 0x2400...0x2425: return "^"  // control pictures, TextSanitizer's placeholders
        case 0x2500...0x257F: return "+"  // other box drawing
        case 0x2800...0x28FF: return braille(first.value - 0x2800)
        case 0x2580...0x259F: return "#"  // blocks
        default: break
        }
        let folded = String(grapheme).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.count == 1, let letter = folded.first, letter.isASCII { return letter }
        return "?"
    }

    /// A chart's braille cell by where its dots are: `'` high, `.` low, `:` both, blank none.
    private static func braille(_ dots: UInt32) -> Character {
        let high = dots & 0x1B != 0, low = dots & 0xE4 != 0
        return high ? (low ? ":" : "'") : (low ? "." : " ")
    }

    private static let table: [Character: Character] = [
        "·": ".", "•": "*", "●": "*", "…": ".", "—": "-", "–": "-", "─": "-", "│": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "×": "x", "→": ">", "←": "<", "↑": "^", "↓": "v", "▾": "v", "▴": "^", "▸": ">", "↳": ">",
        "✓": "+", "✗": "x", "█": "#", "⇄": "!", "␦": "?", "ß": "s", "Ø": "O", "ø": "o", "Æ": "A", "æ": "a",
        "Œ": "O", "œ": "o", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "€": "E", "£": "L", "°": "o",
        "−": "-", "▁": "_", "▂": "_", "▃": ".", "▄": "-", "▅": "-", "▆": "=", "▇": "#", "▒": "=", "░": ".", "┄": "-", "┈": ".",
    ]
}
