import ChorusCore
@testable import ChorusPostgres
@testable import ChorusStore
import Foundation
import XCTest

/// What only the PostgreSQL log does: members write through the append function and nothing
/// else, the server records who and when beside the client's word, a colleague's append reaches
/// a follower through LISTEN, and a broken connection is made again.
final class PostgresLogTests: XCTestCase {
    private var team: PostgresTeam!
    private var people: [String] = []

    override func setUpWithError() throws { team = try PostgresTeam() }

    override func tearDown() {
        // Without a server setUp failed and there is no team to clean up after.
        guard let team else { return }
        if let admin = try? PostgresTestServer.admin(team.address) {
            for person in people { _ = try? admin.query("DROP ROLE IF EXISTS \(person)") }
        }
        team.tearDown()
    }

    private func entry(_ seq: Int, _ id: String, actor: String = "ana") -> JournalEntry {
        JournalEntry(seq: seq, at: StoreFixtures.march12, actor: actor, command: .adjustStock(sku: "SKU-SERUM", delta: 1, reason: id),
                     commandID: id)
    }

    /// A login role on the test server, in the workspace's seeding role or in none of its
    /// roles, and the workspace's address as that person.
    private func person(_ name: String, member: Bool) throws -> PostgresAddress {
        let login = try PostgresTestServer.login(name, roles: member ? [.seeding] : [], at: team.address)
        people.append(login.name)
        return login.address
    }

    func testAMemberAppendsThroughTheFunctionAndTheServerRecordsWhoAndWhen() throws {
        let maria = try PostgresLog(try person("maria", member: true))
        let before = Date()
        let login = team.address.workspace + "_maria"
        XCTAssertEqual(try maria.append(entry(1, "a", actor: login), expectedHead: 0), .appended(1))
        let row = try PostgresTestServer.admin(team.address).query(
            "SELECT actor, db_user, extract(epoch FROM at)::bigint, client_at, kind FROM \(team.address.schema).commands WHERE seq = 1")
        XCTAssertEqual(row.text(0, 0), login, "the person the client named")
        XCTAssertEqual(row.text(0, 1), login, "the role the server knew (session_user)")
        XCTAssertEqual(Double(try XCTUnwrap(row.int(0, 2))), before.timeIntervalSince1970, accuracy: 5, "the server's clock")
        XCTAssertEqual(row.int(0, 3), Int(StoreFixtures.march12.secondsSinceEpoch), "the client's clock, beside it")
        XCTAssertEqual(row.text(0, 4), "adjustStock")
    }

    func testAMemberCannotWriteTheTablesDirectly() throws {
        let maria = try PostgresConnection(try person("maria", member: true))
        for statement in ["INSERT INTO \(team.address.schema).commands (seq, command_id, kind, actor, client_at, format, entry) VALUES (1, 'x', 'approve', 'maria', 0, 2, '{}')",
                          "UPDATE \(team.address.schema).workspace SET head_seq = 7",
                          "DELETE FROM \(team.address.schema).commands"] {
            XCTAssertThrowsError(try maria.query(statement), statement) { error in
                XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(error)")
            }
        }
        XCTAssertEqual(try team.client().head(), 0, "nothing was written")
    }

    func testSomeoneOutsideTheWorkspaceCanNeitherReadNorAppend() throws {
        let outsider = try person("eve", member: false)
        XCTAssertThrowsError(try PostgresLog(outsider)) { error in
            XCTAssertTrue("\(error)".contains("is not open to you"), "\(error)")
        }
        let connection = try PostgresConnection(outsider)
        XCTAssertThrowsError(try connection.query("SELECT * FROM \(team.address.schema).append_command(0, 'x', 'approve', 'eve', 0, NULL, 2, NULL, '{}')")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42501", "\(error)")
        }
    }

    func testACommandIDAlreadyOnTheLogIsNeverAppendedAgain() throws {
        let log = try team.client()
        XCTAssertEqual(try log.append(entry(1, "same"), expectedHead: 0), .appended(1))
        XCTAssertThrowsError(try log.append(entry(2, "same"), expectedHead: 1)) { error in
            XCTAssertTrue("\(error)".contains("command same is already in the log at entry 1"), "\(error)")
        }
        XCTAssertEqual(try log.entries(after: 0).map(\.commandID), ["same"])
    }

    func testAColleaguesAppendReachesAFollowerThroughListen() throws {
        let maria = try team.client(), sam = try team.client()
        let quiet = maria.changeHint()
        try waitUntil("maria's follower is connected") { (maria as? PostgresLog)?.link == .connected }
        let settled = maria.changeHint()
        XCTAssertNotEqual(settled, quiet, "connecting is itself a reason to catch up")
        XCTAssertEqual(try sam.append(entry(1, "sam's"), expectedHead: 0), .appended(1))
        try waitUntil("maria's hint moves within a second", within: 1) { maria.changeHint() != settled }
    }

    /// The follower reads what a notification announced on its own connection and thread, so
    /// the console's catch-up never waits on the network: here it returns at once while an
    /// admin holds the commands table locked, which a read on the server would wait for.
    func testAFollowerBringsColleaguesEntriesSoCatchingUpNeedsNoWaitOnTheServer() throws {
        let maria = try team.client(), sam = try team.client()
        _ = maria.changeHint()
        try waitUntil("maria's follower is connected") { (maria as? PostgresLog)?.link == .connected }
        let settled = maria.changeHint()
        XCTAssertEqual(try sam.append(entry(1, "first"), expectedHead: 0), .appended(1))
        XCTAssertEqual(try sam.append(entry(2, "second"), expectedHead: 1), .appended(2))
        try waitUntil("maria's follower read both", within: 2) {
            maria.changeHint() != settled && (try? maria.entries(after: 0).count) == 2
        }
        let admin = try PostgresTestServer.admin(team.address)
        try admin.query("BEGIN")
        try admin.query("LOCK TABLE \(team.address.schema).commands IN ACCESS EXCLUSIVE MODE")
        defer { _ = try? admin.query("ROLLBACK") }
        let start = Date()
        XCTAssertEqual(try maria.entries(after: 0).map(\.commandID), ["first", "second"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5, "no read on the server, which waits for the lock")
        XCTAssertEqual(try maria.entries(after: 1).map(\.commandID), ["second"], "and from where the store stands")
    }

    /// A listener can die without a word (a laptop's sleep, a NAT that forgot it): the heartbeat
    /// notices a head that moved with no notification heard.
    func testTheHeartbeatNoticesAHeadThatMovedWithoutANotification() throws {
        let follower = PostgresFollower(address: team.address, heartbeat: 0.3)
        defer { follower.stop() }
        try waitUntil("connected") { follower.link == .connected }
        let settled = follower.hint
        try PostgresTestServer.admin(team.address).query("UPDATE \(team.address.schema).workspace SET head_seq = head_seq + 1")
        try waitUntil("the heartbeat saw the head move", within: 1.5) { follower.hint != settled }
    }

    func testAFollowerWhoseConnectionIsCutReconnectsAndSaysSo() throws {
        let maria = try XCTUnwrap(try team.client() as? PostgresLog)
        _ = maria.changeHint()
        try waitUntil("connected") { maria.link == .connected }
        let before = maria.changeHint()
        try PostgresTestServer.admin(team.address).query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' OR (application_name = 'chorus' AND state = 'idle' AND query LIKE '%head_seq%')")
        try waitUntil("connected again") { maria.link == .connected && maria.changeHint() != before }
        XCTAssertEqual(try maria.head(), 0, "the log's own connection answers too")
    }

    /// A server restart ends every connection; the log's own is found broken only when used.
    func testAnAppendOnAConnectionTheServerEndedGoesThroughOnANewOne() throws {
        let log = try team.client()
        XCTAssertEqual(try log.append(entry(1, "before"), expectedHead: 0), .appended(1))
        let ended = try PostgresTestServer.admin(team.address).query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND application_name = 'chorus' AND datname = current_database()")
        XCTAssertGreaterThan(ended.count, 0)
        XCTAssertEqual(try log.append(entry(2, "after"), expectedHead: 1), .appended(2))
        XCTAssertEqual(try log.entries(after: 0).map(\.commandID), ["before", "after"], "once each")
    }

    func testSnapshotsLargerThanAChunkAndOneCompactionAcrossMachines() throws {
        let first = try team.client(), second = try team.client()
        var workspace = TeamFixture.workspace
        let note = String(repeating: "long note ", count: PostgresLog.chunkSize / 5)
        var program = workspace.program
        program.name = note
        try workspace.apply(.updateProgram(program), context: StoreFixtures.context())
        let lease = try XCTUnwrap(first.leaseCompaction())
        XCTAssertNil(second.leaseCompaction(), "another connection's compaction waits")
        XCTAssertEqual(try first.append(entry(1, "a"), expectedHead: 0), .appended(1))
        try first.putSnapshot(LogSnapshot(workspace: workspace, through: 1))
        lease.release()
        XCTAssertNotNil(second.leaseCompaction(), "released, another machine may compact")
        let read = try second.currentSnapshot()
        XCTAssertEqual(read.through, 1)
        XCTAssertTrue(read.workspace.program.name == note, "the long name came back whole from several chunks")
        XCTAssertEqual(read.workspace, workspace)
    }

    func testAPasswordInTheAddressIsRefused() {
        XCTAssertThrowsError(try PostgresAddress("postgres://maria:secret@db.example.com/chorus?workspace=glow")) { error in
            XCTAssertTrue("\(error)".contains("put it in ~/.pgpass"), "\(error)")
            XCTAssertFalse("\(error)".contains("secret"), "the password is never repeated")
        }
        XCTAssertThrowsError(try PostgresAddress("postgres://db.example.com/chorus")) { error in
            XCTAssertTrue("\(error)".contains("add ?workspace=NAME"), "\(error)")
        }
    }

    func testAnAddressOverTheNetworkRequiresEncryptionUnlessItSaysOtherwise() throws {
        let remote = try PostgresAddress("postgres://db.example.com/chorus?workspace=glow")
        XCTAssertEqual(remote.connectionParameters.first { $0.key == "sslmode" }?.value, "require")
        XCTAssertEqual(remote.connectionParameters.last?.value, "postgres://db.example.com/chorus", "the address's own settings come last and win")
        let verified = try PostgresAddress("postgres://db.example.com/chorus?workspace=glow&sslmode=verify-full")
        XCTAssertEqual(verified.connectionParameters.last?.value, "postgres://db.example.com/chorus?sslmode=verify-full")
        XCTAssertEqual(verified.description, "postgres://db.example.com/chorus (workspace glow)")
    }

    /// A listener sits idle between notifications, so only its keepalives find a cable pulled
    /// while nobody appends: they probe sooner than the other connections', and give up in
    /// about 6 s (the network-cut tests show the console saying so).
    func testTheListenerNoticesASilentCutWithinSecondsAndTheOtherConnectionsKeepTheirPatience() throws {
        let address = try PostgresAddress("postgres://db.example.com/chorus?workspace=glow")
        func value(_ key: String, _ parameters: [(key: String, value: String)]) -> Int? { parameters.first { $0.key == key }.flatMap { Int($0.value) } }
        let listener = address.listenerParameters, other = address.connectionParameters
        let idle = try XCTUnwrap(value("keepalives_idle", listener)), interval = try XCTUnwrap(value("keepalives_interval", listener))
        let count = try XCTUnwrap(value("keepalives_count", listener)), userTimeout = try XCTUnwrap(value("tcp_user_timeout", listener))
        XCTAssertLessThanOrEqual(max(idle + interval * count, userTimeout / 1000), 6, "a silent cut is noticed within about 6 s")
        XCTAssertGreaterThanOrEqual(value("tcp_user_timeout", other) ?? 0, 15_000, "an append waits out a short hiccup")
        XCTAssertEqual(listener.last?.value, other.last?.value, "the address's own settings win for both")
    }

    func testOpeningAWorkspaceTheServerDoesNotHoldSaysHowToCreateIt() throws {
        let missing = try PostgresAddress(team.address.uri, workspace: "nosuch")
        XCTAssertThrowsError(try PostgresLog(missing)) { error in
            XCTAssertTrue("\(error)".contains("holds no such workspace; create it with chorus init --postgres"), "\(error)")
        }
    }

    private func waitUntil(_ what: String, within seconds: Double = 5, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTFail("not within \(seconds) s: \(what)")
    }
}
