import Foundation
import XCTest
@testable import ChorusCore

/// The table every kind of entity lives in: rows stay in the order they came, each is found by its
/// key, and the index never drifts from the rows, through puts, removals, undo and redo.
final class EntityTableTests: XCTestCase {
    private struct Row: TableKeyed, Equatable {
        var id: String
        var value: Int
        var tableKey: String { id }
    }

    func testRowsKeepTheOrderTheyWereAddedInAndAreFoundByKey() {
        var table = EntityTable<Row>()
        for (index, id) in ["c", "a", "b"].enumerated() { table.upsert(Row(id: id, value: index)) }
        table.checkInvariants()
        XCTAssertEqual(table.map(\.id), ["c", "a", "b"])
        XCTAssertEqual(table[key: "a"]?.value, 1)
        XCTAssertEqual(table.position(of: "b"), 2)
        XCTAssertNil(table[key: "z"])
    }

    func testReplacingARowKeepsItInItsPlaceAndReturnsWhatItReplaced() {
        var table: EntityTable<Row> = [Row(id: "a", value: 1), Row(id: "b", value: 2)]
        let (prior, position) = table.upsert(Row(id: "a", value: 10))
        table.checkInvariants()
        XCTAssertEqual(prior, Row(id: "a", value: 1))
        XCTAssertEqual(position, 0)
        XCTAssertEqual(table.rows, [Row(id: "a", value: 10), Row(id: "b", value: 2)])
    }

    func testRemovingRowsKeepsTheRestInOrderAndReindexesThem() {
        var table = EntityTable((0..<10).map { Row(id: "r\($0)", value: $0) })
        let removed = table.remove(keys: ["r7", "r2", "r5", "missing"])
        table.checkInvariants()
        XCTAssertEqual(removed.map(\.id), ["r2", "r5", "r7"], "removed rows come back in table order")
        XCTAssertEqual(table.map(\.value), [0, 1, 3, 4, 6, 8, 9])
        XCTAssertEqual(table[key: "r9"]?.value, 9)
        XCTAssertEqual(table.position(of: "r9"), 6)
        XCTAssertNil(table[key: "r5"])
    }

    func testABulkUpsertReportsWhatItAddedChangedAndLeftAlone() {
        var table: EntityTable<Row> = [Row(id: "a", value: 1), Row(id: "b", value: 2)]
        var replaced: [Row] = [], added: [String] = []
        let counts = table.upsert(contentsOf: [Row(id: "b", value: 2), Row(id: "a", value: 5), Row(id: "c", value: 3)],
                                  willReplace: { replaced.append($0) }, willAdd: { added.append($0) })
        table.checkInvariants()
        XCTAssertEqual(counts.added, 1)
        XCTAssertEqual(counts.updated, 1)
        XCTAssertEqual(counts.unchanged, 1)
        XCTAssertEqual(replaced, [Row(id: "a", value: 1)])
        XCTAssertEqual(added, ["c"])
        XCTAssertEqual(table.map(\.id), ["a", "b", "c"])
    }

    func testTheFirstBulkUpsertIntoAnEmptyTableAddsEveryRowAsOneByOneWould() {
        // An empty table takes a first import's rows as they are (sharing their storage); the
        // result must be what upserting them one by one gives, a key repeated in the import included.
        for incoming in [[Row(id: "b", value: 1), Row(id: "a", value: 2), Row(id: "c", value: 3)],
                         [Row(id: "b", value: 1), Row(id: "a", value: 2), Row(id: "b", value: 3), Row(id: "b", value: 1)]] {
            var bulk = EntityTable<Row>(), oneByOne = EntityTable<Row>()
            var added: [String] = [], replaced: [Row] = []
            let counts = bulk.upsert(contentsOf: incoming, willReplace: { replaced.append($0) }, willAdd: { added.append($0) })
            bulk.checkInvariants()
            for row in incoming { oneByOne.upsert(row) }
            XCTAssertEqual(bulk.rows, oneByOne.rows)
            XCTAssertEqual(added, oneByOne.map(\.id))
            XCTAssertEqual(counts.added, oneByOne.count)
            XCTAssertEqual(counts.added + counts.updated + counts.unchanged, incoming.count)
            XCTAssertEqual(replaced.count, counts.updated)
            XCTAssertEqual(bulk[key: "a"], Row(id: "a", value: 2))
        }
    }

    func testARepeatedKeyFromABrokenFileIsKeptForTheCheckAndFoundAtItsFirstRow() {
        // A hand-edited snapshot can list an id twice; `chorus check` must still see both rows.
        let table = EntityTable([Row(id: "a", value: 1), Row(id: "a", value: 2)])
        XCTAssertEqual(table.count, 2)
        XCTAssertEqual(table[key: "a"]?.value, 1)
    }

    func testTwoTablesWithTheSameRowsInAnotherOrderDiffer() {
        let forward: EntityTable<Row> = [Row(id: "a", value: 1), Row(id: "b", value: 2)]
        let backward: EntityTable<Row> = [Row(id: "b", value: 2), Row(id: "a", value: 1)]
        XCTAssertNotEqual(forward, backward)
        XCTAssertEqual(forward, EntityTable(forward.rows))
    }

    // MARK: In a workspace

    func testEveryTableHoldsItsInvariantsThroughACommandItsUndoAndItsRedo() throws {
        for command in CommandSamples.all {
            var workspace = ProgramFixture.workspace
            let applied = try workspace.run(command)
            workspace.checkInvariants()
            let undo = try workspace.run(applied.undo)
            workspace.checkInvariants()
            XCTAssertEqual(workspace, ProgramFixture.workspace, CommandSamples.kind(of: command))
            try workspace.run(undo.undo)
            workspace.checkInvariants()
        }
    }

    func testUndoingACreationRemovesTheRowsAndRedoPutsThemBackAtTheEnd() throws {
        var workspace = ProgramFixture.workspace
        let before = workspace.creators.map(\.id)
        let nia = Creator(id: "CR-0050", handle: "nia.naturals", name: "Nia")
        let added = try workspace.run(.addCreators([nia]))
        XCTAssertEqual(workspace.creators.map(\.id), before + ["CR-0050"])
        let undo = try workspace.run(added.undo)
        workspace.checkInvariants()
        XCTAssertEqual(workspace.creators.map(\.id), before)
        XCTAssertNil(workspace.creator(handle: "nia.naturals"))
        try workspace.run(undo.undo)
        workspace.checkInvariants()
        XCTAssertEqual(workspace.creators.map(\.id), before + ["CR-0050"])
        XCTAssertEqual(workspace.creator(handle: "@Nia.Naturals")?.id, "CR-0050")
    }

    // MARK: Restore points

    func testARestorePointRoundTripsThroughTheJournalAndPutsTheSameRowsBack() throws {
        var workspace = ProgramFixture.workspace
        var mila = try XCTUnwrap(workspace.creator(ProgramFixture.mila))
        mila.name = "Mila M."
        let link = TrackingLink(creatorID: ProgramFixture.mila, waveID: ProgramFixture.spring, platform: .tiktok)
        let nia = Creator(id: "CR-0050", handle: "nia.naturals", name: "Nia")
        let changes: [Command] = [.updateCreator(mila), .addCreators([nia]), .addTrackingLinks([link])]
        var undos: [Command] = []
        for command in changes { undos.append(try workspace.run(command).undo) }
        let changed = workspace

        for undo in undos.reversed() {
            guard case .restore(let point, _) = undo else { return XCTFail("undo is a restore point") }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let decoded = try JSONDecoder().decode(RestorePoint.self, from: encoder.encode(point))
            XCTAssertEqual(decoded, point)
            try workspace.run(.restore(point: decoded, label: "undo"))
            workspace.checkInvariants()
        }
        XCTAssertEqual(workspace, ProgramFixture.workspace)
        XCTAssertNotEqual(changed, workspace)
    }

    func testARestorePointIsWrittenAsTheJournalHasAlwaysHeldIt() throws {
        var point = RestorePoint()
        point.remove.creators = ["CR-0009", "CR-0002"]
        point.remove.enrollments = [EnrollmentKey(creatorID: "CR-0001", waveID: "W2"), EnrollmentKey(creatorID: "CR-0002", waveID: "W1")]
        point.remove.trackingLinks = [TrackingLink(creatorID: "CR-0001", waveID: "W1", platform: .tiktok),
                                      TrackingLink(creatorID: "CR-0001", waveID: "W1", platform: .instagram)]
        point.remove.payoutRuns = [3, 1]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        XCTAssertEqual(String(decoding: try encoder.encode(point), as: UTF8.self),
                       #"{"remove":{"creators":["CR-0002","CR-0009"],"enrollments":[{"creatorID":"CR-0002","waveID":"W1"},{"creatorID":"CR-0001","waveID":"W2"}],"#
                       + #""payoutRuns":[1,3],"trackingLinks":[{"creatorID":"CR-0001","platform":"instagram","waveID":"W1"},"#
                       + #"{"creatorID":"CR-0001","platform":"tiktok","waveID":"W1"}]}}"#)
        XCTAssertEqual(String(decoding: try encoder.encode(RestorePoint()), as: UTF8.self), "{}")
    }
}
