import ChorusCore
@testable import ChorusPostgres
@testable import ChorusStore
import Foundation
import XCTest

/// Two laptops on different Chorus releases share a workspace on a server: the workspace
/// records the domain format, a newer client's first entry raises it, and from then on the
/// older client opens read-only saying to upgrade — the server itself refuses its appends, so
/// no entry is ever written that the two would apply differently.
final class PostgresVersionGateTests: XCTestCase {
    private var team: PostgresTeam!
    private let newer = JournalEntry.currentFormat + 1
    private var upgrade: String { "written by a newer Chorus (format \(newer)); upgrade to write" }

    override func setUpWithError() throws { team = try PostgresTeam() }
    override func tearDown() { team?.tearDown() }

    private var recordedFormat: Int? {
        get throws { try PostgresTestServer.admin(team.address).query("SELECT domain_format FROM \(team.address.schema).workspace").int(0, 0) }
    }

    private func entry(_ seq: Int, _ id: String, format: Int = JournalEntry.currentFormat) -> JournalEntry {
        var entry = JournalEntry(seq: seq, at: StoreFixtures.march12, actor: "ana",
                                 command: .adjustStock(sku: "SKU-SERUM", delta: 1, reason: id), commandID: id)
        entry.format = format
        return entry
    }

    func testAWorkspaceRecordedInANewerFormatOpensReadOnlyAndTheServerRefusesAppends() throws {
        XCTAssertEqual(try recordedFormat, JournalEntry.currentFormat, "the workspace records the format it was created in")
        try PostgresTestServer.admin(team.address).query("UPDATE \(team.address.schema).workspace SET domain_format = \(newer)")

        let store = try WorkspaceStore.open(sharing: try team.client(), name: team.address.description)
        XCTAssertEqual(store.mode, .readOnly)
        XCTAssertTrue(store.recoveryNotice?.contains(team.address.description + ": " + upgrade) ?? false, store.recoveryNotice ?? "")
        XCTAssertNotNil(store.workspace.sku("SKU-SERUM"), "what this build can read is shown")
        XCTAssertThrowsError(try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: TeamFixture.context("ana"))) {
            XCTAssertTrue("\($0)".contains(upgrade), "\($0)")
        }
        // A client that opened before the format was raised is refused by the server itself.
        XCTAssertThrowsError(try team.client().append(entry(1, "older"), expectedHead: 0)) {
            XCTAssertTrue("\($0)".contains(upgrade), "\($0)")
        }
        XCTAssertEqual(try team.client().head(), 0, "nothing was written")
    }

    func testANewerClientsFirstEntryRaisesTheRecordedFormatForGood() throws {
        let older = try team.client()
        XCTAssertEqual(try team.client().append(entry(1, "newer", format: newer), expectedHead: 0), .appended(1))
        XCTAssertEqual(try recordedFormat, newer, "the newer client's first entry raised it")

        XCTAssertThrowsError(try older.append(entry(2, "older"), expectedHead: 1)) {
            XCTAssertTrue("\($0)".contains(upgrade), "\($0)")
        }
        XCTAssertEqual(try recordedFormat, newer, "an older client's attempt never lowers it")
        XCTAssertEqual(try team.allEntries().map(\.commandID), ["newer"])

        let store = try WorkspaceStore.open(sharing: try team.client(), name: team.address.description)
        XCTAssertEqual(store.mode, .readOnly)
        XCTAssertTrue(store.recoveryNotice?.contains(upgrade) ?? false, store.recoveryNotice ?? "")
    }
}
