import Foundation
import XCTest
@testable import ChorusCore
@testable import ChorusGenerator
@testable import ChorusStore

/// A snapshot's orders repeat a few thousand referrals (discount code, source, UTM values), so
/// the reader hands an order whose six referral columns are spelled byte for byte as a row's
/// before it that row's referral, without reading them again. Whatever the columns hold —
/// escapes, non-ASCII, text that differs only in a byte, nulls where another row has text —
/// the orders must be the ones written, each distinct referral boxed once, and a bad column
/// refused as the full read refuses it.
final class RepeatedReferralsTests: XCTestCase {
    /// Few pieces, so spellings repeat; some alike but for a byte or an escape.
    private static let orders = RandomOrders(pieces: ["WELCOME10", "welcome10", "WELCOME10 ", "web", "instagram", "say \"hi\"", "zoë",
                                                      "東京", "null", ",", "\n", ""], linesPerOrder: 0...2)

    /// Reads the bytes back as a snapshot's orders file is read at open, from a file cut in
    /// windows and pieces of `sizes`.
    private func decode(_ bytes: [UInt8], rows: Int, sizes: CollectionFile.ReadSizes) throws -> [Order] {
        try CollectionFile.decodeFromFile(bytes, as: OrderRowCodec.self, rows: rows, sizes: sizes)
    }

    func testOrdersWithRepeatedReferralsReadBackAsWrittenWhateverTheirColumnsHold() throws {
        for seed in 0..<6 {
            var random = SeededRandom(seed: UInt64(100 + seed))
            // A few hundred referrals, each used by many orders, as in a program.
            let referrals = (0..<Int.random(in: 1...300, using: &random)).map { _ in Self.orders.order(0, random: &random).referral }
            let written = (0..<Int.random(in: 1...6_000, using: &random)).map { number in
                var order = Self.orders.order(number, random: &random)
                order.referral = referrals.randomElement(using: &random)!
                return order
            }
            let bytes = CollectionFile.encode(written, as: OrderRowCodec.self, currency: .eur)
            let sizes = [CollectionFile.ReadSizes(), CollectionFile.ReadSizes(window: 64 << 10, piece: 8 << 10)].randomElement(using: &random)!
            let read = try decode(bytes, rows: written.count, sizes: sizes)

            XCTAssertEqual(read, written, "seed \(seed)")
            XCTAssertEqual(read.map(\.referral.discountCodes), written.map(\.referral.discountCodes), "seed \(seed)")
            XCTAssertEqual(read.map(\.referral.utmContent), written.map(\.referral.utmContent), "seed \(seed)")
            let boxes = Set(read.compactMap { $0.referral.box.map(ObjectIdentifier.init) })
            XCTAssertEqual(boxes.count, Set(read.map(\.referral)).subtracting([OrderReferral()]).count,
                           "each distinct referral boxed once, however its rows were read (seed \(seed))")
            XCTAssertEqual(CollectionFile.encode(read, as: OrderRowCodec.self, currency: .eur), bytes, "written again byte for byte (seed \(seed))")
        }
    }

    func testABadReferralColumnIsRefusedByItsNameEvenAfterRowsSpelledAlmostAlike() throws {
        let start = Timestamp(day: Day(year: 2026, month: 3, day: 1)!)
        let good = (0..<3).map { number in
            Order(id: OrderID("#\(1_001 + number)"), email: "buyer@example.com", financialStatus: "paid", createdAt: start,
                  subtotal: Money(minorUnits: 1_000, currency: .eur), refunded: .zero(.eur), discountCodes: "MILA15", source: "web",
                  utmMedium: number == 2 ? "4242" : "42")
        }
        let text = String(decoding: CollectionFile.encode(good, as: OrderRowCodec.self, currency: .eur), as: UTF8.self)
        // The last row's medium a number, or no JSON value at all, instead of text.
        for bad in ["4242", "@"] {
            let damaged = Array(text.replacingOccurrences(of: #""4242""#, with: bad).utf8)
            XCTAssertNotEqual(damaged, Array(text.utf8), "the row was damaged")
            XCTAssertThrowsError(try decode(damaged, rows: 3, sizes: CollectionFile.ReadSizes())) { error in
                XCTAssertTrue("\(error)".contains("utmMedium"), "\(error)")
            }
        }
    }

    /// What the chunks of earlier windows read is how a chunk of a big file starts: a referral is
    /// found by its exact bytes only (not a spelling alike but for a byte, nor a longer one that
    /// starts the same), and what a chunk hands back joins what the pool knew between windows.
    func testAChunkFindsTheReferralsEarlierChunksReadByTheirExactBytes() {
        let spellings = [#""WELCOME10","web",null,null,null,null"#, #""welcome10","web",null,null,null,null"#,
                         #""WELCOME10","web",null,null,null,"x""#, #"null,"web",null,null,null,null"#]
        let referrals = spellings.indices.map { OrderReferral(discountCodes: "code \($0)") }
        let pool = ReferralPool()
        var first = ReferralSpellings(), second = ReferralSpellings()
        for (index, spelling) in spellings.enumerated() {
            let bytes = Array(("[" + spelling + "]").utf8)
            bytes.withUnsafeBytes { buffer in
                if index < 2 { first.keep(referrals[index], spelled: 1..<buffer.count - 1, in: buffer) }
                else { second.keep(referrals[index], spelled: 1..<buffer.count - 1, in: buffer) }
            }
        }
        pool.learn(first)
        pool.publishLearned()
        let before = pool.knownSpellings
        pool.learn(second)
        let unpublished = pool.knownSpellings
        pool.publishLearned()
        let known = pool.knownSpellings
        for (index, spelling) in spellings.enumerated() {
            let bytes = Array(("  " + spelling + ",[").utf8)
            bytes.withUnsafeBytes { buffer in
                let range = 2..<buffer.count - 2
                XCTAssertEqual(known.referral(spelled: range, in: buffer), referrals[index], spelling)
                XCTAssertEqual(before.referral(spelled: range, in: buffer), index < 2 ? referrals[index] : nil,
                               "a copy taken earlier keeps what it held: \(spelling)")
                XCTAssertEqual(unpublished.referral(spelled: range, in: buffer), index < 2 ? referrals[index] : nil,
                               "what a chunk learned joins between windows: \(spelling)")
                XCTAssertNil(known.referral(spelled: range.lowerBound..<range.upperBound - 1, in: buffer), "a byte short: \(spelling)")
                XCTAssertNil(known.referral(spelled: range.lowerBound..<range.upperBound + 1, in: buffer), "a byte more: \(spelling)")
            }
        }
    }

    /// Thousands of spellings, as a program of many creators' codes has: each is found by its
    /// bytes after the table has grown many times, and what was never kept is not.
    func testThousandsOfSpellingsAreEachFoundAfterTheTableGrows() {
        var random = SeededRandom(seed: 7)
        let spellings = (0..<5_000).map { number in
            "\"CODE\(number)\",\"web\",\"ig\",null,\"" + String((0..<Int.random(in: 0...12, using: &random)).map { _ in "ab\"é".randomElement(using: &random)! }) + "\",null"
        }
        var table = ReferralSpellings()
        for (number, spelling) in spellings.enumerated() {
            let bytes = Array(spelling.utf8)
            bytes.withUnsafeBytes { table.keep(OrderReferral(discountCodes: "CODE\(number)"), spelled: 0..<$0.count, in: $0) }
        }
        for (number, spelling) in spellings.enumerated() {
            Array(spelling.utf8).withUnsafeBytes { XCTAssertEqual(table.referral(spelled: 0..<$0.count, in: $0)?.discountCodes, "CODE\(number)") }
            Array((spelling + " ").utf8).withUnsafeBytes { XCTAssertNil(table.referral(spelled: 0..<$0.count, in: $0)) }
        }
    }

    /// A file whose orders each spell their referral differently (a one-off code each) keeps
    /// no more than `maximumCount` spellings: the table does not grow by an entry per order.
    func testAFileOfOneOffReferralsKeepsAtMostSoManySpellings() {
        var table = ReferralSpellings()
        let count = ReferralSpellings.maximumCount + 100
        let spellings = (0..<count).map { Array("\"ONE-OFF-\($0)\",\"web\",null,null,null,null".utf8) }
        for (number, spelling) in spellings.enumerated() {
            spelling.withUnsafeBytes { table.keep(OrderReferral(discountCodes: "ONE-OFF-\(number)"), spelled: 0..<$0.count, in: $0) }
        }
        spellings[0].withUnsafeBytes { XCTAssertEqual(table.referral(spelled: 0..<$0.count, in: $0)?.discountCodes, "ONE-OFF-0") }
        spellings[count - 1].withUnsafeBytes { XCTAssertNil(table.referral(spelled: 0..<$0.count, in: $0), "past the most kept") }
    }
}
