import ChorusUI
import Foundation
import XCTest

/// The README's key table is generated from the key map; this fails when someone changes a key
/// without regenerating it (`swift run chorus keys`, pasted between the markers).
final class ReadmeKeyMapTests: XCTestCase {
    func testTheReadmeShowsTheKeyMapAsDeclared() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "<!-- keys:begin -->\n"), "README lacks the keys:begin marker")
        let end = try XCTUnwrap(text.range(of: "\n<!-- keys:end -->"), "README lacks the keys:end marker")
        XCTAssertEqual(String(text[start.upperBound..<end.lowerBound]), KeyMapReference.markdown(),
                       "README key table is stale: run `swift run chorus keys` and paste it between the markers")
    }
}
