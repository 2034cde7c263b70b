import ChorusCore
@testable import ChorusStore
import XCTest

/// Changing where a creator's money goes is finance's, whichever way the change comes in: the
/// creator form (`updateCreator`), the creators file (`chorus import creators`) or an undo.
/// Ops keep editing everything else about a creator.
final class PayoutEmailRolesTests: XCTestCase {
    private let shared = MemoryLog(workspace: TeamFixture.workspace)
    private var store: WorkspaceStore!
    private let creator: CreatorID = "CR-00001"

    override func setUpWithError() throws {
        store = try WorkspaceStore.open(sharing: shared)
        try store.perform(.setRoles(person: "olga", roles: [.ops]), context: TeamFixture.context("lena"))
        try store.perform(.setRoles(person: "cron", roles: [.importer]), context: TeamFixture.context("lena"))
        try store.perform(.setRoles(person: "fin", roles: [.ops, .finance]), context: TeamFixture.context("lena"))
        var paid = try XCTUnwrap(store.workspace.creator(creator))
        paid.payoutEmail = "mila.payouts@example.com"
        try store.perform(.updateCreator(paid), context: TeamFixture.context("lena"))
    }

    private func edited(_ change: (inout Creator) -> Void) throws -> Creator {
        var creator = try XCTUnwrap(store.workspace.creator(creator))
        change(&creator)
        return creator
    }

    private func assertRefused(_ body: @autoclosure () throws -> Any, saying expected: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        let before = shared.allEntries.count
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual((error as? DomainError)?.message ?? "\(error)", expected, file: file, line: line)
        }
        XCTAssertEqual(shared.allEntries.count, before, "nothing was journaled", file: file, line: line)
        XCTAssertEqual(store.workspace.creator(creator)?.payoutEmail, "mila.payouts@example.com", file: file, line: line)
    }

    func testOpsEditingACreatorsPayoutEmailIsToldItNeedsFinance() throws {
        let redirected = try edited { $0.payoutEmail = "someone.else@example.com" }
        assertRefused(try store.perform(.updateCreator(redirected), context: TeamFixture.context("olga")),
                      saying: "olga is ops; changing a payout email needs the finance role")
    }

    func testOpsStillEditTheOtherFields() throws {
        let noted = try edited { $0.note = "prefers DMs"; $0.email = "mila@example.org" }
        XCTAssertNoThrow(try store.perform(.updateCreator(noted), context: TeamFixture.context("olga")))
        XCTAssertEqual(store.workspace.creator(creator)?.note, "prefers DMs")
    }

    func testTheCreatorsFileCannotRedirectPayoutsWithoutFinance() throws {
        let redirected = try edited { $0.payoutEmail = "someone.else@example.com" }
        assertRefused(try store.perform(.importCreators([redirected], codes: []), context: TeamFixture.context("olga")),
                      saying: "olga is ops; changing a payout email needs the finance role")
        assertRefused(try store.perform(.importCreators([redirected], codes: []), context: TeamFixture.context("cron")),
                      saying: "cron is an importer; changing a payout email needs the finance role")
        let unchanged = try edited { $0.note = "from the CRM" }
        XCTAssertNoThrow(try store.perform(.importCreators([unchanged], codes: []), context: TeamFixture.context("cron")),
                         "a file that carries the same payout email imports")
    }

    func testPayoutsThatGoToTheContactEmailMoveWithIt() throws {
        var unpaid = try edited { $0.payoutEmail = nil }
        try store.perform(.updateCreator(unpaid), context: TeamFixture.context("lena"))
        unpaid.email = "someone.else@example.com"
        XCTAssertThrowsError(try store.perform(.updateCreator(unpaid), context: TeamFixture.context("olga"))) { error in
            XCTAssertEqual((error as? DomainError)?.message,
                           "olga is ops; changing a payout email needs the finance role (@\(unpaid.handle) has no payout email of their own, so payouts go to their email)")
        }
    }

    func testPayoutDetailsInTheCreatorFormNeedFinanceToo() throws {
        let wise = try edited { $0.payoutProfile = PayoutProfile(method: .wise) }
        assertRefused(try store.perform(.updateCreator(wise), context: TeamFixture.context("olga")),
                      saying: "olga is ops; payout details need the finance role")
    }

    /// Someone who edits creators and holds finance (or an admin) may; finance alone gives
    /// payout emails through the payout details file (`setPayoutDetails`).
    func testFinanceChangesAPayoutEmailAndOpsCannotUndoIt() throws {
        let redirected = try edited { $0.payoutEmail = "mila.wise@example.com" }
        let applied = try store.perform(.updateCreator(redirected), context: TeamFixture.context("fin"))
        XCTAssertEqual(store.workspace.creator(creator)?.payoutEmail, "mila.wise@example.com")
        XCTAssertThrowsError(try store.perform(applied.undo, context: TeamFixture.context("olga"))) { error in
            XCTAssertEqual((error as? DomainError)?.message, "olga is ops; changing a payout email needs the finance role")
        }
        XCTAssertEqual(store.workspace.creator(creator)?.payoutEmail, "mila.wise@example.com", "the undo changed nothing")
    }
}
