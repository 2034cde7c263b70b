import ChorusCore
@testable import ChorusStore
import XCTest

/// The store refuses what the acting person's roles do not allow, in their words, before
/// anything is applied or journaled; roles an admin changes count for everyone at once.
final class RolesStoreTests: XCTestCase {
    private let shared = MemoryLog(workspace: TeamFixture.workspace)
    private var admin: WorkspaceStore!
    private var warehouse: WorkspaceStore!

    override func setUpWithError() throws {
        admin = try WorkspaceStore.open(sharing: shared)
        warehouse = try WorkspaceStore.open(sharing: shared)
        try admin.perform(.setRoles(person: "sam", roles: [.seeding]), context: TeamFixture.context("lena"))
    }

    private func assertRefused(_ body: @autoclosure () throws -> Any, saying expected: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        let before = shared.allEntries.count
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? DomainError)?.message ?? "\(error)", expected, file: file, line: line)
        }
        XCTAssertEqual(shared.allEntries.count, before, "nothing was journaled", file: file, line: line)
    }

    func testASeedingPersonApprovingADraftIsToldWhichRoleItNeeds() throws {
        assertRefused(try warehouse.perform(.approve([TeamFixture.drafts[0]]), context: TeamFixture.context("sam")),
                      saying: "sam is seeding; approving drafts needs the ops role")
        XCTAssertEqual(warehouse.workspace.submission(TeamFixture.drafts[0])?.status, .pending, "the draft is still pending")
    }

    func testARoleGivenByAnAdminCountsAtOnceInAnotherConsole() throws {
        assertRefused(try warehouse.perform(.approve([TeamFixture.drafts[0]]), context: TeamFixture.context("sam")),
                      saying: "sam is seeding; approving drafts needs the ops role")
        try admin.perform(.setRoles(person: "sam", roles: [.seeding, .ops]), context: TeamFixture.context("lena"))
        XCTAssertNoThrow(try warehouse.perform(.approve([TeamFixture.drafts[0]]), context: TeamFixture.context("sam")))
    }

    func testOnlyAnAdminChangesPeople() {
        assertRefused(try warehouse.perform(.setRoles(person: "sam", roles: [.admin]), context: TeamFixture.context("sam")),
                      saying: "sam is seeding; people and their roles need the admin role")
    }

    func testAnUndoOfAnOpsDecisionByTheWarehouseIsRefused() throws {
        try admin.perform(.setRoles(person: "olga", roles: [.ops]), context: TeamFixture.context("lena"))
        let approved = try admin.perform(.approve([TeamFixture.drafts[1]]), context: TeamFixture.context("olga"))
        assertRefused(try admin.perform(approved.undo, context: TeamFixture.context("sam")),
                      saying: "sam is seeding; approving drafts needs the ops role")
        XCTAssertNoThrow(try admin.perform(approved.undo, context: TeamFixture.context("olga")), "olga may take her own decision back")
    }

    func testActingAsSomeoneElseNeedsTheProgramToAllowIt() throws {
        var packing = TeamFixture.context("sam")
        packing.login = "packing"
        assertRefused(try warehouse.perform(.markPacked([]), context: packing),
                      saying: "acting as sam is not allowed in this program: run chorus as yourself (packing), "
                        + "or an admin allows it with chorus people acting-as allow")
        try admin.perform(.allowActingAs(true), context: TeamFixture.context("lena"))
        XCTAssertThrowsError(try warehouse.perform(.markPacked([]), context: packing)) { error in
            XCTAssertEqual("\(error)", "no shipments given", "now only the command's own rules speak")
        }
    }

    func testAWorkspaceWithoutPeopleLetsEveryoneDoEverything() throws {
        let open = try WorkspaceStore.open(sharing: MemoryLog(workspace: TeamFixture.workspace))
        var somebody = TeamFixture.context("anyone")
        somebody.login = "someone-else"
        XCTAssertNoThrow(try open.perform(.approve([TeamFixture.drafts[0]]), context: somebody))
    }
}
