import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// Two processes on one folder (here two stores, each with its own descriptors, as two
/// processes have): a follower reads by offset and stops at the last newline, so another
/// writer's line in progress — or a dead writer's torn one — never trips it, and only the next
/// holder of the append lock cuts a torn tail.
final class FolderFollowingTests: XCTestCase {
    private var folder: String!
    private var maria: WorkspaceStore!
    private var sam: WorkspaceStore!

    override func setUpWithError() throws {
        folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: TeamFixture.workspace).close()
        maria = try WorkspaceStore.open(at: folder)
        sam = try WorkspaceStore.open(at: folder)
    }

    private var journal: [UInt8] { (try? POSIXFileSystem().readFile(at: folder + "/journal.jsonl")) ?? [] }

    /// A writer killed 300 KB into its line (a big import): the line has no newline.
    @discardableResult
    private func tearALargeLine() throws -> Int {
        let partial = Array(#"{"actor":"lee","at":"2026-03-12T10:00:00Z","command":{"addCreators":{"_0":[{"note":""#.utf8)
            + [UInt8](repeating: UInt8(ascii: "x"), count: 300_000)
        let fd = open(folder + "/journal.jsonl", O_WRONLY | O_APPEND)
        defer { close(fd) }
        XCTAssertEqual(partial.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, partial.count)
        return partial.count
    }

    func testATornTailOfAThreeHundredKilobyteLineIsCutOnlyByTheNextLockHolder() throws {
        try maria.perform(.approve([TeamFixture.drafts[0]]), context: TeamFixture.context("maria"))
        let intact = journal
        let torn = try tearALargeLine()
        XCTAssertGreaterThan(torn, 300_000)

        XCTAssertEqual(try sam.catchUp().map(\.entry.actor), ["maria"], "the follower reads the complete line and stops before the torn one")
        XCTAssertEqual(journal.count, intact.count + torn, "a follower never cuts")
        XCTAssertNoThrow(try WorkspaceStore.open(at: folder, mode: .readOnly), "nor does a reader opening meanwhile")
        XCTAssertEqual(journal.count, intact.count + torn)

        try sam.perform(.markDelivered(["SH-0001"]), context: TeamFixture.context("sam"))
        XCTAssertEqual(journal.prefix(intact.count), intact[...], "the holder cut the torn tail, and only it")
        XCTAssertEqual(journal.last, UInt8(ascii: "\n"))
        XCTAssertEqual(journal.split(separator: UInt8(ascii: "\n")).count, 2, "maria's line and sam's")
        XCTAssertEqual(try maria.catchUp().map(\.entry.actor), ["sam"])
        XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace, maria.workspace)
    }

    func testAFollowerKeepsUpThroughAColleaguesCompaction() throws {
        try maria.perform(.approve([TeamFixture.drafts[0]]), context: TeamFixture.context("maria"))
        try sam.catchUp()
        try maria.perform(.approve([TeamFixture.drafts[1]]), context: TeamFixture.context("maria"))
        try maria.compact()
        try maria.perform(.approve([TeamFixture.drafts[2]]), context: TeamFixture.context("maria"))
        try sam.perform(.markDelivered(["SH-0001"]), context: TeamFixture.context("sam"))
        XCTAssertEqual(sam.workspace.submission(TeamFixture.drafts[1])?.status, .approved,
                       "an entry folded into maria's snapshot before sam read it is loaded from the snapshot")
        try maria.catchUp()
        XCTAssertEqual(maria.workspace, sam.workspace)
        XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace, sam.workspace)
    }

    func testOnlyOneProcessCompactsAtATime() throws {
        try maria.perform(.approve([TeamFixture.drafts[0]]), context: TeamFixture.context("maria"))
        let running = try XCTUnwrap(try maria.beginBackgroundCompaction())
        XCTAssertNil(try sam.beginBackgroundCompaction(), "sam's console leaves it to maria's")
        XCTAssertThrowsError(try sam.compact()) { error in
            XCTAssertTrue("\(error)".contains("another process is compacting this workspace; nothing was changed"), "\(error)")
        }
        running.writeFiles()
        try maria.finish(running)
        XCTAssertNoThrow(try sam.compact(), "free again once maria's is done")
    }
}
