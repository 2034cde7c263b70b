import ChorusCore
@testable import ChorusOutbox
import XCTest

/// A coordinator's template files: front matter, merge fields in their words, and mistakes named
/// by file, line and field.
final class MessageTemplateTests: XCTestCase {
    func testAFieldMergesAsPlainTextWithoutHTMLEscaping() throws {
        let template = try MessageTemplate(kind: .late, file: "templates/late.md", text: """
            ---
            subject: "{{first_name}}, {{wave}} was due {{due_date}}"
            from: Kelpie Skin <creators@kelpieskin.eu>
            ---

            Hi {{first_name}} & team, use {{code}}.
            """)
        let rendered = template.render(["first_name": "Zoë", "wave": "Spring <launch>", "due_date": "2026-11-14", "code": "ZOE15"])
        XCTAssertEqual(rendered.subject, "Zoë, Spring <launch> was due 2026-11-14")
        XCTAssertEqual(rendered.body, "Hi Zoë & team, use ZOE15.\n")
        XCTAssertEqual(template.from, "Kelpie Skin <creators@kelpieskin.eu>")
    }

    func testAnUnknownFieldIsNamedWithItsTemplateAndLine() {
        let text = """
            ---
            subject: Hello {{first_name}}
            from: Kelpie Skin <creators@kelpieskin.eu>
            ---

            Hi {{first_name}},

            Your code is {{discount_code}}.
            """
        XCTAssertThrowsError(try MessageTemplate(kind: .approved, file: "templates/approved.md", text: text)) { error in
            let error = error as? TemplateError
            XCTAssertEqual(error?.line, 8)
            XCTAssertEqual(error?.file, "templates/approved.md")
            XCTAssertTrue(error?.description.contains("unknown field {{discount_code}}") == true, "\(String(describing: error))")
            XCTAssertTrue(error?.description.contains("first_name, handle, wave") == true)
        }
    }

    func testAnUnknownFieldInTheSubjectIsOnTheSubjectLine() {
        let text = "---\nsubject: Hi {{firstname}}\nfrom: A <a@b.example>\n---\nBody\n"
        XCTAssertThrowsError(try MessageTemplate(kind: .invite, file: "templates/invite.md", text: text)) { error in
            XCTAssertEqual((error as? TemplateError)?.line, 2)
        }
    }

    func testATemplateWithoutSubjectOrFrontMatterIsRefused() {
        XCTAssertThrowsError(try MessageTemplate(kind: .invite, file: "templates/invite.md", text: "Hi {{first_name}}")) { error in
            XCTAssertTrue("\(error)".contains("front matter"))
        }
        XCTAssertThrowsError(try MessageTemplate(kind: .invite, file: "templates/invite.md", text: "---\nfrom: A <a@b.example>\n---\nHi")) { error in
            XCTAssertTrue("\(error)".contains("no subject"))
        }
    }

    func testEveryDefaultTemplateUsesOnlyKnownFields() throws {
        for kind in MessageKind.allCases {
            XCTAssertNoThrow(try MessageTemplate(kind: kind, file: kind.rawValue, text: DefaultTemplates.text(kind, from: "Kelpie Skin <creators@kelpieskin.eu>")))
        }
    }

    /// The sample program's templates are the defaults, so a demo shows what `chorus init` writes.
    func testTheSampleWorkspaceShipsTheDefaults() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sample-data/workspace/templates")
        for kind in MessageKind.allCases {
            let text = try String(contentsOf: folder.appendingPathComponent(DefaultTemplates.fileName(kind)), encoding: .utf8)
            XCTAssertEqual(text, DefaultTemplates.text(kind, from: "Kelpie Skin <creators@kelpieskin.eu>"), kind.rawValue)
        }
    }
}
