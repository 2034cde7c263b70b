import XCTest
@testable import ChorusCore
@testable import ChorusGenerator

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
        var random = SeededRandom(seed: 4_096)
        let start = (0..<9_000).map { Row(id: "r\($0)", value: $0) }
        var plain = EntityTable(start), pieced = EntityTable(start.map(PiecedRow.init))
        var next = start.count
        for step in 0..<40 {
            switch random.below(10) {
            case 0..<5:
                let id = random.below(2) == 0 ? "r\(random.below(next))" : "r\(next)"
                if id == "r\(next)" { next += 1 }
                let row = Row(id: id, value: random.below(1_000_000))
                let (plainPrior, plainPosition) = plain.upsert(row)
                let (piecedPrior, piecedPosition) = pieced.upsert(PiecedRow(row))
                XCTAssertEqual(plainPrior.map(PiecedRow.init), piecedPrior, "step \(step)")
                XCTAssertEqual(plainPosition, piecedPosition, "step \(step)")
            case 5..<8:
                let rows = (0..<random.int(in: 1...1_500)).map { _ in Row(id: "r\(random.below(next + 500))", value: random.below(3)) }
                next += 500
                let plainCounts = plain.upsert(contentsOf: rows, willReplace: { _ in }, willAdd: { _ in })
                let piecedCounts = pieced.upsert(contentsOf: rows.map(PiecedRow.init), willReplace: { _ in }, willAdd: { _ in })
                XCTAssertEqual([plainCounts.added, plainCounts.updated, plainCounts.unchanged],
                               [piecedCounts.added, piecedCounts.updated, piecedCounts.unchanged], "step \(step)")
            default:
                let keys = Set((0..<random.int(in: 1...50)).map { _ in "r\(random.below(next))" })
                XCTAssertEqual(plain.remove(keys: keys).map(PiecedRow.init), pieced.remove(keys: keys), "step \(step)")
            }
            XCTAssertEqual(plain.map(PiecedRow.init), Array(pieced), "step \(step)")
            XCTAssertEqual(pieced.rows, Array(pieced), "step \(step)")
            for _ in 0..<20 {
                let id = "r\(random.below(next))"
                XCTAssertEqual(plain.position(of: id), pieced.position(of: id), "step \(step): \(id)")
            }
            Self.checkPieces(pieced, "step \(step)")
        }
        pieced.checkInvariants()
        XCTAssertGreaterThanOrEqual(pieced.storage.pieces.count, 3, "the table must span several pieces for the test to check them")
        XCTAssertEqual(EntityTable(pieced.rows), pieced, "a table cut afresh from the same rows is equal")
        var changed = pieced
        changed.upsert(PiecedRow(Row(id: pieced[5_000].id, value: -7)))
        XCTAssertNotEqual(changed, pieced, "one row changed in one piece")
        changed = pieced
        changed.upsert(PiecedRow(Row(id: "one more", value: 0)))
        XCTAssertNotEqual(changed, pieced, "one row more")
    }

    /// Rows added one by one fill a piece to its last row before the next piece starts, and a
    /// table cut from exactly two pieces' rows starts a third for the next row.
    func testRowsAddedFillEachPieceBeforeTheNextStarts() {
        var table = EntityTable<PiecedRow>()
        let perPiece = TableRows<PiecedRow>.rowsPerPiece
        for index in 0..<(2 * perPiece + 1) {
            table.upsert(PiecedRow(Row(id: "r\(index)", value: index)))
            if [1, perPiece, perPiece + 1, 2 * perPiece, 2 * perPiece + 1].contains(index + 1) {
                XCTAssertEqual(table.storage.pieces.count, (index + perPiece) / perPiece, "\(index + 1) rows")
                XCTAssertEqual(table.count, index + 1)
                XCTAssertEqual(table[index].value, index)
                Self.checkPieces(table, "\(index + 1) rows")
            }
        }
        table.checkInvariants()

        var cut = EntityTable((0..<(2 * perPiece)).map { PiecedRow(Row(id: "r\($0)", value: $0)) })
        XCTAssertEqual(cut.storage.pieces.map(\.count), [perPiece, perPiece])
        XCTAssertEqual(cut.last?.value, 2 * perPiece - 1)
        cut.upsert(PiecedRow(Row(id: "next", value: -1)))
        XCTAssertEqual(cut.storage.pieces.map(\.count), [perPiece, perPiece, 1])
        XCTAssertEqual(cut.position(of: "next"), 2 * perPiece)
        cut.checkInvariants()
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

        let plain = EntityTable((0..<9_000).map { Row(id: "r\($0)", value: $0) })
        var plainMarks = [Bool](repeating: false, count: plain.count)
        plainMarks.withUnsafeMutableBufferPointer { marks in
            nonisolated(unsafe) let marks = marks
            plain.forEachPieceOnBothCores { first, rows in
                for index in rows.indices where rows[index].value == first + index { marks[first + index] = true }
            }
        }
        XCTAssertTrue(plainMarks.allSatisfy { $0 }, "a table in one array is visited in its halves")
    }

    /// Every piece full but the last, which holds at least one row.
    private static func checkPieces(_ table: EntityTable<PiecedRow>, _ message: String) {
        let pieces = table.storage.pieces
        XCTAssertTrue(pieces.dropLast().allSatisfy { $0.count == TableRows<PiecedRow>.rowsPerPiece }, "\(message): a piece short of full before the last")
        XCTAssertFalse(pieces.last?.isEmpty ?? false, "\(message): an empty last piece")
    }

    /// The pieces two tables share (the same storage), by number.
    private static func sharedPieces(_ one: EntityTable<PiecedRow>, _ other: EntityTable<PiecedRow>) -> [Int] {
        zip(one.storage.pieces, other.storage.pieces).enumerated().compactMap { index, pair in
            pair.0.withUnsafeBufferPointer { first in pair.1.withUnsafeBufferPointer { second in first.baseAddress == second.baseAddress } } ? index : nil
        }
    }
}
