import ChorusCore
@testable import ChorusUI
import XCTest

/// A buyer wrote "Felix Mueller on Instagram" and two creators are called Felix Mueller: the
/// answer credits nobody until a person picks one. `:resolve` lists such answers with the
/// creators they name; a digit credits that creator (one change, `z` takes it back).
final class SurveyAnswersQueueTests: XCTestCase {
    static let felix: CreatorID = "CR-0101", otherFelix: CreatorID = "CR-0102"

    static func workspace() throws -> Workspace {
        var workspace = Sample.workspace(extraCreators: [
            Creator(id: felix, handle: "felix.mueller", name: "Felix Mueller", country: "DE",
                    profiles: [SocialProfile(platform: .instagram, handle: "felix.mueller", followers: 8_420)]),
            Creator(id: otherFelix, handle: "felixmueller.trails", name: "Felix Mueller", country: "AT"),
        ])
        let context = CommandContext(now: Sample.now, actor: "test")
        try workspace.apply(.importOrders([
            Order(id: "#2001", email: "ola@example.com", financialStatus: "paid", createdAt: Sample.now,
                  subtotal: Money(minorUnits: 8_900, currency: .eur), refunded: .zero(.eur)),
        ]), context: context)
        try workspace.apply(.importSurveyResponses([
            SurveyResponse(id: "SR-1", orderID: "#2001", question: "How did you hear about us?", response: "Felix Mueller on Instagram"),
        ]), context: context)
        return workspace
    }

    func testADigitCreditsTheCreatorWithThatNumberAndZTakesItBack() throws {
        let console = ConsoleDriver(try Self.workspace(), size: Size(width: 100, height: 30))
        console.press(":").type("resolve").press(.enter)
        XCTAssertEqual(console.state.overlay, .surveyAnswers(cursor: 0))
        XCTAssertNotNil(console.frame.row(containing: "Survey answers naming several creators (1) — 1–9 credits · Esc closes"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "#2001  \"Felix Mueller on Instagram\""), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "1  @felix.mueller  Felix Mueller · DE"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "2  @felixmueller.trails  Felix Mueller · AT"), console.dump)

        console.press("3")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "#2001's answer names 2 creators; press 1–2"))
        XCTAssertTrue(console.session.performed.isEmpty)

        console.press("2")
        XCTAssertEqual(console.session.performed, [.resolveSurveyAnswer(order: "#2001", creator: Self.otherFelix, alias: "Felix Mueller on Instagram")])
        XCTAssertEqual(console.state.pane, .pipeline, "the digit credited; it did not switch panes")
        XCTAssertEqual(console.workspace.creator(Self.otherFelix)?.aliases, ["Felix Mueller on Instagram"])
        XCTAssertEqual(Attribution.compute(console.workspace).totals[Self.otherFelix]?.assistedNetRevenue, 8_900)
        XCTAssertNotNil(console.frame.row(containing: "No survey answer names several creators."), console.dump)

        console.press("z")
        XCTAssertEqual(console.workspace.creator(Self.otherFelix)?.aliases, [], "one z takes back the credit and the alias")
        XCTAssertNotNil(console.frame.row(containing: "#2001  \"Felix Mueller on Instagram\""), "the answer is back in the queue\n" + console.dump)
        console.press(.escape)
        XCTAssertNil(console.state.overlay)
    }
}
