import ChorusConcurrency

/// The rows of an `EntityTable`: one array, or, for a table the console changes a row at a time
/// while other threads hold it (creators, enrollments: `TableKeyed.isKeptInPieces`), pieces of
/// `rowsPerPiece` rows.
///
/// Work on another thread holds a copy of the workspace for seconds (at a million creators the
/// figures an edit sets off take nine), and the console's next change to a table that copy
/// holds copies the table. As one array, a million creators were a million references retained,
/// each a cache miss: an undo pressed at once after an edit took 45–70 ms, a stage move 30 ms.
/// In pieces, a change copies the list of pieces (245 at a million) and the piece it changes.
/// Tables of rows held in place (orders) stay one array, which the loops over a million orders
/// read through one pointer.
@usableFromInline struct TableRows<Entity: TableKeyed>: RandomAccessCollection {
    /// The rows of a table not kept in pieces; empty otherwise.
    @usableFromInline var array: [Entity] = []
    /// The rows of a table kept in pieces: every piece holds `rowsPerPiece` rows but the last,
    /// which holds at least one. Empty otherwise.
    @usableFromInline var pieces: [[Entity]] = []

    @usableFromInline static var pieceShift: Int { 12 }
    @usableFromInline static var rowsPerPiece: Int { 1 << pieceShift }
    @inlinable static var inPieces: Bool { Entity.isKeptInPieces }

    @inlinable init() {}

    /// Takes `rows` as they are, or cuts them into pieces (a retain per row: 10–20 ms at a
    /// million creators, on both cores, once per open).
    @inlinable init(_ rows: [Entity]) {
        guard Self.inPieces else { array = rows; return }
        let rowsPerPiece = Self.rowsPerPiece
        let starts = Array(stride(from: 0, to: rows.count, by: rowsPerPiece))
        pieces = rows.withUnsafeBufferPointer { rows in
            nonisolated(unsafe) let rows = rows
            return Parallel.map(starts.count) { piece in
                Array(rows[starts[piece]..<Swift.min(starts[piece] + rowsPerPiece, rows.count)])
            }
        }
    }

    @inlinable var startIndex: Int { 0 }
    @inlinable var endIndex: Int {
        guard Self.inPieces else { return array.count }
        guard let last = pieces.last else { return 0 }
        return (pieces.count - 1) << Self.pieceShift + last.count
    }

    /// A row read in place (`_read`): a loop reading one field of each row neither copies nor
    /// retains the row.
    @inlinable subscript(position: Int) -> Entity {
        _read {
            if Self.inPieces { yield pieces[position >> Self.pieceShift][position & (Self.rowsPerPiece - 1)] } else { yield array[position] }
        }
        _modify {
            if Self.inPieces { yield &pieces[position >> Self.pieceShift][position & (Self.rowsPerPiece - 1)] } else { yield &array[position] }
        }
    }

    /// The rows as one array: the array itself, or a copy of the pieces (a retain per row).
    @inlinable var contiguous: [Entity] {
        guard Self.inPieces else { return array }
        var rows: [Entity] = []
        rows.reserveCapacity(count)
        for piece in pieces { rows.append(contentsOf: piece) }
        return rows
    }

    /// The one array's storage. A table kept in pieces has none: its loops read by position,
    /// or piece by piece (`forEachPiece`).
    @inlinable func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Entity>) throws -> R) rethrows -> R {
        precondition(!Self.inPieces, "\(Entity.self) rows are kept in pieces: read them by position or with forEachPiece")
        return try array.withUnsafeBufferPointer(body)
    }

    /// Each stretch of rows held together (the one array, or each piece) with the position of
    /// its first row, in order.
    @inlinable func forEachPiece(_ body: (Int, UnsafeBufferPointer<Entity>) throws -> Void) rethrows {
        guard Self.inPieces else { return try array.withUnsafeBufferPointer { try body(0, $0) } }
        for (index, piece) in pieces.enumerated() { try piece.withUnsafeBufferPointer { try body(index << Self.pieceShift, $0) } }
    }

    /// `forEachPiece` split between both cores: the pieces, or the one array's halves.
    @inlinable func forEachPieceOnBothCores(_ body: (Int, UnsafeBufferPointer<Entity>) -> Void) {
        guard Self.inPieces else {
            return array.withUnsafeBufferPointer { rows in
                nonisolated(unsafe) let rows = rows
                Parallel.inHalves(rows.count) { range in body(range.lowerBound, UnsafeBufferPointer(rebasing: rows[range])) }
            }
        }
        // A piece is 4 096 rows: two are worth a core each.
        Parallel.inHalves(pieces.count, minimum: 2) { half in
            for index in half { pieces[index].withUnsafeBufferPointer { body(index << Self.pieceShift, $0) } }
        }
    }

    @inlinable mutating func append(_ row: Entity) {
        guard Self.inPieces else { array.append(row); return }
        if pieces.isEmpty || pieces[pieces.count - 1].count == Self.rowsPerPiece { pieces.append([]) }
        pieces[pieces.count - 1].append(row)
    }

    @inlinable mutating func reserveCapacity(_ capacity: Int) {
        guard Self.inPieces else { array.reserveCapacity(capacity); return }
        pieces.reserveCapacity((capacity + Self.rowsPerPiece - 1) >> Self.pieceShift)
    }

    /// Removes the rows `shouldBeRemoved` picks, keeping the others in order. The pieces before
    /// the first row removed stay as they are; those from it on are cut again.
    @inlinable mutating func removeAll(where shouldBeRemoved: (Entity) throws -> Bool) rethrows {
        guard Self.inPieces else { return try array.removeAll(where: shouldBeRemoved) }
        guard let first = try pieces.firstIndex(where: { try $0.contains(where: shouldBeRemoved) }) else { return }
        var rest: [Entity] = []
        for piece in pieces[first...] { rest += try piece.filter { !(try shouldBeRemoved($0)) } }
        pieces.removeSubrange(first...)
        pieces += TableRows(rest).pieces
    }
}

extension TableRows: Equatable where Entity: Equatable {
    /// Pieces are cut at the same positions in every table, so equal rows are equal pieces.
    @inlinable static func == (lhs: Self, rhs: Self) -> Bool { lhs.array == rhs.array && lhs.pieces == rhs.pieces }
}

extension TableRows: Sendable where Entity: Sendable {}
