@testable import ChorusCore
import XCTest

/// The console goes on changing its workspace while work on other threads holds a copy of it
/// as it was (attribution, the ledger, a snapshot being written). A creator is a reference to
/// shared fields and the handle index writes into an overlay, so a change copies little: these
/// check that what the console finds and what the held copy finds are each what they should be.
final class ChangesBesideABackgroundCopyTests: XCTestCase {
    private var workspace = ProgramFixture.workspace

    func testACreatorChangedOnTheConsoleLeavesTheCopyAnotherThreadHoldsAsItWas() throws {
        let held = workspace
        var mila = workspace.creator(ProgramFixture.mila)!
        let before = mila
        mila.name = "Mila Neu"
        mila.profiles.append(SocialProfile(platform: .tiktok, handle: "mila.tok", followers: 99_000))
        mila.aliases.append("Mila from Munich")
        mila.address = PostalAddress(line1: "Hauptstr. 1", city: "München", postalCode: "80331", country: "DE")
        try workspace.run(.updateCreator(mila))

        XCTAssertEqual(held.creator(ProgramFixture.mila), before, "the held copy keeps every field as it was")
        XCTAssertEqual(held.creator(ProgramFixture.mila)?.profiles.count, before.profiles.count)
        XCTAssertEqual(workspace.creator(ProgramFixture.mila), mila)
        XCTAssertEqual(workspace.creator(ProgramFixture.mila)?.followers, 99_000)
        XCTAssertNotEqual(before, mila, "equal only when every field is")
        XCTAssertNotEqual(before.hashValue, mila.hashValue)

        var copy = mila
        copy.note = "a copy changed apart"
        XCTAssertNil(mila.note, "changing a copy of a creator never changes the creator it was copied from")
        copy.note = nil
        XCTAssertEqual(copy, mila)
        XCTAssertEqual(Set([copy, mila]).count, 1, "equal fields hash alike whether or not they are shared")
    }

    func testAStageMovedAndUndoneOnTheConsoleLeavesTheHeldCopysEnrollmentAsItWas() throws {
        let held = workspace
        let before = workspace.enrollment(ProgramFixture.mila, in: ProgramFixture.spring)!
        let moved = try workspace.run(.advanceStage(creators: [ProgramFixture.mila], wave: ProgramFixture.spring))
        let after = workspace.enrollment(ProgramFixture.mila, in: ProgramFixture.spring)!

        XCTAssertEqual(after.stage, .seeded)
        XCTAssertEqual(held.enrollment(ProgramFixture.mila, in: ProgramFixture.spring), before)
        XCTAssertEqual(held.enrollment(ProgramFixture.mila, in: ProgramFixture.spring)?.stage, .active)
        XCTAssertNotEqual(before, after)

        try workspace.run(moved.undo)
        XCTAssertEqual(workspace.enrollment(ProgramFixture.mila, in: ProgramFixture.spring), before, "the undo puts every field back")
        XCTAssertEqual(held.enrollment(ProgramFixture.mila, in: ProgramFixture.spring), before)
        workspace.checkInvariants()
        held.checkInvariants()
    }

    /// Creators and enrollments are kept in pieces: an edit, a stage move and the undo of
    /// creators added, made while a copy is held, leave the copy every piece they do not change.
    func testAChangeWhileACopyIsHeldCopiesOnlyThePiecesItChanges() throws {
        let newcomers = (0..<10_000).map { Creator(id: CreatorID("CR-N\($0)"), handle: "newcomer_\($0)", name: "Newcomer \($0)") }
        try workspace.run(.addCreators(newcomers))
        try workspace.run(.enroll(creators: newcomers.map(\.id), wave: ProgramFixture.spring, stage: .invited))
        func shared<Entity>(_ one: EntityTable<Entity>, _ other: EntityTable<Entity>) -> Int {
            zip(one.storage.pieces, other.storage.pieces).filter { pair in
                pair.0.withUnsafeBufferPointer { first in pair.1.withUnsafeBufferPointer { first.baseAddress == $0.baseAddress } }
            }.count
        }
        let held = workspace
        let pieces = (creators: held.creators.storage.pieces.count, enrollments: held.enrollments.storage.pieces.count)
        XCTAssertGreaterThan(pieces.creators, 2)
        XCTAssertGreaterThan(pieces.enrollments, 2)

        var renamed = workspace.creator(newcomers[5_000].id)!
        renamed.name = "Renamed"
        try workspace.run(.updateCreator(renamed))
        try workspace.run(.advanceStage(creators: [newcomers[7_000].id], wave: ProgramFixture.spring))
        XCTAssertEqual(shared(workspace.creators, held.creators), pieces.creators - 1, "one piece of creators copied")
        XCTAssertEqual(shared(workspace.enrollments, held.enrollments), pieces.enrollments - 1, "one piece of enrollments copied")
        XCTAssertEqual(held.creator(newcomers[5_000].id)?.name, "Newcomer 5000")

        let added = try workspace.run(.addCreators([Creator(id: "CR-LAST", handle: "last_one", name: "Last")]))
        try workspace.run(added.undo)
        XCTAssertNil(workspace.creator(handle: "last_one"))
        XCTAssertEqual(workspace.creator(handle: "newcomer_9999")?.id, newcomers[9_999].id)
        workspace.checkInvariants()
        held.checkInvariants()
    }

    func testThousandsOfHandlesRenamedWhileACopyIsHeldAreFoundByTheirNewHandlesInBoth() throws {
        let newcomers = (0..<5_000).map { Creator(id: CreatorID("CR-N\($0)"), handle: "newcomer_\($0)", name: "Newcomer \($0)") }
        try workspace.run(.addCreators(newcomers))
        let held = workspace
        var expected: [String: CreatorID] = [:]
        // More renames than the index keeps apart from its built handles, so some are folded in
        // while others are still written beside them; a few go back to the handle they had.
        for (step, newcomer) in newcomers.enumerated() {
            var renamed = workspace.creator(newcomer.id)!
            renamed.handle = step % 7 == 0 ? "newcomer_\(step)" : "Renamed_\(step)"
            if step % 11 == 0 { renamed.name = "Renamed only by name \(step)" }
            try workspace.run(.updateCreator(renamed))
            expected[Creator.normalizedHandle(renamed.handle)] = newcomer.id
        }
        var mila = workspace.creator(ProgramFixture.mila)!
        mila.handle = "newcomer_1"
        try workspace.run(.updateCreator(mila))
        expected["newcomer_1"] = ProgramFixture.mila

        for (handle, id) in expected {
            XCTAssertEqual(workspace.creator(handle: handle)?.id, id, handle)
        }
        XCTAssertNil(workspace.creator(handle: "newcomer_2"), "an old handle is free again")
        XCTAssertNil(workspace.creator(handle: "mila.makes"))
        workspace.checkInvariants()

        for newcomer in newcomers {
            XCTAssertEqual(held.creator(handle: newcomer.handle)?.id, newcomer.id, "the held copy finds the handles it had")
        }
        XCTAssertNil(held.creator(handle: "renamed_3"))
        XCTAssertEqual(held.creator(handle: "mila.makes")?.id, ProgramFixture.mila)
        held.checkInvariants()
    }
}
