import ChorusStore
import Foundation
import XCTest

/// A brand sets up roles: lena (who sets them up, and so is admin), sam in the warehouse and
/// olga in ops. Each may do their own work from the command line and the console; what their
/// role does not cover is refused naming the role, and nothing is written.
final class TeamRolesTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    @discardableResult
    private func chorus(_ person: String, _ arguments: String...) throws -> ChorusProcess.Result {
        try ChorusProcess.run(arguments + ["-w", workspace.path], environment: ["CHORUS_USER": person])
    }

    private func pendingDrafts() throws -> [String] {
        let result = try chorus("lena", "list", "submissions", "--status", "pending", "--format", "json")
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return rows.filter { $0["compliance"] as? String == "pass" }.compactMap { $0["id"] as? String }
    }

    private func setUpPeople() throws {
        XCTAssertEqual(try chorus("lena", "people", "add", "sam", "--role", "seeding").stdout,
                       "added sam as seeding; lena is admin, as the one who set up the program's people\n")
        XCTAssertEqual(try chorus("lena", "people", "add", "olga", "--role", "ops").stdout, "added olga as ops\n")
    }

    func testPeopleAreListedAndOnlyAnAdminChangesThem() throws {
        XCTAssertEqual(try chorus("lena", "people", "list").stdout,
                       "no people yet: everyone may do everything (chorus people add NAME --role ROLE sets up roles)\n")
        try setUpPeople()
        let listed = try chorus("sam", "people", "list", "--format", "json")
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["lena", "olga", "sam"])
        XCTAssertEqual(rows.map { $0["roles"] as? [String] }, [["admin"], ["ops"], ["seeding"]])

        let promoted = try chorus("sam", "people", "add", "sam", "--role", "admin")
        XCTAssertEqual(promoted.status, 1)
        XCTAssertEqual(promoted.stderr, "chorus: sam is seeding; people and their roles need the admin role\n")
        let wrongRole = try chorus("lena", "people", "add", "kim", "--role", "cashier")
        XCTAssertEqual(wrongRole.stderr, "chorus: --role: 'cashier' is not a role; the roles are reader, seeding, ops, finance, importer, admin\n")
        let lastAdmin = try chorus("lena", "people", "remove", "lena")
        XCTAssertEqual(lastAdmin.status, 1)
        XCTAssertEqual(lastAdmin.stderr, "chorus: lena is the program's only admin; make someone else admin first (chorus people add NAME --role admin)\n")
        XCTAssertEqual(try chorus("lena", "people", "remove", "olga").stdout, "removed olga from the program's people\n")
    }

    func testTheWarehouseCannotApproveOrPayAndNothingIsWritten() throws {
        try setUpPeople()
        let draft = try XCTUnwrap(try pendingDrafts().first)
        let before = try folderContents(workspace)
        let approve = try chorus("sam", "approve", draft)
        XCTAssertEqual(approve.status, 1)
        XCTAssertEqual(approve.stderr, "chorus: sam is seeding; approving drafts needs the ops role\n")
        let payout = try chorus("sam", "payout", "create")
        XCTAssertEqual(payout.status, 1)
        XCTAssertEqual(payout.stderr, "chorus: sam is seeding; payout runs need the finance role\n")
        // Attribution worked out for the payout run is kept as a cache of the state, not a change to it.
        XCTAssertEqual(try folderContents(workspace).filter { !$0.key.hasPrefix("attribution-") }, before, "a refused command writes nothing")

        let approved = try chorus("olga", "approve", draft)
        XCTAssertEqual(approved.status, 0, approved.stderr)
        let stranger = try chorus("kim", "approve", try XCTUnwrap(try pendingDrafts().first))
        XCTAssertEqual(stranger.stderr, "chorus: kim is not among the program's people; approving drafts needs the ops role "
                       + "(an admin adds them: chorus people add kim --role ROLE)\n")
    }

    func testActingAsSomeoneElseNeedsTheProgramToAllowIt() throws {
        try setUpPeople()
        let draft = try XCTUnwrap(try pendingDrafts().first)
        let refused = try ChorusProcess.run(["--as", "olga", "approve", draft, "-w", workspace.path], environment: ["CHORUS_USER": "lena"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "chorus: acting as olga is not allowed in this program: run chorus as yourself (lena), "
                       + "or an admin allows it with chorus people acting-as allow\n")

        XCTAssertEqual(try chorus("lena", "people", "acting-as", "allow").stdout, "people may now act as someone else (chorus --as NAME)\n")
        let allowed = try ChorusProcess.run(["-w", workspace.path, "--as", "olga", "approve", draft], environment: ["CHORUS_USER": "lena"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        let history = try chorus("lena", "history", "--actor", "olga", "--kind", "approve", "--format", "json")
        XCTAssertEqual(try XCTUnwrap(JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]).count, 1,
                       "the journal records olga, as whom lena acted")
    }

    func testASeedingPersonPressingApproveInTheConsoleIsTold() throws {
        try setUpPeople()
        let sam = try TmuxSession(columns: 140, rows: 40, arguments: ["open", "--workspace", workspace.path],
                                  environment: ["CHORUS_USER": "sam"])
        try sam.waitFor("sort: stage")
        try sam.press("3")
        try sam.waitFor("pending")
        try sam.press("a")
        try sam.waitFor("sam is seeding; approving drafts needs the ops role")
        try sam.press("q")
        XCTAssertEqual(try sam.waitForExit(), 0)
        XCTAssertEqual(try pendingDrafts().count, try pendingDraftsInAFreshCopy(), "nothing was approved")
    }

    /// The demo's passing drafts, from a fresh copy nobody touched.
    private func pendingDraftsInAFreshCopy() throws -> Int {
        let fresh = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: fresh) }
        XCTAssertEqual(try ChorusProcess.run(["init", fresh.path, "--sample"]).status, 0)
        let result = try ChorusProcess.run(["list", "submissions", "--status", "pending", "--format", "json", "-w", fresh.path])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return rows.filter { $0["compliance"] as? String == "pass" }.count
    }
}
