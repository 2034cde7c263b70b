/// How many terminal columns a grapheme takes: 2 for wide East Asian characters and emoji,
/// 1 for everything else a sanitized string can hold.
///
/// Tables line up only if every cell's width matches what the terminal will draw, so widths
/// are measured per grapheme (one user-perceived character), never per scalar or byte: a ZWJ
/// family emoji is one grapheme of width 2, not five scalars.
public enum TextWidth {
    /// Columns for one grapheme.
    public static func columns(of grapheme: Character) -> Int {
        let scalars = grapheme.unicodeScalars
        guard let base = scalars.first else { return 0 }
        // Nothing below U+1100 is wide, and nothing there draws as an emoji unless a U+FE0F
        // after it asks to: a lone scalar there (every letter of most names) is one column,
        // known without looking up its Unicode properties, which was a fifth of drawing a frame.
        if base.value < firstWide, scalars.index(after: scalars.startIndex) == scalars.endIndex { return 1 }
        if base.properties.isEmojiPresentation || isWide(base.value) { return 2 }
        // A text-style emoji asked to draw as an emoji (☺ + U+FE0F) becomes wide.
        if base.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// Columns for a whole string.
    public static func columns(of text: some StringProtocol) -> Int {
        var total = 0
        for grapheme in text { total += columns(of: grapheme) }
        return total
    }

    /// Sanitized text cut to at most `columns` columns on a grapheme boundary, ending in `…`
    /// when something was cut (for aligned tables outside the console, such as `chorus list`).
    public static func truncate(_ text: String, toColumns columns: Int) -> String {
        String(TextFit.fit(text, columns: columns).map(\.0))
    }

    /// Text padded with spaces to `columns` columns (unchanged if already that wide).
    public static func pad(_ text: String, toColumns columns: Int) -> String {
        let width = self.columns(of: text)
        return width >= columns ? text : text + String(repeating: " ", count: columns - width)
    }

    /// East Asian Wide and Fullwidth ranges (Unicode EastAsianWidth W/F), the ones a terminal
    /// draws two columns wide.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
        0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// The first scalar that is wide or draws as an emoji by itself (`wideRanges` starts there;
    /// the first with emoji presentation is U+231A).
    static let firstWide: UInt32 = 0x1100

    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= firstWide else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
