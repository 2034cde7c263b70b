import ChorusCore
@testable import ChorusPostgres
@testable import ChorusStore
import Foundation
import XCTest

/// Roles the database enforces: each person is a login granted some of the workspace's roles,
/// and `append_command` judges every entry by its own content — the kind (an undo by what it
/// takes back) against the permissions table, the actor against the login — whatever the
/// client says about it.
final class PostgresRolesTests: XCTestCase {
    private var team: PostgresTeam!
    private var logins: [String] = []
    private var otherWorkspaces: [PostgresAddress] = []

    override func setUpWithError() throws { team = try PostgresTeam() }

    override func tearDown() {
        for other in otherWorkspaces { PostgresTestServer.drop(other) }
        // Without a server setUp failed and there is no team to clean up after.
        guard let team else { return }
        if let admin = try? PostgresTestServer.admin(team.address) {
            for login in logins { _ = try? admin.query("DROP ROLE IF EXISTS \(login)") }
        }
        team.tearDown()
    }

    private func login(_ person: String, _ roles: [Role], at address: PostgresAddress? = nil) throws -> (name: String, address: PostgresAddress) {
        let login = try PostgresTestServer.login(person, roles: roles, at: address ?? team.address)
        logins.append(login.name)
        return login
    }

    /// The server reads nothing of a command but its kind (and an undo's `undoes`), so every
    /// kind is tried as the smallest entry that names it, straight through the append function.
    func testEveryRoleMayAppendExactlyTheKindsItsPermissionsAllow() throws {
        let schema = team.address.schema
        for role in Role.allCases {
            let person = try login(role.rawValue, [role])
            let connection = try PostgresConnection(person.address)
            for kind in Command.Kind.allCases {
                let head = try XCTUnwrap(connection.query("SELECT head_seq FROM \(schema).workspace").int(0, 0))
                let entry = #"{"actor": "\#(person.name)", "command": {"kind": "\#(kind.rawValue)"}}"#
                let attempt = Result {
                    try connection.query("SELECT outcome FROM \(schema).append_command($1, $2, $3, $4, 0, NULL, \(JournalEntry.currentFormat), NULL, $5::jsonb)",
                                         [PostgresValue(head), .text(UUID().uuidString), .text(kind.rawValue), .text(person.name), .text(entry)])
                }
                if kind.isAllowed(for: [role]) {
                    XCTAssertEqual(try attempt.get().text(0, 0), "appended", "\(role) may \(kind)")
                } else {
                    XCTAssertThrowsError(try attempt.get(), "\(role) may not \(kind)") { error in
                        XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(role) \(kind): \(error)")
                    }
                }
            }
        }
        let landed = try PostgresTestServer.admin(team.address).query("SELECT count(*) FROM \(schema).commands").int(0, 0)
        let allowed = Role.allCases.reduce(0) { sum, role in sum + Command.Kind.allCases.filter { $0.isAllowed(for: [role]) }.count }
        XCTAssertEqual(landed, allowed, "every allowed append landed and no refused one did")
        XCTAssertEqual(allowed, Permissions.byKindName.values.reduce(0) { $0 + $1.count }, "the server's table is Permissions.byKindName")
    }

    func testEvenAnAdminCannotInsertIntoTheCommandsTable() throws {
        let admin = try PostgresConnection(try login("boss", [.admin]).address)
        XCTAssertThrowsError(try admin.query(
            "INSERT INTO \(team.address.schema).commands (seq, command_id, kind, actor, client_at, format, entry) VALUES (1, 'x', 'approve', 'boss', 0, 4, '{}')")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(error)")
        }
        XCTAssertThrowsError(try admin.query("INSERT INTO \(team.address.schema).permissions VALUES ('reader', 'createPayoutRun')")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "nobody widens their own permissions: \(error)")
        }
        XCTAssertEqual(try team.client().head(), 0)
    }

    func testAnEntryRecordedAsSomeoneElseIsRefusedUnlessTheProgramAllowsActingAs() throws {
        let sam = try login("sam", [.seeding])
        let log = try PostgresLog(sam.address)
        let forged = JournalEntry(seq: 1, at: StoreFixtures.march12, actor: "maria", command: .adjustStock(sku: "SKU-SERUM", delta: 9, reason: "x"),
                                  commandID: "forged")
        XCTAssertThrowsError(try log.append(forged, expectedHead: 0)) { error in
            XCTAssertTrue("\(error)".contains("may not record a change as maria"), "\(error)")
        }
        XCTAssertEqual(try log.head(), 0, "nothing was written")

        let boss = try login("boss", [.admin])
        let allow = JournalEntry(seq: 1, at: StoreFixtures.march12, actor: boss.name, command: .allowActingAs(true), commandID: "allow")
        XCTAssertEqual(try PostgresLog(boss.address).append(allow, expectedHead: 0), .appended(1))
        var shared = forged
        shared.seq = 2
        XCTAssertEqual(try log.append(shared, expectedHead: 1), .appended(2), "at a shared packing table, once an admin allowed it")

        var takenBack = RestorePoint()
        takenBack.program = TeamFixture.workspace.program
        takenBack.program?.people = ProgramPeople(people: [Person(name: boss.name, roles: [.admin])], allowsActingAs: false)
        takenBack.undoes = .allowActingAs
        let undo = JournalEntry(seq: 3, at: StoreFixtures.march12, actor: boss.name, command: .restore(point: takenBack, label: "undo"),
                                commandID: "undo-allow")
        XCTAssertEqual(try PostgresLog(boss.address).append(undo, expectedHead: 2), .appended(3))
        var again = forged
        again.seq = 4
        again.commandID = "forged-again"
        XCTAssertThrowsError(try log.append(again, expectedHead: 3), "undoing the permission takes it back on the server too")
    }

    func testTheClientCannotNameAnotherActorOrKindThanTheEntrySays() throws {
        let sam = try login("sam", [.seeding])
        let connection = try PostgresConnection(sam.address)
        let entry = #"{"actor": "maria", "command": {"kind": "createPayoutRun"}}"#
        XCTAssertThrowsError(try connection.query("SELECT * FROM \(team.address.schema).append_command(0, 'a', 'adjustStock', $1, 0, NULL, \(JournalEntry.currentFormat), NULL, $2::jsonb)",
                                                  [.text(sam.name), .text(entry)])) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "22023", "\(error)")
        }
        XCTAssertEqual(try team.client().head(), 0)
    }

    func testAnotherWorkspaceOnTheSameServerIsInvisibleToItsNonMembers() throws {
        let other = try PostgresTestServer.newWorkspaceAddress()
        try PostgresLog.create(other, workspace: TeamFixture.workspace)
        otherWorkspaces.append(other)
        let theirs = try login("theirs", [.admin], at: other)
        try PostgresLog(theirs.address).append(JournalEntry(seq: 1, at: StoreFixtures.march12, actor: theirs.name,
                                                            command: .adjustStock(sku: "SKU-SERUM", delta: 1, reason: "theirs"), commandID: "b1"),
                                               expectedHead: 0)

        let ours = try login("ours", [.admin])
        let connection = try PostgresConnection(ours.address)
        for table in ["commands", "workspace", "snapshot_chunks", "permissions", "earlier_history"] {
            XCTAssertThrowsError(try connection.query("SELECT * FROM \(other.schema).\(table)"), table) { error in
                XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(table): \(error)")
            }
        }
        var theirsAsUs = try XCTUnwrap(URLComponents(string: other.uri))
        theirsAsUs.user = ours.name
        XCTAssertThrowsError(try PostgresLog(try PostgresAddress(try XCTUnwrap(theirsAsUs.string), workspace: other.workspace))) { error in
            XCTAssertTrue("\(error)".contains("is not open to you"), "\(error)")
        }
        XCTAssertEqual(try PostgresLog(ours.address).head(), 0, "and their append is not in ours")
    }

    func testUndoingAPayoutRunNeedsTheFinanceRoleWhateverTheUndoClaims() throws {
        let ops = try login("olga", [.ops])
        let finance = try login("fin", [.finance])
        var point = RestorePoint()
        point.remove.payoutRuns = [1]
        point.undoes = .createPayoutRun
        func undo(by login: (name: String, address: PostgresAddress), _ point: RestorePoint, seq: Int) throws -> AppendOutcome {
            try PostgresLog(login.address).append(JournalEntry(seq: seq, at: StoreFixtures.march12, actor: login.name,
                                                               command: .restore(point: point, label: "undo payout run 1"),
                                                               commandID: UUID().uuidString),
                                                  expectedHead: seq - 1)
        }
        XCTAssertThrowsError(try undo(by: ops, point, seq: 1)) { error in
            XCTAssertTrue("\(error)".contains("\(ops.name) may not do that in workspace \(self.team.address.workspace): payout runs need the finance role"),
                          "\(error)")
        }
        var disguised = point
        disguised.undoes = .advanceStage
        XCTAssertThrowsError(try undo(by: ops, disguised, seq: 1), "an undo that says it takes back a stage move but puts back a payout run")
        XCTAssertEqual(try team.client().head(), 0, "neither landed")
        XCTAssertEqual(try undo(by: finance, point, seq: 1), .appended(1))
    }
}
