/// Makes text from the outside world (names, captions, CSV cells) safe to draw.
///
/// A creator who names themselves `"\u{1b}]0;owned\u{07}"` must not retitle the coordinator's
/// terminal, and a right-to-left override must not reverse the columns after it. Every string
/// is cleaned once, where it enters the frame (`Grid.put`), so nothing else can reach the
/// terminal. Dangerous characters stay visible as placeholders: hiding them would hide the
/// fact that the data is odd.
public enum TextSanitizer {
    /// Shown for bidi overrides, embeddings, isolates and marks.
    public static let bidiPlaceholder: Unicode.Scalar = "\u{21C4}"  // ⇄
    /// Shown for other invisible or unassigned characters.
    public static let invisiblePlaceholder: Unicode.Scalar = "\u{2426}"  // ␦

    /// The text with every control, escape, bidi and invisible character replaced by a
    /// visible placeholder, and every grapheme starting on a printable base.
    public static func sanitize(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(placeholder(for: scalar) ?? scalar)
        }
        // A combining mark with nothing before it would draw zero columns wide; give it a base.
        var result = ""
        for grapheme in String(scalars) {
            if let first = grapheme.unicodeScalars.first, isMark(first) { result.append(" ") }
            result.append(grapheme)
        }
        return result
    }

    /// The visible stand-in for a character that must not reach the terminal, or nil if the
    /// character is safe as it is.
    static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + value)  // ␀ … ␛ … ␟ (Control Pictures)
        case 0x7F: return "\u{2421}"  // ␡
        case 0x80...0x9F: return invisiblePlaceholder  // C1 controls, including CSI
        case 0x2028, 0x2029: return "\u{2424}"  // ␤ line and paragraph separators
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return bidiPlaceholder
        case 0x200C, 0x200D, 0xE0020...0xE007F: return nil  // joiners and tags build emoji
        default: break
        }
        switch scalar.properties.generalCategory {
        case .format, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator: return invisiblePlaceholder
        default: return nil
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: scalar.value == 0x200C || scalar.value == 0x200D || (0xE0020...0xE007F).contains(scalar.value)
        }
    }
}
