import ChorusCore
import Foundation
import XCTest

/// The README's role table is generated from the permission switch; this fails when someone
/// changes who may do what without regenerating it (`swift run chorus people roles`, pasted
/// between the markers).
final class ReadmeRolesTableTests: XCTestCase {
    func testTheReadmeShowsWhoMayDoWhatAsDeclared() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "<!-- roles:begin -->\n"), "README lacks the roles:begin marker")
        let end = try XCTUnwrap(text.range(of: "\n<!-- roles:end -->"), "README lacks the roles:end marker")
        XCTAssertEqual(String(text[start.upperBound..<end.lowerBound]), Permissions.markdownTable(),
                       "README role table is stale: run `swift run chorus people roles` and paste it between the markers")
    }
}
