import XCTest
@testable import ChorusCore
@testable import ChorusGenerator

/// The index that finds a table's rows by key: it must find exactly what a plain dictionary of
/// first positions would, through adds, growth, repeated keys and colliding hashes, while
/// keeping a million orders' index in a third of the dictionary's memory.
final class RowIndexTests: XCTestCase {
    private struct Row: TableKeyed, Equatable {
        var key: Key
        var value: Int
        var tableKey: Key { key }
    }

    /// A key whose hash is one of a few values, so probes walk past other keys with the same
    /// hash (and the same tag) and must compare the rows' keys.
    private struct Key: Hashable {
        var name: String
        func hash(into hasher: inout Hasher) { hasher.combine(name.utf8.count % 3) }
    }

    func testRandomUpsertsAndRemovalsFindWhatADictionaryOfPositionsFinds() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            var table = EntityTable<Row>()
            var model: [Key: Int] = [:]
            var rows: [Row] = []
            for step in 0..<300 {
                let key = Key(name: String(repeating: "k", count: Int.random(in: 1...6, using: &random)) + String(Int.random(in: 0..<80, using: &random)))
                if Int.random(in: 0..<10, using: &random) == 0 {
                    table.remove(keys: [key])
                    rows.removeAll { $0.key == key }
                    model = Dictionary(rows.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
                } else {
                    let (_, position) = table.upsert(Row(key: key, value: step))
                    if let existing = model[key] { rows[existing] = Row(key: key, value: step) } else {
                        model[key] = rows.count
                        rows.append(Row(key: key, value: step))
                    }
                    XCTAssertEqual(position, model[key])
                }
                table.checkInvariants()
            }
            XCTAssertEqual(table.rows, rows)
            for row in rows { XCTAssertEqual(table.position(of: row.key), model[row.key]) }
            XCTAssertFalse(table.contains(key: Key(name: "absent")))
        }
    }

    func testARepeatedKeyFromABrokenSnapshotIsFoundAtItsFirstRow() {
        let rows = [Row(key: Key(name: "a"), value: 1), Row(key: Key(name: "bb"), value: 2), Row(key: Key(name: "a"), value: 3)]
        let table = EntityTable(rows)
        XCTAssertEqual(table.count, 3, "the repeated row is kept so chorus check can report it")
        XCTAssertEqual(table[key: Key(name: "a")]?.value, 1)
        XCTAssertEqual(table.positions.count, 2)
    }

    /// A key whose hash is its bucket's alone: many keys share one, and some a spelling too.
    private struct SpreadKey: Hashable {
        var name: String
        var bucket: Int
        func hash(into hasher: inout Hasher) { hasher.combine(bucket) }
    }

    private struct SpreadRow: TableKeyed {
        var key: SpreadKey
        var tableKey: SpreadKey { key }
    }

    func testIndexingRowsAtOnceFindsWhatAddingThemOneByOneFinds() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<12 {
            // Up to tens of thousands of rows, so the slots run to many stretches; repeated keys
            // (a broken snapshot's) and hashes shared by many keys.
            let count = Int.random(in: 0...40_000, using: &random), buckets = Int.random(in: 1...50_000, using: &random)
            let rows = (0..<count).map { _ in
                let bucket = Int.random(in: 0..<buckets, using: &random)
                return SpreadRow(key: SpreadKey(name: "k\(bucket % 7)-\(Int.random(in: 0..<3, using: &random))", bucket: bucket))
            }
            let atOnce = RowIndex(rows)
            let hashedTwice = RowIndex(rows, keepingHashesUpTo: 0)  // as for more rows than a kept hash each is worth
            var oneByOne = RowIndex()
            var firsts: [SpreadKey: Int] = [:]
            for (position, row) in rows.enumerated() {
                oneByOne.add(position, key: row.key, in: rows)
                if firsts[row.key] == nil { firsts[row.key] = position }
            }
            XCTAssertEqual(atOnce.count, firsts.count)
            XCTAssertEqual(hashedTwice.count, firsts.count)
            XCTAssertEqual(oneByOne.count, firsts.count)
            for row in rows {
                XCTAssertEqual(atOnce.position(of: row.key, in: rows), firsts[row.key])
                XCTAssertEqual(hashedTwice.position(of: row.key, in: rows), firsts[row.key])
                XCTAssertEqual(oneByOne.position(of: row.key, in: rows), firsts[row.key])
            }
            XCTAssertNil(atOnce.position(of: SpreadKey(name: "absent", bucket: 1), in: rows))
        }
        XCTAssertNil(RowIndex().position(of: SpreadKey(name: "k0-0", bucket: 1), in: [SpreadRow]()), "an index never added to finds nothing")
    }

    func testManyKeysFoundTogetherAreWhereEachIsFoundAlone() {
        var random = SeededRandom(seed: 25)
        for round in 0..<16 {
            // Hashes shared by many keys (so tags collide and a candidate row's key differs),
            // repeated keys, keys not there, and enough rows for many stretches of slots and rows.
            let count = round == 0 ? 0 : Int.random(in: 1...30_000, using: &random)
            let buckets = Int.random(in: 1...40_000, using: &random)
            let key = { (random: inout SeededRandom) in
                let bucket = Int.random(in: 0..<buckets, using: &random)
                return SpreadKey(name: "k\(bucket % 5)-\(Int.random(in: 0..<4, using: &random))", bucket: bucket)
            }
            let rows = (0..<count).map { _ in SpreadRow(key: key(&random)) }
            let index = RowIndex(rows)
            let keys = (0..<Int.random(in: 0...30_000, using: &random)).map { _ in
                Int.random(in: 0..<3, using: &random) == 0 || rows.isEmpty ? key(&random) : rows.randomElement(using: &random)!.key
            }
            let found = index.positions(of: keys, in: rows)
            XCTAssertEqual(found, keys.map { Int32(index.position(of: $0, in: rows) ?? -1) }, "round \(round): \(count) rows, \(keys.count) keys")
        }
    }

    private struct OrderRow: TableKeyed {
        var id: OrderID
        var tableKey: OrderID { id }
    }

    /// A table's index is held all session, so its slots fill up to three quarters before it
    /// takes twice as many (ten million orders' slots were 256 MB at half full, 128 MB now), and
    /// it still finds every key and no absent one.
    func testAnIndexFillsItsSlotsUpToThreeQuartersAndStillFindsEveryKey() {
        let count = 3 << 16  // three quarters of 2^18 slots
        var orders = (0..<count).map { OrderRow(id: OrderID("#\(1_001 + $0)")) }
        var index = RowIndex(orders)
        XCTAssertEqual(index.slots.slotCount, 1 << 18, "half full would take 2^19 slots")
        for position in stride(from: 0, to: count, by: 7) { XCTAssertEqual(index.position(of: orders[position].id, in: orders), position) }
        XCTAssertEqual(index.position(of: orders[count - 1].id, in: orders), count - 1)
        XCTAssertNil(index.position(of: OrderID("#1"), in: orders))
        orders.append(OrderRow(id: OrderID("#1")))
        XCTAssertTrue(index.add(count, key: OrderID("#1"), in: orders))
        XCTAssertEqual(index.slots.slotCount, 1 << 19, "one more takes twice the slots")
        XCTAssertEqual(index.position(of: OrderID("#1"), in: orders), count)
        XCTAssertEqual(index.position(of: orders[12_345].id, in: orders), 12_345)
        // An index asked mostly for keys it lacks (the import's names) stays at half full.
        XCTAssertEqual(HashSlots(capacity: count).slotCount, 1 << 19)
    }

    func testAMillionOrdersAreIndexedInSixteenBytesEach() {
        let orders = (0..<1_000_000).map { OrderRow(id: OrderID("#\(1_001 + $0)")) }
        let index = RowIndex(orders)
        XCTAssertEqual(index.count, orders.count)
        // A [OrderID: Int] holds 2^21 buckets of a 16-byte key and an 8-byte position: 24 a bucket.
        XCTAssertLessThanOrEqual(index.slots.slotCount * MemoryLayout<UInt64>.stride, 17 * orders.count)
        XCTAssertEqual(index.position(of: OrderID("#500000"), in: orders), 500_000 - 1_001)
        XCTAssertNil(index.position(of: OrderID("#1"), in: orders))
    }
}
