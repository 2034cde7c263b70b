import ChorusCore
@testable import ChorusUI
import XCTest

/// Enter at a prompt either does what was asked or says, on screen, what the prompt needs:
/// the prompt stays open with what was typed, and the reason is on the line above it.
final class NoSilentRefusalTests: XCTestCase {
    /// The line just above the status bar, where a prompt's refusal is shown.
    private func lineAbovePrompt(_ console: ConsoleDriver) -> String {
        console.frame.line(console.frame.size.height - 2)
    }

    func testAnEmptyDropReasonSaysAReasonIsNeeded() {
        let console = ConsoleDriver().press("d", .enter)
        XCTAssertNotNil(console.state.prompt, "the prompt stays open")
        XCTAssertTrue(lineAbovePrompt(console).contains("a reason is required to drop a creator"), console.dump)
        XCTAssertEqual(console.frame.role(of: "a reason is required"), .warning)
        console.type("x")
        XCTAssertFalse(console.dump.contains("a reason is required"), "the next key takes the warning away")
    }

    func testEmptyNotesForChangesAndRejectionSayWhatIsNeeded() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3", "c", .enter)
        XCTAssertTrue(lineAbovePrompt(console).contains("a note is required: what should the creator change?"), console.dump)
        console.press(.escape, "x", .enter)
        XCTAssertTrue(lineAbovePrompt(console).contains("a reason is required to reject"), console.dump)
        XCTAssertTrue(console.session.performed.isEmpty)
    }

    func testEnterAtTheBulkApproveQuestionSaysWhichKeysAnswerIt() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3", " ", " ", "a", .enter)
        XCTAssertNotNil(console.state.prompt)
        XCTAssertTrue(lineAbovePrompt(console).contains("press y to approve or n to cancel"), console.dump)
        console.press("n")
        XCTAssertNil(console.state.prompt)
        XCTAssertTrue(console.session.performed.isEmpty)
    }

    func testAnEmptyExceptionNoteSaysWhatIsNeeded() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", "!", .enter)
        XCTAssertTrue(lineAbovePrompt(console).contains("a note is required: what went wrong?"), console.dump)
        XCTAssertTrue(console.session.performed.isEmpty)
    }

    func testAnUnknownCarrierNamesTheCarriersThereAre() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", "s", .control("u")).type("dpd").press(.enter)
        XCTAssertEqual(console.state.prompt?.text, "dpd", "what was typed is kept to correct")
        XCTAssertTrue(lineAbovePrompt(console).contains("carrier: one of UPS, USPS, FedEx, DHL, Royal Mail, other (got dpd)"), console.dump)
    }

    func testAUseTheLibraryDoesNotKnowNamesTheUsesThereAre() {
        let console = ConsoleDriver(LibrarySample.workspace(), size: Size(width: 120, height: 30))
        console.press("4", "u", .control("u")).type("tv FR").press(.enter)
        XCTAssertEqual(console.state.prompt?.text, "tv FR")
        XCTAssertTrue(lineAbovePrompt(console).contains("'tv' is not a use; use one of organic-repost, paid-social"), console.dump)
        XCTAssertNil(console.state.library.usable)
    }

    func testAnEmptyTagListSaysToTypeATag() {
        let console = ConsoleDriver(LibrarySample.workspace(), size: Size(width: 120, height: 30))
        console.press("4", "+", .enter)
        XCTAssertTrue(lineAbovePrompt(console).contains("type a tag (Tab completes); Esc cancels"), console.dump)
    }
}
