import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// Commands that replace a whole value, and every undo, are based on what the person saw: if a
/// colleague changed the same item since, they are refused naming who and when, and the store
/// shows the colleague's version, instead of silently putting the old one back. In memory here;
/// `PostgresNoLostUpdateTests` runs the same on the PostgreSQL test server.
class NoLostUpdateTests: XCTestCase {
    /// Where maria and sam share their workspace.
    func makeTeam() throws -> TeamLogs { MemoryTeam() }
    private var team: TeamLogs!
    private var maria: WorkspaceStore!
    private var sam: WorkspaceStore!

    override func setUpWithError() throws {
        team = try makeTeam()
        maria = try WorkspaceStore.open(sharing: try team.client())
        sam = try WorkspaceStore.open(sharing: try team.client())
    }

    override func tearDown() { team?.tearDown() }

    private func wave(_ store: WorkspaceStore, _ change: (inout Wave) -> Void) throws -> Command {
        var wave = try XCTUnwrap(store.workspace.wave("W1"))
        change(&wave)
        return .updateWave(wave)
    }

    private func assertRefused(_ body: @autoclosure () throws -> Any, saying expected: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            let message = (error as? DomainError)?.message ?? "\(error)"
            XCTAssertTrue(message.hasPrefix(expected), message, file: file, line: line)
            XCTAssertTrue(message.contains("nothing was changed"), message, file: file, line: line)
        }
    }

    func testAnUndoAfterAColleagueEditedTheSameWaveIsRefusedAndKeepsTheirEdit() throws {
        let renamed = try maria.perform(try wave(maria) { $0.name = "Wave 1 — spring" }, context: TeamFixture.context("maria", minute: 40))
        try sam.catchUp()  // sam's console shows maria's rename before he edits the budget
        try sam.perform(try wave(sam) { $0.budget = StoreFixtures.eur(900_000) }, context: TeamFixture.context("sam", minute: 48))

        assertRefused(try maria.perform(renamed.undo, context: TeamFixture.context("maria", minute: 50)),
                      saying: "wave W1 was edited by sam at 10:02; nothing was changed")
        XCTAssertEqual(maria.workspace.wave("W1")?.budget, StoreFixtures.eur(900_000), "sam's budget stands, and maria sees it")
        XCTAssertEqual(maria.workspace.wave("W1")?.name, "Wave 1 — spring")
        XCTAssertEqual(try team.allEntries().count, 2, "the undo was not journaled")
    }

    func testAnUndoOfSomethingNobodyElseTouchedStillWorks() throws {
        let renamed = try maria.perform(try wave(maria) { $0.name = "Wave 1 — spring" }, context: TeamFixture.context("maria"))
        try sam.perform(.adjustStock(sku: "SKU-SERUM", delta: 2, reason: "count"), context: TeamFixture.context("sam"))
        try maria.perform(renamed.undo, context: TeamFixture.context("maria"))
        XCTAssertEqual(maria.workspace.wave("W1")?.name, "Wave 1")
        XCTAssertEqual(maria.workspace.sku("SKU-SERUM")?.stockOnHand, sam.workspace.sku("SKU-SERUM")?.stockOnHand, "sam's count stays")
    }

    /// Each whole-value replacement, made from a view a colleague's change has overtaken.
    func testReplacingAnItemAColleagueChangedSinceIsRefusedForEveryKindOfReplacement() throws {
        let creator = try XCTUnwrap(TeamFixture.workspace.creator("CR-00001"))
        let rights = UsageRights(uses: [.organicRepost], territory: .worldwide, start: Day(year: 2026, month: 3, day: 1)!,
                                 end: Day(year: 2026, month: 9, day: 1)!)
        var program = TeamFixture.workspace.program
        program.name = "Glow Creators"
        var samsProgram = program
        samsProgram.brand = "Glow Labs"
        var note = creator
        note.note = "prefers video"
        var samsNote = creator
        samsNote.note = "on holiday in April"
        let cases: [(String, Command, Command, String)] = [
            ("wave", try wave(maria) { $0.name = "Spring" }, try wave(sam) { $0.name = "Spring push" }, "wave W1 was edited by sam"),
            ("creator", .updateCreator(note), .updateCreator(samsNote), "CR-00001 was edited by sam"),
            ("usage rights", .setUsageRights(asset: "AS-0001", rights: rights), .setUsageRights(asset: "AS-0001", rights: nil),
             "asset AS-0001 was given new usage rights by sam"),
            ("program settings", .updateProgram(program), .updateProgram(samsProgram), "the program was changed by sam"),
        ]
        for (name, marias, sams, expected) in cases {
            let seen = maria.lastSequence
            try sam.perform(sams, context: TeamFixture.context("sam"))
            assertRefused(try maria.perform(marias, context: TeamFixture.context("maria"), basedOn: seen), saying: expected)
            XCTAssertEqual(maria.workspace, sam.workspace, "\(name): maria's store shows sam's version")
        }
    }

    /// Without an explicit position, a replacement is based on what the store showed.
    func testAReplacementFromAStaleViewIsRefusedWithoutTheCallerNamingAPosition() throws {
        let stale = try wave(maria) { $0.name = "Spring" }
        try sam.perform(try wave(sam) { $0.name = "Spring push" }, context: TeamFixture.context("sam"))
        assertRefused(try maria.perform(stale, context: TeamFixture.context("maria")), saying: "wave W1 was edited by sam at 10:02")
        XCTAssertEqual(maria.workspace.wave("W1")?.name, "Spring push")
        try maria.perform(try wave(maria) { $0.name = "Spring" }, context: TeamFixture.context("maria"))
        XCTAssertEqual(sam.workspace.wave("W1")?.name, "Spring push", "sam has not caught up yet")
        try sam.catchUp()
        XCTAssertEqual(sam.workspace.wave("W1")?.name, "Spring", "made again on the current version, it lands")
    }
}
