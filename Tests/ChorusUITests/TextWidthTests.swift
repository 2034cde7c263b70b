@testable import ChorusUI
import XCTest

/// A frame measures every grapheme it draws. Most are plain letters, which are answered before
/// any Unicode property is looked up; these tests hold those shortcuts to what the properties say.
final class TextWidthTests: XCTestCase {
    /// The shortcut answers one column for any lone scalar below `TextWidth.firstWide`: no
    /// scalar there may be wide or draw as an emoji by itself, and every one above that does is
    /// still measured as two.
    func testNoScalarBelowTheFirstWideOneDrawsAsAnEmoji() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.properties.isEmojiPresentation {
                XCTAssertGreaterThanOrEqual(value, TextWidth.firstWide, "U+\(String(value, radix: 16)) draws as an emoji")
                XCTAssertEqual(TextWidth.columns(of: Character(scalar)), 2, "U+\(String(value, radix: 16))")
            } else if value < TextWidth.firstWide {
                XCTAssertEqual(TextWidth.columns(of: Character(scalar)), 1, "U+\(String(value, radix: 16))")
            }
        }
    }

    /// Below the first wide scalar a grapheme of several scalars still asks: © followed by U+FE0F
    /// is an emoji two columns wide; é as e and a combining accent is one.
    func testAScalarAskedToDrawAsAnEmojiIsStillTwoColumns() {
        XCTAssertEqual(TextWidth.columns(of: Character("\u{A9}\u{FE0F}")), 2)
        XCTAssertEqual(TextWidth.columns(of: Character("#\u{FE0F}\u{20E3}")), 2)
        XCTAssertEqual(TextWidth.columns(of: Character("e\u{301}")), 1)
        XCTAssertEqual(TextWidth.columns(of: "Zoë 山田 👍"), 11)
    }

    /// Printable ASCII is fitted byte by byte; text with any other character grapheme by
    /// grapheme. Both keep what fits and end in `…` where something was cut, at every width.
    func testPlainTextIsFittedAsAnyOtherTextIs() {
        for text in ["", "a", "ab", "Ann Lee", "lima_bean_42", "a very long name that will not fit"] {
            for other in [text, text + "é", "é" + text] {
                let characters = Array(other)
                for columns in 0...(characters.count + 2) {
                    let expected: [Character] = columns == 0 ? []
                        : characters.count <= columns ? characters
                        : Array(characters.prefix(columns - 1)) + ["…"]
                    let fitted = TextFit.fit(other, columns: columns)
                    XCTAssertEqual(fitted.map(\.0), expected, "\(other) in \(columns) columns")
                    XCTAssertTrue(fitted.allSatisfy { $0.1 == 1 }, "\(other) in \(columns) columns")
                }
            }
        }
    }
}
