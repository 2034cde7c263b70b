import ChorusCore
@testable import ChorusStore
import XCTest

/// The shared log's contract, and two stores side by side, on a workspace on the PostgreSQL
/// test server: the same tests as for the memory and folder logs. (Each test is named again
/// here because XCTest on Linux discovers only the methods a class itself declares.)
final class PostgresSharedLogContractTests: SharedLogContractTests {
    private var teams: [PostgresTeam] = []

    override func tearDown() {
        teams.forEach { $0.tearDown() }
        teams = []
    }

    private func team() throws -> PostgresTeam {
        let team = try PostgresTeam()
        teams.append(team)
        return team
    }

    override func logs() throws -> [(String, SharedLog)] { [("postgres", try team().client())] }

    override func storePairs() throws -> [(String, WorkspaceStore, WorkspaceStore, fresh: () throws -> WorkspaceStore)] {
        let team = try team()
        return [("postgres", try WorkspaceStore.open(sharing: team.client()), try WorkspaceStore.open(sharing: team.client()),
                 { try WorkspaceStore.open(sharing: team.client()) })]
    }

    override func testAnAppendLandsOnlyOnTheHeadItExpected() throws { try super.testAnAppendLandsOnlyOnTheHeadItExpected() }
    override func testOneCompactionAtATimeAndSnapshotsMoveForward() throws { try super.testOneCompactionAtATimeAndSnapshotsMoveForward() }
    override func testALargePayloadIsStagedOutOfLine() throws { try super.testALargePayloadIsStagedOutOfLine() }
    override func testTwoStoresSideBySideSeeEachOthersWork() throws { try super.testTwoStoresSideBySideSeeEachOthersWork() }
}
