import ChorusCore
@testable import ChorusUI
import XCTest

/// A person's roles in the console: keys they may not use say why at once (before a prompt
/// asks for a note), the palette refuses the same way, the help greys them, and undo is judged
/// as what it takes back.
final class RoleKeysTests: XCTestCase {
    /// The approval inbox of a program where lena (admin) set up sam in the warehouse and olga in ops.
    private func workspace() throws -> Workspace {
        var workspace = ApprovalsSample.workspace()
        let lena = CommandContext(now: Sample.now, actor: "lena")
        try workspace.apply(.setRoles(person: "sam", roles: [.seeding]), context: lena)
        try workspace.apply(.setRoles(person: "olga", roles: [.ops]), context: lena)
        return workspace
    }

    func testASeedingPersonPressingApproveIsToldWhichRoleItNeeds() throws {
        let console = ConsoleDriver(try workspace(), size: Size(width: 100, height: 30), person: "sam")
        console.press("3", "a")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "sam is seeding; approving drafts needs the ops role"))
        XCTAssertTrue(console.dump.contains("sam is seeding; approving drafts needs the ops role"), console.dump)
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(1))?.status, .pending)
        XCTAssertTrue(console.session.performed.isEmpty, "nothing was sent")

        console.press("c")
        XCTAssertNil(console.state.prompt, "no note is asked for a decision sam may not make")
        XCTAssertEqual(console.state.message?.text, "sam is seeding; requesting changes to drafts needs the ops role")
    }

    func testThePaletteRefusesTheSameWay() throws {
        let console = ConsoleDriver(try workspace(), person: "sam")
        console.press(":").type("approve \(ApprovalsSample.id(2).rawValue)").press(.enter)
        XCTAssertEqual(console.state.message?.text, "sam is seeding; approving drafts needs the ops role")
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(2))?.status, .pending)
    }

    func testTheWarehouseKeysStillWorkForSam() throws {
        let console = ConsoleDriver(try workspace(), person: "sam")
        console.press("2", "f")
        XCTAssertNotEqual(console.state.message?.kind, .warning, "looking around is every role's")
        console.press(":").type("stock SKU-NONE +5 delivery").press(.enter)
        XCTAssertFalse(console.state.message?.text.contains("role") ?? true, "correcting stock is sam's: \(console.state.message?.text ?? "")")
    }

    func testHelpGreysTheKeysThePersonMayNotUse() throws {
        let console = ConsoleDriver(try workspace(), size: Size(width: 100, height: 40), person: "sam")
        console.press("3", "?")
        let frame = console.frame
        XCTAssertEqual(frame.role(of: "approve (refused"), .mutedText, console.dump)
        XCTAssertEqual(frame.role(of: "move down"), .text, "moving is not greyed")

        let olga = ConsoleDriver(try workspace(), size: Size(width: 100, height: 40), person: "olga")
        olga.press("3", "?")
        XCTAssertEqual(olga.frame.role(of: "approve (refused"), .text, "ops may approve")
    }

    func testUndoNeedsTheRoleOfWhatItTakesBack() throws {
        let console = ConsoleDriver(try workspace(), person: "olga")
        console.press("3", "a")
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(1))?.status, .approved)
        try console.session.colleague("lena", .setRoles(person: "olga", roles: [.reader]))
        XCTAssertTrue(console.console.followColleagues(), "the console follows lena's change")
        console.press("z")
        XCTAssertEqual(console.state.message?.text, "olga is a reader; approving drafts needs the ops role")
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(1))?.status, .approved, "the approval stands")
    }

    func testAProgramWithoutPeopleKeepsEveryKey() {
        let console = ConsoleDriver(ApprovalsSample.workspace(), person: "sam")
        console.press("3", "a")
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(1))?.status, .approved)
    }
}
