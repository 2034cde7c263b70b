import XCTest
@testable import ChorusCore

/// Creators and enrollments are kept in pieces (`TableRows`), so that a change to a table
/// another thread holds copies one piece, not a million rows. A table in pieces must change,
/// find and compare exactly as a table in one array does.
final class TableRowsTests: XCTestCase {
    private struct Row: TableKeyed, Equatable {
        var id: String
        var value: Int
        var tableKey: String { id }
    }

    private struct PiecedRow: TableKeyed, Equatable {
        var id: String
        var value: Int
        var tableKey: String { id }
        static var isKeptInPieces: Bool { true }
        init(_ row: Row) { (id, value) = (row.id, row.value) }
    }

    /// Puts, bulk puts and removals at random over three pieces and more, applied alike to a
    /// table in one array and a table in pieces: the same rows in the same order, each found at
    /// the same position, every piece full but the last.
    func testATableInPiecesChangesAsATableInOneArrayDoes() {
        var generator = SystemRandomNumberGenerator()
        let start = (0..<9_000).map { Row(id: "r\($0)", value: $0) }
        var plain = EntityTable(start), pieced = EntityTable(start.map(PiecedRow.init))
        var next = start.count
        for step in 0..<40 {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<5:
                let id = Bool.random(using: &generator) ? "r\(Int.random(in: 0..<next, using: &generator))" : "r\(next)"
                if id == "r\(next)" { next += 1 }
                let row = Row(id: id, value: Int.random(in: 0..<1_000_000, using: &generator))
                let (plainPrior, plainPosition) = plain.upsert(row)
                let (piecedPrior, piecedPosition) = pieced.upsert(PiecedRow(row))
                XCTAssertEqual(plainPrior.map(PiecedRow.init), piecedPrior, "step \(step)")
                XCTAssertEqual(plainPosition, piecedPosition, "step \(step)")
            case 5..<8:
                let rows = (0..<Int.random(in: 1...1_500, using: &generator)).map { _ in
                    Row(id: "r\(Int.random(in: 0..<(next + 500), using: &generator))", value: Int.random(in: 0..<3, using: &generator))
                }
                next += 500
                let plainCounts = plain.upsert(contentsOf: rows, willReplace: { _ in }, willAdd: { _ in })
                let piecedCounts = pieced.upsert(contentsOf: rows.map(PiecedRow.init), willReplace: { _ in }, willAdd: { _ in })
                XCTAssertEqual([plainCounts.added, plainCounts.updated, plainCounts.unchanged],
                               [piecedCounts.added, piecedCounts.updated, piecedCounts.unchanged], "step \(step)")
            default:
                let keys = Set((0..<Int.random(in: 1...50, using: &generator)).map { _ in "r\(Int.random(in: 0..<next, using: &generator))" })
                XCTAssertEqual(plain.remove(keys: keys).map(PiecedRow.init), pieced.remove(keys: keys), "step \(step)")
            }
            XCTAssertEqual(plain.map(PiecedRow.init), Array(pieced), "step \(step)")
            XCTAssertEqual(pieced.rows, Array(pieced), "step \(step)")
            for _ in 0..<20 {
                let id = "r\(Int.random(in: 0..<next, using: &generator))"
                XCTAssertEqual(plain.position(of: id), pieced.position(of: id), "step \(step): \(id)")
            }
            let pieces = pieced.storage.pieces
            XCTAssertTrue(pieces.dropLast().allSatisfy { $0.count == TableRows<PiecedRow>.rowsPerPiece }, "step \(step): a piece short of full before the last")
            XCTAssertFalse(pieces.last?.isEmpty ?? false, "step \(step): an empty last piece")
        }
        pieced.checkInvariants()
        XCTAssertGreaterThan(pieced.storage.pieces.count, 2, "the table must span several pieces for the test to check them")
        XCTAssertEqual(EntityTable(pieced.rows), pieced, "a table cut afresh from the same rows is equal")
    }

    /// What keeps an edit quick while the figures it set off are derived: the derivation's copy
    /// and the console's share every piece but the one changed (and, for a row added, the last).
    func testAChangeToATableHeldElsewhereCopiesOnlyThePieceItChanges() {
        var table = EntityTable((0..<20_000).map { PiecedRow(Row(id: "r\($0)", value: $0)) })
        let held = table
        table.upsert(PiecedRow(Row(id: "r12345", value: -1)))
        XCTAssertEqual(Self.sharedPieces(table, held), [0, 1, 2, 4], "only piece 3, which holds row 12 345, is copied")
        XCTAssertEqual(held[12_345].value, 12_345, "the held copy keeps the row as it was")
        XCTAssertEqual(table[12_345].value, -1)

        let heldAgain = table
        table.upsert(PiecedRow(Row(id: "new", value: 7)))
        XCTAssertEqual(Self.sharedPieces(table, heldAgain), [0, 1, 2, 3], "a row added copies only the last piece")
        XCTAssertEqual(heldAgain.count, 20_000)
        XCTAssertEqual(table.count, 20_001)
    }

    /// Each piece, on one core or on both, comes with the position of its first row.
    func testEveryRowIsVisitedOnceAtItsPosition() {
        let table = EntityTable((0..<9_000).map { PiecedRow(Row(id: "r\($0)", value: $0)) })
        var seen: [Int] = []
        table.forEachPiece { first, rows in
            for index in rows.indices { seen.append(first + index == rows[index].value ? first + index : -1) }
        }
        XCTAssertEqual(seen, Array(0..<9_000))
        var marks = [Bool](repeating: false, count: table.count)
        marks.withUnsafeMutableBufferPointer { marks in
            nonisolated(unsafe) let marks = marks
            table.forEachPieceOnBothCores { first, rows in
                for index in rows.indices where rows[index].value == first + index { marks[first + index] = true }
            }
        }
        XCTAssertTrue(marks.allSatisfy { $0 })
    }

    /// The pieces two tables share (the same storage), by number.
    private static func sharedPieces(_ one: EntityTable<PiecedRow>, _ other: EntityTable<PiecedRow>) -> [Int] {
        zip(one.storage.pieces, other.storage.pieces).enumerated().compactMap { index, pair in
            pair.0.withUnsafeBufferPointer { first in pair.1.withUnsafeBufferPointer { second in first.baseAddress == second.baseAddress } } ? index : nil
        }
    }
}
