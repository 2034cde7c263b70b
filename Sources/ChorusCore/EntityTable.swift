/// A value an `EntityTable` can hold: it names the key it is found by.
public protocol TableKeyed {
    associatedtype Key: Hashable
    var tableKey: Key { get }
    /// Whether a row is a reference to fields kept elsewhere (see `CopyOnWrite`), so that
    /// reading its key reaches outside the table.
    static var keepsFieldsElsewhere: Bool { get }
    /// Whether the table's rows are kept in pieces (see `TableRows`): rows the console changes
    /// one at a time, in a table of up to a million.
    static var isKeptInPieces: Bool { get }
}

extension TableKeyed {
    @inlinable public static var keepsFieldsElsewhere: Bool { false }
    @inlinable public static var isKeptInPieces: Bool { false }
}

/// Rows in the order they were added, found by key in O(1): the shape of swift-identified-collections'
/// `IdentifiedArray`, written here because a workspace needs three things that type does not give.
/// A table read from a broken snapshot keeps a repeated key (the first row wins the lookup), so
/// `chorus check` can still report it instead of the duplicate vanishing on load; a million-order
/// table is indexed on another core while the rest of a workspace opens; and the rows are one
/// contiguous array the snapshot codecs encode and decode in parallel chunks, or, for the tables
/// the console changes a row at a time, pieces a change copies alone (`TableRows`).
public struct EntityTable<Entity: TableKeyed>: RandomAccessCollection {
    @usableFromInline var storage: TableRows<Entity>
    @usableFromInline var positions: RowIndex
    /// A new object whenever rows may have moved: a new table, or rows removed. Along one line
    /// of changes, while it is the same, every row is where it was (rows are only replaced in
    /// place or added at the end), so what is kept by position beside the table (the Pipeline's
    /// wave of each enrollment) can carry on by reading the rows added. Copies share it, and
    /// each may add other rows: what is kept checks the last row it read is still there.
    public private(set) var layout = RowLayout()
    /// A new object whenever a row is replaced, added or removed, or the table is new. Copies
    /// share it, so a table whose version a snapshot file was read or written with still holds
    /// exactly that file's rows: a compaction links the file instead of writing it again (and
    /// extends it, when rows were only added since: `RowsVersion.rowsHeld(by:)`).
    public private(set) var rowsVersion = RowsVersion()

    public init() {
        storage = TableRows()
        positions = RowIndex()
    }

    /// Indexes `rows` as they are; a repeated key is found at its first row. Inlinable, as
    /// `RowIndex.init` is, so a million orders are indexed by code specialized for them.
    @inlinable public init(_ rows: [Entity]) {
        storage = TableRows(rows)
        positions = RowIndex(rows)
    }

    /// The rows in order, as one array (what the snapshot files hold, row for row). For a table
    /// kept in pieces this is a copy, a retain per row: its loops read by position or `forEachPiece`.
    @inlinable public var rows: [Entity] { storage.contiguous }

    /// The rows' contiguous storage, for the loops over a million orders. Not for a table kept
    /// in pieces (`Entity.isKeptInPieces`), which traps: see `forEachPiece`.
    @inlinable public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Entity>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Each stretch of rows held together, with the position of its first row, in order: the
    /// one array, or each piece of a table kept in pieces.
    @inlinable public func forEachPiece(_ body: (Int, UnsafeBufferPointer<Entity>) throws -> Void) rethrows {
        try storage.forEachPiece(body)
    }

    /// `forEachPiece` split between both cores, for a pass over a million creators.
    @inlinable public func forEachPieceOnBothCores(_ body: (Int, UnsafeBufferPointer<Entity>) -> Void) {
        storage.forEachPieceOnBothCores(body)
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storage.count }
    /// The row at `position`, read in place: `creators[position].id` retains nothing.
    @inlinable public subscript(position: Int) -> Entity { _read { yield storage[position] } }

    /// The row with `key`, if there is one.
    @inlinable public subscript(key key: Entity.Key) -> Entity? { positions.position(of: key, in: storage).map { storage[$0] } }

    /// Where the row with `key` is, for callers that keep columns parallel to the rows.
    @inlinable public func position(of key: Entity.Key) -> Int? { positions.position(of: key, in: storage) }

    /// Where the row of each of `keys` is (-1 for none), found together: a million keys walk the
    /// index and the rows in memory order (`RowIndex.positions(of:in:)`) instead of missing the
    /// caches on each.
    @inlinable public func positions(of keys: [Entity.Key]) -> [Int32] { positions.positions(of: keys, in: storage) }

    @inlinable public func contains(key: Entity.Key) -> Bool { positions.position(of: key, in: storage) != nil }

    // MARK: Changing

    /// Replaces the row with the same key in place, or appends a new one; returns the row it
    /// replaced and where the row now is.
    @discardableResult
    public mutating func upsert(_ row: Entity) -> (prior: Entity?, position: Int) {
        let key = row.tableKey
        if let position = positions.position(of: key, in: storage) {
            let prior = storage[position]
            storage[position] = row
            rowsVersion = RowsVersion()
            return (prior, position)
        }
        storage.append(row)
        positions.add(storage.count - 1, key: key, in: storage)
        rowsVersion = RowsVersion(appendingTo: rowsVersion, rows: storage.count - 1)
        return (nil, storage.count - 1)
    }

    /// Upserts many rows, looking each key up once: a million-order import comes through here.
    /// `willReplace` sees each existing row just before it changes, `willAdd` each new key; a row
    /// equal to the stored one is left alone.
    public mutating func upsert(contentsOf incoming: [Entity], willReplace: (Entity) -> Void, willAdd: (Entity.Key) -> Void)
        -> (added: Int, updated: Int, unchanged: Int) where Entity: Equatable {
        if storage.isEmpty, adopt(incoming) {
            // Each key read in place: `for row in incoming` copied every row (a retain per
            // field of a million orders) to read one field of it.
            incoming.withUnsafeBufferPointer { rows in
                for index in rows.indices { willAdd(rows[index].tableKey) }
            }
            return (incoming.count, 0, 0)
        }
        storage.reserveCapacity(storage.count + incoming.count)
        positions.reserveCapacity(storage.count + incoming.count, in: storage)
        var counts = (added: 0, updated: 0, unchanged: 0)
        for row in incoming {
            let key = row.tableKey
            if let position = positions.position(of: key, in: storage) {
                if storage[position] == row { counts.unchanged += 1; continue }
                willReplace(storage[position])
                storage[position] = row
                counts.updated += 1
            } else {
                willAdd(key)
                storage.append(row)
                positions.add(storage.count - 1, key: key, in: storage)
                counts.added += 1
            }
        }
        if counts.updated > 0 {
            rowsVersion = RowsVersion()
        } else if counts.added > 0 {
            rowsVersion = RowsVersion(appendingTo: rowsVersion, rows: storage.count - counts.added)
        }
        return counts
    }

    /// Takes `incoming` as the rows of an empty table, sharing its storage, when no key repeats:
    /// the first import into a program then holds its million orders once, not twice, while it
    /// is staged and snapshotted. False (the table still empty) when a key repeats.
    private mutating func adopt(_ incoming: [Entity]) -> Bool {
        let index = RowIndex(incoming)
        guard index.count == incoming.count else { return false }
        storage = TableRows(incoming)
        positions = index
        rowsVersion = RowsVersion()
        return true
    }

    /// Removes the rows with these keys, keeping the others in order; returns the removed rows in
    /// the order they were in. Removals are rare (undo of a creation), so the index is rebuilt.
    @discardableResult
    public mutating func remove(keys: Set<Entity.Key>) -> [Entity] {
        guard !keys.isEmpty else { return [] }
        let removed = storage.filter { keys.contains($0.tableKey) }
        guard !removed.isEmpty else { return [] }
        storage.removeAll { keys.contains($0.tableKey) }
        positions = RowIndex(storage)
        layout = RowLayout()
        rowsVersion = RowsVersion()
        return removed
    }

    // MARK: Checking

    /// Traps unless the index and the rows agree: every key is indexed at its row, nothing else is
    /// indexed, and no key is on two rows. Tests call it after changing a table (as swift-collections'
    /// `_checkInvariants`); a table read from a broken snapshot with a repeated key fails it.
    public func checkInvariants() {
        precondition(positions.count == storage.count, "the index has \(positions.count) keys for \(storage.count) rows")
        for (position, row) in storage.enumerated() {
            precondition(positions.position(of: row.tableKey, in: storage) == position, "row \(position) is not indexed at its position (is its key on another row too?)")
        }
    }
}

/// Compared by identity: see `EntityTable.layout`.
public final class RowLayout: Sendable {
    public init() {}
}

/// Compared by identity: see `EntityTable.rowsVersion`. A version made by appending rows to
/// another names it, so a snapshot file of that version's rows still holds the first rows of
/// this one: a compaction after a nightly import of five thousand orders writes the file
/// of ten million with the new rows after them, instead of encoding every order again.
public final class RowsVersion: Sendable {
    /// The version this one was made from by appending rows only, and how many rows it had.
    public let appended: (to: RowsVersion, rows: Int)?
    /// Versions in the line of appends back to one made otherwise: bounded, so a long session
    /// of appends does not keep every version it passed through.
    private let appends: Int

    public init() {
        (appended, appends) = (nil, 0)
    }

    /// The version of `previous`'s `rows` rows with rows appended.
    init(appendingTo previous: RowsVersion, rows: Int) {
        (appended, appends) = previous.appends < 64 ? ((previous, rows), previous.appends + 1) : (nil, 0)
    }

    /// How many of this version's first rows `earlier`'s are, when this version was made from
    /// it by appending rows only; nil otherwise (it is `earlier` itself, or rows were replaced,
    /// removed or reordered since).
    public func rowsHeld(by earlier: RowsVersion) -> Int? {
        var version = self
        while let (previous, rows) = version.appended {
            if previous === earlier { return rows }
            version = previous
        }
        return nil
    }
}

extension EntityTable: Equatable where Entity: Equatable {
    /// Equal when the rows are, in the same order; the index follows from the rows.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage == rhs.storage }
}

extension EntityTable: Sendable where Entity: Sendable, Entity.Key: Sendable {}

extension EntityTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral rows: Entity...) { self.init(rows) }
}
