@testable import ChorusGenerator
@testable import ChorusUI
import XCTest

/// A big wave's rows in each sort's order are moved on in place when rows change stage or
/// their creator is edited: taken out by their old keys, put back by their new ones. The list
/// must then be what sorting every row by its key gives.
final class SortedRowListTests: XCTestCase {
    func testRowsTakenOutAndPutBackByNewKeysLeaveTheListAsSortingWouldMakeIt() {
        var random = SeededRandom(seed: 900_000)
        for round in 0..<300 {
            let count = random.int(in: 0...400), descending = random.below(2) == 0
            // Unique keys, as a row's sort key ends in its row number.
            var keys = (0..<count).map { UInt64(random.below(50)) << 32 | UInt64($0) }
            func sorted(_ rows: [Int32]) -> [Int32] {
                rows.sorted { descending ? keys[Int($0)] > keys[Int($1)] : keys[Int($0)] < keys[Int($1)] }
            }
            let held = Array(0..<Int32(count)).filter { _ in random.below(5) > 0 }
            var list = sorted(held)
            let moving = count == 0 ? [] : (0..<random.int(in: 0...12)).map { _ in Int32(random.below(count)) }
            let movingHeld = Array(Set(moving.filter(held.contains)))
            SortedRowList.remove(moving, from: &list, descending: descending) { keys[Int($0)] }
            XCTAssertEqual(list, sorted(held.filter { !movingHeld.contains($0) }), "round \(round): taken out")
            for row in movingHeld { keys[Int(row)] = UInt64(random.below(50)) << 32 | UInt64(row) }
            let added = Array(Set(Array(0..<Int32(count)).filter { !held.contains($0) }.prefix(random.below(4))))
            SortedRowList.insert(movingHeld + added, into: &list, descending: descending) { keys[Int($0)] }
            XCTAssertEqual(list, sorted(held + added), "round \(round): put back by the new keys")
        }
    }
}
