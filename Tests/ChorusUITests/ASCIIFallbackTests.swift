import ChorusUI
import XCTest

/// On a terminal that is not UTF-8, every cell becomes one ASCII character that still says
/// what it was: borders, arrows, dots, placeholders and accented letters.
final class ASCIIFallbackTests: XCTestCase {
    func testFrameCharactersBecomeTheirASCIIStandIns() {
        let shown = String("─│┌┐└┘·…—▾→×●✓".map(ASCIIFallback.character(for:)))
        XCTAssertEqual(shown, "-|++++..-v>x*+")
    }

    func testPlaceholdersStayRecognisable() {
        let sanitized = TextSanitizer.sanitize("\u{1b}]0;x\u{07}\r\u{202E}\u{200B}")
        XCTAssertEqual(String(sanitized.map(ASCIIFallback.character(for:))), "^]0;x^^!?")
    }

    func testLettersLoseTheirAccentsAndEverythingElseIsAQuestionMark() {
        XCTAssertEqual(String("José Ångström Weiß".map(ASCIIFallback.character(for:))), "Jose Angstrom Weis")
        XCTAssertEqual(String("山田 😀".map(ASCIIFallback.character(for:))), "?? ?")
        XCTAssertTrue("plain ASCII stays, ~!@#".allSatisfy { ASCIIFallback.character(for: $0) == $0 })
    }
}
