import ChorusCore
@testable import ChorusUI
import XCTest

/// Someone filing a bug from the console finds the version where they look for help.
final class HelpVersionTests: XCTestCase {
    func testTheHelpOverlayEndsWithTheVersion() {
        let console = ConsoleDriver(size: Size(width: 120, height: 40)).press("?")
        console.press("G")
        XCTAssertNotNil(console.frame.row(containing: "Chorus \(ChorusVersion.current) · command line: chorus --help"), console.dump)
    }
}
