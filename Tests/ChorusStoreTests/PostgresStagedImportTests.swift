import ChorusCore
@testable import ChorusPostgres
@testable import ChorusStore
import Foundation
import XCTest

/// The cron job's big import on a server workspace, as `chorus import orders` performs it: the
/// command is staged as chunks, the row appended names the batch and keeps only the command's
/// kind (which the append function judges permission by), and a colleague's console loads it
/// from the batch in the background, landing where a fresh open does.
final class PostgresStagedImportTests: XCTestCase {
    private var team: PostgresTeam!

    override func setUpWithError() throws { team = try PostgresTeam() }
    override func tearDown() { team?.tearDown() }

    func testABigImportIsStagedOnTheServerAndAColleagueLoadsItFromTheBatch() throws {
        let cron = try WorkspaceStore.open(sharing: team.client()), console = try WorkspaceStore.open(sharing: team.client())
        let orders = (1...3_000).map { index in
            Order(id: OrderID("#5\(10_000 + index)"), email: "night\(index)@example.com", financialStatus: "paid",
                  createdAt: StoreFixtures.march12, subtotal: StoreFixtures.eur(Int64(1_200 + index)), refunded: StoreFixtures.eur(0))
        }
        try cron.perform(.importOrders(orders), context: TeamFixture.context("cron"), durability: .snapshot)

        let row = try PostgresTestServer.admin(team.address).query(
            "SELECT length(entry::text), batch_id, kind, (SELECT byte_count FROM \(team.address.schema).batches b WHERE b.id = c.batch_id) "
            + "FROM \(team.address.schema).commands c WHERE seq = 1")
        XCTAssertLessThan(try XCTUnwrap(row.int(0, 0)), 1_000, "the row names the batch instead of holding 3,000 orders")
        XCTAssertTrue(row.text(0, 1)?.hasPrefix("batch-") ?? false)
        XCTAssertEqual(row.text(0, 2), "importOrders")
        XCTAssertGreaterThan(try XCTUnwrap(row.int(0, 3)), 300_000, "the orders are in the staged batch")

        let loading = console.beginCatchUp()
        XCTAssertEqual(console.workspace.orders.count, StoreFixtures.orders.count, "nothing applied until it is made current")
        let arrived = try console.finish(loading)
        XCTAssertEqual(arrived.entries.map(\.entry.actor), ["cron"])
        XCTAssertEqual(console.workspace.orders.count, StoreFixtures.orders.count + 3_000)
        XCTAssertEqual(console.workspace, cron.workspace)
        XCTAssertEqual(try WorkspaceStore.open(sharing: team.client()).workspace, cron.workspace, "and so does a fresh open")
    }

    /// The nightly job logs in with the importer role and nothing else: staging the batch, the
    /// one small entry and the snapshot after it are all it needs, and a colleague's console
    /// loads the orders from the batch, each order once.
    func testTheImporterRoleAloneStagesTheNightlyImportAndAColleagueLoadsIt() throws {
        let login = try PostgresTestServer.login("cron", roles: [.importer], at: team.address)
        defer { _ = try? PostgresTestServer.admin(team.address).query("DROP ROLE IF EXISTS \(login.name)") }
        let cron = try WorkspaceStore.open(sharing: try PostgresLog(login.address)), console = try WorkspaceStore.open(sharing: team.client())
        let orders = (1...2_000).map { index in
            Order(id: OrderID("#6\(10_000 + index)"), email: "cron\(index)@example.com", financialStatus: "paid",
                  createdAt: StoreFixtures.march12, subtotal: StoreFixtures.eur(Int64(900 + index)), refunded: StoreFixtures.eur(0))
        }
        try cron.perform(.importOrders(orders), context: TeamFixture.context(login.name), durability: .snapshot)

        let rows = try PostgresTestServer.admin(team.address).query(
            "SELECT count(*), count(batch_id), min(actor), min(kind) FROM \(team.address.schema).commands")
        XCTAssertEqual(rows.int(0, 0), 1, "one entry")
        XCTAssertEqual(rows.int(0, 1), 1, "naming its staged batch")
        XCTAssertEqual(rows.text(0, 2), login.name)
        XCTAssertEqual(rows.text(0, 3), "importOrders")

        let arrived = try console.finish(console.beginCatchUp())
        XCTAssertEqual(arrived.entries.map(\.entry.actor), [login.name])
        XCTAssertEqual(console.workspace.orders.count, StoreFixtures.orders.count + 2_000)
        XCTAssertEqual(console.workspace, cron.workspace)
    }
}
