import ChorusCore
@testable import ChorusUI
import XCTest

/// `y` puts what the cursor row is known by on the clipboard and says what it copied; `o`
/// (the Library) and `O` (Approvals) hand a post or draft link to the browser, and show
/// anything that is not a web link instead of opening it.
final class CopyAndOpenKeyTests: XCTestCase {
    private func statusLine(_ console: ConsoleDriver) -> String { console.frame.lines.last ?? "" }

    func testYCopiesTheCreatorsHandleInThePipeline() {
        let console = ConsoleDriver(size: Size(width: 120, height: 30))
        console.press("j", "y")
        let handle = try! XCTUnwrap(console.console.takeTerminalRequests().first)
        guard case .copy(let text) = handle else { return XCTFail("\(handle)") }
        XCTAssertTrue(text.hasPrefix("@"), text)
        XCTAssertNotNil(console.frame.row(containing: text), "the copied handle is the cursor row's")
        XCTAssertTrue(statusLine(console).contains("copied \(text) (handle of "), statusLine(console))
        XCTAssertEqual(console.console.takeTerminalRequests(), [], "each copy is carried out once")
    }

    func testYInAFilteredWavesListCopiesTheWaveOnTheCursorRow() {
        let console = ConsoleDriver(size: Size(width: 120, height: 30))
        console.press("7", "/").type("planning").press(.enter, "y")
        let copied = try! XCTUnwrap(console.console.takeTerminalRequests().first)
        XCTAssertEqual(copied, .copy(Sample.wave2.rawValue), "the one wave the filter shows, not the first of all waves: \(console.dump)")
        XCTAssertTrue(statusLine(console).contains("id of Wave 2"), statusLine(console))
    }

    func testYCopiesAParcelsTrackingNumberOnceItHasOneAndItsIdBefore() {
        let console = ConsoleDriver(SeedingSample.workspace(), size: Size(width: 120, height: 30))
        console.press("2", "/").type("SH-0002").press(.enter, "y")
        XCTAssertEqual(console.console.takeTerminalRequests(), [.copy("SH-0002")])
        XCTAssertTrue(statusLine(console).contains("copied SH-0002 (parcel id; it has no tracking number yet)"), statusLine(console))

        console.press("p", "s", .enter).type(SeedingSample.ups(2)).press(.enter)
        XCTAssertEqual(console.workspace.shipment("SH-0002")?.trackingNumber, SeedingSample.ups(2))
        console.press(.escape)  // the run's summary stays until dismissed
        _ = console.console.takeTerminalRequests()
        console.press("y")
        XCTAssertEqual(console.console.takeTerminalRequests(), [.copy(SeedingSample.ups(2))])
        XCTAssertTrue(statusLine(console).contains("copied \(SeedingSample.ups(2)) (tracking number of SH-0002)"), statusLine(console))
    }

    func testTheLibraryCopiesAndOpensThePostURL() {
        let console = ConsoleDriver(LibrarySample.workspace(), size: Size(width: 120, height: 30))
        console.press("4", "y")
        XCTAssertEqual(console.console.takeTerminalRequests(), [.copy("https://example.com/p/3")], "AS-0003 has the most views")
        console.press("o")
        XCTAssertEqual(console.console.takeTerminalRequests(), [.open("https://example.com/p/3")])
        XCTAssertTrue(statusLine(console).contains("opening https://example.com/p/3"), statusLine(console))
    }

    func testYAndOWorkOnTheDetailThatIsOpen() {
        let console = ConsoleDriver(LibrarySample.workspace(), size: Size(width: 120, height: 30))
        console.press("4", .enter)
        XCTAssertEqual(console.state.overlay, .assetDetail("AS-0003"))
        console.press("y", "o")
        XCTAssertEqual(console.console.takeTerminalRequests(), [.copy("https://example.com/p/3"), .open("https://example.com/p/3")])
        XCTAssertEqual(console.state.overlay, .assetDetail("AS-0003"), "the detail stays open")
    }

    func testADraftsFilePathIsShownNotOpened() {
        let console = ConsoleDriver(ApprovalsSample.workspace(), size: Size(width: 120, height: 30))
        console.press("3", "y")
        guard case .copy(let id)? = console.console.takeTerminalRequests().first else { return XCTFail("nothing copied") }
        XCTAssertTrue(id.hasPrefix("SU-"), id)
        console.press("O")
        XCTAssertEqual(console.console.takeTerminalRequests(), [], "a file path never reaches the opener")
        XCTAssertTrue(statusLine(console).contains("reel-v1.mp4 (not a web link, so it is shown, not opened)"), statusLine(console))
    }

    func testOnlyPlainWebLinksAreOpenable() {
        XCTAssertEqual(WebLink.validated("https://www.instagram.com/p/abc/"), "https://www.instagram.com/p/abc/")
        for text in ["file:///etc/passwd", "javascript:alert(1)", "-oProxyCommand=x", "https://a.example/x y", "https://a.example/\u{1B}[2J",
                     "drafts/1/reel.mp4", "https://"] {
            XCTAssertNil(WebLink.validated(text), text)
        }
    }

    func testKeysAreDeclaredInTheKeyMapWithHelp() {
        XCTAssertEqual(KeyMap.action(for: .character("y"), in: .seeding), .copyRow)
        XCTAssertEqual(KeyMap.action(for: .character("o"), in: .library), .openLink)
        XCTAssertEqual(KeyMap.action(for: .character("o"), in: .approvals), .approveWithOverride, "o still overrides in Approvals")
        XCTAssertEqual(KeyMap.action(for: .character("O"), in: .approvals), .openLink)
        XCTAssertTrue(HelpOverlay.lines(for: .library).contains { $0.keys == "o" && $0.help.contains("open the post URL") })
    }
}
