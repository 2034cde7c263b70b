import Foundation
import XCTest
@testable import ChorusCore

/// A million orders are loaded at once, so `Order` is laid out for size behind its plain
/// properties; these check that it stays small and still behaves like the plain value it was.
final class CompactOrderTests: XCTestCase {
    private let day = Timestamp(day: Day(year: 2026, month: 3, day: 12)!, hour: 9)
    private func eur(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .eur) }

    private var serum: OrderLine { OrderLine(sku: "SKU-SERUM", name: "Glow Serum", quantity: 2, price: eur(3_200)) }
    private var wrap: OrderLine { OrderLine(sku: nil, name: "Gift wrap", quantity: 1, price: eur(500)) }

    private var order: Order {
        Order(id: "#1001", email: "buyer@example.com", financialStatus: "paid", createdAt: day, subtotal: eur(6_900), refunded: eur(0),
              discountCodes: "MILA15", source: "web", utmSource: "instagram", utmCampaign: "spring-glow", lines: [serum, wrap])
    }

    func testAnOrderStaysWithinItsSlimmedSize() {
        // 328 bytes before; each Money was 24 (its currency a String), each line 64; 112 with
        // Shopify's `Id` as a `String?`.
        XCTAssertLessThanOrEqual(MemoryLayout<Order>.stride, 104)
        XCTAssertLessThanOrEqual(MemoryLayout<Money>.stride, 16)
        XCTAssertLessThanOrEqual(MemoryLayout<Currency>.stride, 4)
        XCTAssertLessThanOrEqual(MemoryLayout<OrderLine>.stride, 56)
        XCTAssertLessThanOrEqual(MemoryLayout<OrderLines>.stride, 16)
    }

    func testChangingACopysLinesReferralOrCancellationLeavesTheOriginalAlone() {
        let original = order
        var copy = original
        copy.lines.append(OrderLine(sku: "SKU-MIST", name: "Face Mist", quantity: 1, price: eur(1_900)))
        copy.utmSource = "tiktok"
        copy.cancelledAt = day.adding(days: 1)
        copy.original = ForeignAmounts(subtotal: Money(minorUnits: 7_500, currency: .usd), refunded: Money(minorUnits: 0, currency: .usd),
                                       rate: ExchangeRate(day: day.day, currency: .usd, rate: DecimalRate("0.92")!))

        XCTAssertEqual(original.lines.map(\.name), ["Glow Serum", "Gift wrap"])
        XCTAssertEqual(original.utmSource, "instagram")
        XCTAssertNil(original.cancelledAt)
        XCTAssertNil(original.original)
        XCTAssertEqual(copy.lines.map(\.name), ["Glow Serum", "Gift wrap", "Face Mist"])
        XCTAssertEqual(copy.utmSource, "tiktok")
        XCTAssertEqual(copy.cancelledAt, day.adding(days: 1))
        XCTAssertEqual(copy.original?.subtotal, Money(minorUnits: 7_500, currency: .usd))
        XCTAssertEqual(copy.source, "web", "the other referral fields are kept")
        XCTAssertNotEqual(copy, original)
    }

    func testAnOrderBuiltLineByLineEqualsOneBuiltFromAnArray() {
        var built = Order(id: "#1001", email: "buyer@example.com", financialStatus: "paid", createdAt: day, subtotal: eur(6_900), refunded: eur(0))
        built.lines.append(serum)
        built.lines.append(wrap)
        built.discountCodes = "MILA15"
        built.source = "web"
        built.utmSource = "instagram"
        built.utmCampaign = "spring-glow"

        XCTAssertEqual(built, order)
        XCTAssertEqual(built.hashValue, order.hashValue)
        XCTAssertEqual(Set([built, order]).count, 1)
        built.lines = []
        built.discountCodes = nil
        XCTAssertNotEqual(built, order)
    }

    func testAnOrderEncodesAsItsPlainFieldsDid() throws {
        // The form journals hold (sorted keys, nil fields left out), as the synthesised Codable wrote it.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var order = order
        order.cancelledAt = day.adding(days: 2)
        let json = String(decoding: try encoder.encode(order), as: UTF8.self)
        XCTAssertEqual(json, #"{"cancelledAt":"2026-03-14T09:00:00Z","createdAt":"2026-03-12T09:00:00Z","discountCodes":"MILA15","#
            + ##""email":"buyer@example.com","financialStatus":"paid","id":"#1001","lines":[{"name":"Glow Serum","##
            + #""price":{"currency":"EUR","minorUnits":3200},"quantity":2,"sku":"SKU-SERUM"},{"name":"Gift wrap","#
            + #""price":{"currency":"EUR","minorUnits":500},"quantity":1}],"refunded":{"currency":"EUR","minorUnits":0},"#
            + #""source":"web","subtotal":{"currency":"EUR","minorUnits":6900},"utmCampaign":"spring-glow","utmSource":"instagram"}"#)
        XCTAssertEqual(try JSONDecoder().decode(Order.self, from: Data(json.utf8)), order)
    }

    func testPackedTextComparesAndHashesAsTheStringItStandsFor() {
        // Canonically equivalent spellings (precomposed and decomposed "é", the Kelvin sign and
        // "K") are equal Strings with different bytes.
        let pieces = ["ana", "e\u{301}", "\u{E9}", "K", "\u{212A}", "@example.com", "東京", "🎉", "", "a-much-longer-piece-of-text"]
        var generator = SystemRandomNumberGenerator()
        var builder = PackedText.Builder(blockSize: 64)
        var texts: [String?] = [nil]
        for _ in 0..<300 { texts.append((0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()) }
        let packed = texts.map { builder.add($0) }
        for (text, value) in zip(texts, packed) {
            XCTAssertEqual(value.string, text)
            XCTAssertEqual(PackedText(text).string, text)
        }
        for _ in 0..<5_000 {
            let (left, right) = (Int.random(in: texts.indices, using: &generator), Int.random(in: texts.indices, using: &generator))
            XCTAssertEqual(packed[left] == packed[right], texts[left] == texts[right], "\(String(describing: texts[left])) vs \(String(describing: texts[right]))")
            XCTAssertEqual(packed[left] == PackedText(texts[right]), texts[left] == texts[right])
            if texts[left] == texts[right] { XCTAssertEqual(packed[left].hashValue, packed[right].hashValue) }
        }
        XCTAssertEqual(PackedText("caf\u{E9}"), PackedText("cafe\u{301}"))
        XCTAssertNotEqual(PackedText("cafe"), PackedText(nil))
        XCTAssertNotEqual(PackedText(""), PackedText(nil))
    }

    /// `counts` tells a common status by its code alone: it must say what the status's text does.
    func testWhetherAnOrderCountsFollowsItsStatusTextAndCancellation() {
        let statuses = Order.commonStatuses + ["Voided", "PENDING", "Authorized", "chargeback", ""]
        for status in statuses {
            for cancelled in [nil, day] {
                var order = order
                order.financialStatus = status
                order.cancelledAt = cancelled
                let plainly = cancelled == nil && !["voided", "pending", "authorized"].contains(status.lowercased())
                XCTAssertEqual(order.counts, plainly, "\(status), cancelled: \(cancelled != nil)")
                XCTAssertEqual(order.financialStatus, status)
            }
        }
    }

    /// Shopify's `Id` is kept as a number when it reads back as the same text, else as written:
    /// either way the order reads, compares, hashes, encodes and is found as with the text.
    func testAShopifyIdReadsBackAsWrittenWhetherKeptAsANumberOrNot() throws {
        let ids: [String?] = [nil, "5100000001001", "1", "9999999999999999999", "18446744073709551615", "0", "0510000001001",
                              "", "51000-0001", "+5100000001001", " 5100000001001", "٥١٠٠", "5100000001001.0", "order 1001"]
        for id in ids {
            var built = order
            built.shopifyID = id
            let made = Order(id: "#1001", email: "buyer@example.com", financialStatus: "paid", createdAt: day, subtotal: eur(6_900),
                             refunded: eur(0), discountCodes: "MILA15", source: "web", utmSource: "instagram", utmCampaign: "spring-glow",
                             lines: [serum, wrap], shopifyID: id)
            XCTAssertEqual(built.shopifyID, id)
            XCTAssertEqual(made.shopifyID, id)
            XCTAssertEqual(built, made, String(describing: id))
            XCTAssertEqual(built.hashValue, made.hashValue)
            XCTAssertEqual(try JSONDecoder().decode(Order.self, from: JSONEncoder().encode(made)).shopifyID, id)
            // An answer naming an order by `Id` finds it by key exactly when the texts are equal.
            for written in ids {
                XCTAssertEqual(made.shopifyKey == written.map(ShopifyOrderKey.init), id == written, "\(String(describing: id)) by \(String(describing: written))")
            }
            // Set and then cleared, or changed to another kind, nothing of the old `Id` is left behind.
            for other in ids {
                var changed = made
                changed.shopifyID = other
                changed.shopifyID = id
                XCTAssertEqual(changed, made, "\(String(describing: other)) then \(String(describing: id))")
                XCTAssertEqual(changed.hashValue, made.hashValue)
                if other != id { changed.shopifyID = other; XCTAssertNotEqual(changed, made) }
            }
        }
        var cancelled = order
        cancelled.cancelledAt = day
        cancelled.shopifyID = "order 1001"
        cancelled.shopifyID = "5100000001001"
        XCTAssertEqual(cancelled.cancelledAt, day, "an odd `Id` replaced leaves the rest of what is rare alone")
        cancelled.cancelledAt = nil
        XCTAssertEqual(cancelled, { var plain = order; plain.shopifyID = "5100000001001"; return plain }())
    }

    func testACurrencyCodeThatIsNotThreeLettersStillWorks() {
        XCTAssertEqual(Currency("usd").code, "USD")
        XCTAssertEqual(Currency("usd"), .usd)
        XCTAssertEqual(Currency("jpy").minorDigits, 0)
        let odd = Currency("euro")
        XCTAssertEqual(odd.code, "EURO")
        XCTAssertEqual(odd, Currency("EURO"))
        XCTAssertNotEqual(odd, .eur)
        XCTAssertEqual(Currency("").code, "")
        XCTAssertEqual(Currency("€").code, "€")
        XCTAssertEqual(Money(minorUnits: 150, currency: odd).description, "1.50 EURO")
    }
}
