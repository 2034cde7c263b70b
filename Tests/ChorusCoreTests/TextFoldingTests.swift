import XCTest
@testable import ChorusCore

/// Names and answers beyond ASCII are folded with the folds of Latin letters looked up rather
/// than worked out letter by letter; these tests hold the words to the rule as written (each
/// letter's `fold`, combining marks dropped, anything else separating words) for every letter
/// the lookup covers and for random names in many scripts.
final class TextFoldingTests: XCTestCase {
    func testEveryLetterFoldsAsItsRuleSaysAloneAndInsideAWord() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "Zo\(scalar)ë", "\(scalar)\(scalar) x\(scalar)"] {
                Self.assertFoldedAsTheRuleSays(text)
            }
        }
    }

    func testNamesInManyScriptsFoldIntoTheSameWordsAsLetterByLetter() {
        let letters = Array("aZ09 _@.-!'Zoë Müller ÅSTRÖM ßøæœĳ ČšŽ łŁ ÑñçÇ ǅǆ ɐʃ Ωμέγα Ёжик 東京 🙂 e\u{301} a\u{20DD} İı ﬁ Ⅻ ①")
        var random = TestRandom(seed: 11)
        for _ in 0..<5_000 {
            Self.assertFoldedAsTheRuleSays(String((0..<random.below(30)).map { _ in letters[random.below(letters.count)] }))
        }
        XCTAssertEqual(TextFolding.words("@Zoë_Müller!"), ["zoe", "muller"])
        XCTAssertEqual(TextFolding.words("ÆSØ straße"), ["aeso", "strasse"])
    }

    /// `text`'s words, from `words` and from `forEachWord`, are those folded letter by letter.
    private static func assertFoldedAsTheRuleSays(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = foldedLetterByLetter(text)
        XCTAssertEqual(TextFolding.words(text), expected, text.debugDescription, file: file, line: line)
        var words: [String] = [], letters: [UInt8] = Array("left over".utf8)
        TextFolding.forEachWord(in: text, letters: &letters) { words.append($0) }
        XCTAssertEqual(words, expected, text.debugDescription, file: file, line: line)
    }

    /// The rule as written: each letter's fold appended to the word, a combining mark dropped,
    /// anything else ending the word.
    private static func foldedLetterByLetter(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for scalar in text.unicodeScalars {
            if let folded = TextFolding.fold(scalar) {
                current.unicodeScalars.append(contentsOf: folded.unicodeScalars)
            } else if !TextFolding.isCombiningMark(scalar) {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
