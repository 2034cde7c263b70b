import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// Two people on one workspace, with a colleague's command landing exactly between a store's
/// catch-up and its append: the command is applied again on the newest state, refused in the
/// person's words when that state no longer allows it, and never applied twice. In memory here;
/// `PostgresOptimisticPerformTests` runs the same on the PostgreSQL test server.
class OptimisticPerformTests: XCTestCase {
    /// Where maria and sam share their workspace.
    func makeTeam() throws -> TeamLogs { MemoryTeam() }
    private var team: TeamLogs!
    private var marias: ScriptedLog!
    private var maria: WorkspaceStore!
    private var sam: WorkspaceStore!

    override func setUpWithError() throws {
        team = try makeTeam()
        marias = ScriptedLog(try team.client())
        maria = try WorkspaceStore.open(sharing: marias)
        sam = try WorkspaceStore.open(sharing: try team.client())
    }

    override func tearDown() { team?.tearDown() }

    private var stock: Int? { maria.workspace.sku("SKU-SERUM")?.stockOnHand }

    func testAColleaguesAppendInBetweenIsCaughtUpAndTheCommandAppliedAgainOnTop() throws {
        let before = try XCTUnwrap(stock)
        marias.beforeNextAppend = { [sam] in try sam!.perform(.adjustStock(sku: "SKU-SERUM", delta: 3, reason: "found"), context: TeamFixture.context("sam")) }
        try maria.perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "delivery"), context: TeamFixture.context("maria"))

        XCTAssertEqual(marias.conflicts, 1, "maria's first append met sam's")
        XCTAssertEqual(stock, before + 8, "both changes, neither lost")
        XCTAssertEqual(try team.allEntries().map(\.actor), ["sam", "maria"])
        XCTAssertEqual(try team.allEntries().map(\.seq), [1, 2])
        XCTAssertEqual(maria.workspace, try WorkspaceStore.open(sharing: team.client()).workspace, "memory equals a replay of the log")
    }

    /// A approves a draft while B sends it back: exactly one wins, and the other is told who.
    func testApprovingADraftAColleagueJustSentBackIsRefusedNamingThem() throws {
        let draft = TeamFixture.drafts[0]
        marias.beforeNextAppend = { [sam] in
            try sam!.perform(.requestChanges([draft], note: "show the texture"), context: TeamFixture.context("sam", minute: 47))
        }
        XCTAssertThrowsError(try maria.perform(.approve([draft]), context: TeamFixture.context("maria"))) { error in
            let message = (error as? DomainError)?.message ?? "\(error)"
            XCTAssertTrue(message.hasPrefix("SUB-0101 was sent back for changes by sam at 10:01 ("), message)
        }
        XCTAssertEqual(try team.allEntries().map(\.actor), ["sam"], "the refused approval was not journaled")
        XCTAssertEqual(maria.workspace.submission(draft)?.status, .changesRequested, "maria sees sam's decision")
    }

    /// The console showed sam's decision live, but maria's key was already on its way.
    func testAKeyOnADraftAColleagueDecidedSinceThePersonsLastActionNamesThem() throws {
        let draft = TeamFixture.drafts[1]
        try sam.perform(.approve([draft]), context: TeamFixture.context("sam"))
        try maria.catchUp()  // what her console does between key presses
        XCTAssertThrowsError(try maria.perform(.requestChanges([draft], note: "brighter"), context: TeamFixture.context("maria", minute: 49))) { error in
            let message = (error as? DomainError)?.message ?? "\(error)"
            XCTAssertTrue(message.hasPrefix("SUB-0102 was approved by sam at 10:02 ("), message)
        }
    }

    func testALostAcknowledgementIsFoundOnTheLogAndNeverAppliedTwice() throws {
        let before = try XCTUnwrap(stock)
        marias.loseNextAcknowledgement = true
        let id = "cmd-lost-ack"
        let first = try maria.perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "delivery"), context: TeamFixture.context("maria"),
                                      commandID: id)
        XCTAssertEqual(first.summary, "added 5 of Serum 30 ml", "reported as done: it is on the log")
        XCTAssertEqual(stock, before + 5)
        // The person (or the CLI's retry) sends it again, from this store and from another.
        try maria.perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "delivery"), context: TeamFixture.context("maria"), commandID: id)
        try sam.perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "delivery"), context: TeamFixture.context("maria"), commandID: id)
        XCTAssertEqual(try team.allEntries().map(\.commandID), [id], "one entry, once")
        XCTAssertEqual(stock, before + 5)
        XCTAssertEqual(sam.workspace.sku("SKU-SERUM")?.stockOnHand, before + 5)
    }

    func testWhenColleaguesKeepGettingThereFirstTheCommandGivesUpChangingNothing() throws {
        var colleague: (() throws -> Void)!
        colleague = { [sam, marias] in
            try sam!.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: TeamFixture.context("sam"))
            marias!.beforeNextAppend = colleague
        }
        marias.beforeNextAppend = colleague
        XCTAssertThrowsError(try maria.perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "delivery"), context: TeamFixture.context("maria"))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .locked)
            XCTAssertTrue("\(error)".contains("colleagues kept changing the workspace while this was saved (\(WorkspaceStore.attempts) tries); nothing was changed"), "\(error)")
        }
        marias.beforeNextAppend = nil
        XCTAssertFalse(try team.allEntries().contains { $0.actor == "maria" })
        try maria.catchUp()
        XCTAssertEqual(maria.workspace, try WorkspaceStore.open(sharing: team.client()).workspace, "taken back in memory too")
    }
}
