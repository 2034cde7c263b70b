import ChorusCore
@testable import ChorusUI
import XCTest

/// A coordinator meets a draft whose `#ad` sits at the end after a run of hashtags: the inbox
/// says where it is and what to do, `a` refuses it, and `o` waives it with a reason like any check.
final class DisclosurePlacementKeyTests: XCTestCase {
    /// 290 characters of caption, a mention, three hashtags, then `#ad` at character 321.
    static let buried = String(repeating: "x", count: 290) + " @glow #GlowUp #spf #skincare #ad"

    func testABuriedDisclosureIsRefusedSayingWhereAndWaivedWithAReason() throws {
        let console = ConsoleDriver(ApprovalsSample.workspace(captions: [1: Self.buried]), size: Size(width: 200, height: 40))
        console.press("3")
        let where_ = "#ad at character 321 (past the first 125, after 3 hashtags): move it to the first line"
        XCTAssertNotNil(console.frame.row(containing: "✗ disclosure buried"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "✗ #ad at character 321 (past the first 125"),
                        "the side panel names the check in full\n" + console.dump)

        console.press("a")
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(1))?.status, .pending)
        XCTAssertEqual(console.state.message?.text, "not approved: SU-0001 \(where_) · o overrides")

        console.press("o").type("The label says paid partnership").press(.enter)
        let review = try XCTUnwrap(console.workspace.submission(ApprovalsSample.id(1))?.reviews.last)
        XCTAssertEqual(review.action, .approvedWithOverride)
        XCTAssertEqual(review.overriddenChecks, [where_])
    }

    func testTheProgramsLimitDecides() throws {
        var workspace = ApprovalsSample.workspace(captions: [1: "Morning routine with @glow #GlowUp and a long story to tell #ad"])
        XCTAssertEqual(workspace.complianceFailures(for: workspace.submission(ApprovalsSample.id(1))!).map(\.summary), [])
        var program = workspace.program
        program.settings.disclosureWithinCharacters = 40
        try workspace.apply(.updateProgram(program), context: CommandContext(now: Sample.now, actor: "test"))
        XCTAssertEqual(workspace.complianceFailures(for: workspace.submission(ApprovalsSample.id(1))!).map(\.summary),
                       ["#ad at character 61 (past the first 40): move it to the first line"])
    }
}
