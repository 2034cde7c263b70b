@testable import ChorusInterchange
@testable import ChorusGenerator
import ChorusCore
import XCTest

/// A chunk of an export finds its orders by name through `OrderNameIndex`; it must find what a
/// `[OrderID: Int]` finds, names Swift takes for equal included, however it grew.
final class OrderNameIndexTests: XCTestCase {
    func testTheIndexFindsWhatADictionaryOfPositionsFinds() {
        var random = SeededRandom(seed: 43)
        let spellings = ["#\(1_001)", "Caf\u{E9}-7", "Cafe\u{301}-7", "東京-1", "#1001 ", "x"]
        for round in 0..<20 {
            var index = OrderNameIndex(seed: UInt64(round) &* 0x9E37_79B9_7F4A_7C15)
            var dictionary: [OrderID: Int] = [:]
            var orders: [Order] = []
            for row in 0..<random.int(in: 0...6_000) {
                if row == 700 { index.reserveCapacity(random.int(in: 0...9_000), indexing: true) }  // while names are in it
                let name = OrderID(random.chance(5) ? random.pick(spellings) : "#\(random.int(in: 1...4_000))")
                let expected = dictionary[name] ?? orders.count
                XCTAssertEqual(index.position(of: name, in: orders), expected, "round \(round), row \(row): \(name)")
                if expected == orders.count {
                    dictionary[name] = expected
                    orders.append(Order(id: name, email: nil, financialStatus: "paid", createdAt: Timestamp(secondsSinceEpoch: 0),
                                        subtotal: .zero(.eur), refunded: .zero(.eur)))
                }
            }
            for name in spellings + ["#0", "#4001"] {
                XCTAssertEqual(index.existingPosition(of: OrderID(name), in: orders), dictionary[OrderID(name)], "round \(round): \(name)")
            }
            XCTAssertEqual(index.hashes.count, orders.count)
        }
    }
}
