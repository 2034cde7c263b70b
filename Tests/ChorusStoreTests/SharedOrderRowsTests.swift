import Foundation
import XCTest
@testable import ChorusCore
@testable import ChorusGenerator
@testable import ChorusStore

/// Orders read from a snapshot share their lines' storage and their referral boxes (that is
/// what makes a million of them fit); they must still be the orders that were written, byte
/// for byte when written again, and each must change on its own.
final class SharedOrderRowsTests: XCTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/journals/format-5")

    /// Enough orders for the file to be decoded in several chunks on several threads.
    private func handBuiltOrders(_ count: Int) -> [Order] {
        let start = Timestamp(day: Day(year: 2026, month: 3, day: 1)!)
        let products = [("SKU-SERUM", "Glow Serum", 3_200), ("SKU-MIST", "Face Mist", 1_900), ("SKU-CREAM", "Night Cream, 50 ml", 4_500)]
        return (0..<count).map { index in
            let lines = (0...(index % 3)).map { offset in
                let (sku, name, cents) = products[(index + offset) % products.count]
                return OrderLine(sku: offset == 2 ? nil : sku, name: name, quantity: 1 + offset, price: Money(minorUnits: Int64(cents), currency: .eur))
            }
            return Order(id: OrderID("#\(1_001 + index)"), email: "buyer\(index % 700)@example.com", financialStatus: index % 9 == 0 ? "refunded" : "paid",
                         createdAt: start.adding(seconds: Int64(index) * 97), cancelledAt: index % 31 == 0 ? start.adding(days: 40) : nil,
                         subtotal: Money(minorUnits: Int64(1_000 + index), currency: .eur), refunded: Money(minorUnits: index % 9 == 0 ? 500 : 0, currency: .eur),
                         discountCodes: index % 4 == 0 ? "CREATOR\(index % 40)" : nil, source: "web",
                         utmSource: index % 2 == 0 ? "instagram" : nil, utmCampaign: index % 2 == 0 ? "wave-\(index % 3)" : nil,
                         lines: lines, shopifyID: String(5_100_000_001_001 + index))
        }
    }

    /// Reads the bytes back as a snapshot's orders file is read at open, from a file.
    private func decode(_ bytes: [UInt8], rows: Int) throws -> [Order] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shared-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("orders-1.json").path
        try POSIXFileSystem().writeFile(at: path, bytes: bytes)
        return try CollectionFile.decode(file: path, fileSystem: POSIXFileSystem(), as: OrderRowCodec.self, currency: .eur, expectedRows: rows)
    }

    func testOrdersReadTogetherShareTheirLinesYetEqualTheOnesWritten() throws {
        let written = handBuiltOrders(16_000)
        let bytes = CollectionFile.encode(written, as: OrderRowCodec.self, currency: .eur)
        XCTAssertGreaterThan(bytes.count, 2 << 20, "big enough to be read in parallel chunks")
        let read = try decode(bytes, rows: written.count)

        XCTAssertEqual(read, written)
        XCTAssertEqual(read.map(\.hashValue), written.map(\.hashValue))
        let blocks = Set(read.map { ObjectIdentifier($0.lines.block!) })
        XCTAssertLessThan(blocks.count, 40, "32 000 lines in a few shared blocks, not one array per order")
        let referralBoxes = Set(read.compactMap { $0.referral.box.map(ObjectIdentifier.init) })
        XCTAssertEqual(referralBoxes.count, Set(read.map(\.referral)).subtracting([OrderReferral()]).count,
                       "each distinct referral boxed once in the whole file, whichever chunk and thread read it")
        XCTAssertEqual(CollectionFile.encode(read, as: OrderRowCodec.self, currency: .eur), bytes, "written again byte for byte")
    }

    func testPackedLinesGiveBackEveryLineAsWrittenWhateverItsProductQuantityOrCurrency() {
        let orders = RandomOrders(pieces: ["SKU-1", "Glow Serum", "東京", "", " "], linesPerOrder: 0...6, unusualLines: true)
        var random = SeededRandom(seed: 41)
        var builder = OrderLines.Builder()
        var written: [[OrderLine]] = []
        var built: [OrderLines] = []
        for _ in 0..<3_000 {
            let lines = orders.lines(currency: .eur, random: &random)
            for line in lines { builder.append(line) }
            written.append(lines)
            built.append(builder.takeOrder())
        }
        XCTAssertGreaterThan(written.joined().count, 8_192, "lines over several blocks, orders straddling a block's end")
        XCTAssertTrue(written.joined().contains { Int32(exactly: $0.quantity) == nil }, "quantities beyond 32 bits were tried")
        for (lines, packed) in zip(written, built) {
            XCTAssertEqual(Array(packed), lines)
            XCTAssertEqual(Array(OrderLines(lines)), lines)
            XCTAssertEqual(packed, OrderLines(lines))
            XCTAssertEqual(packed.hashValue, lines.hashValue, "hashes as the array it stands for")
            var appended = OrderLines()
            for line in lines { appended.append(line) }
            XCTAssertEqual(Array(appended), lines)
        }
        XCTAssertEqual(MemoryLayout<OrderLineBlock.PackedLine>.stride, 16, "a line in a block is sixteen bytes")
    }

    /// A piece of the orders file writes a product's SKU and name once per block of lines, and
    /// a referral's fields once per box, and copies them for the later orders: every row must
    /// still be what that order alone writes, whether its lines share a block with the orders
    /// around it or have one of their own (whose first product is at the same place as another
    /// block's), whether its referral is shared or its own, in any currency, with text JSON
    /// escapes.
    func testAPieceWritesEveryOrderAsThatOrderAloneWouldWhateverItShares() throws {
        let random = RandomOrders(pieces: ["SKU-1", "Glow \"Serum\"", "東京", "\\", "", "\n"], linesPerOrder: 0...4, unusualLines: true)
        var seed = SeededRandom(seed: 12)
        var builder = OrderLines.Builder()
        var orders: [Order] = []
        for number in 0..<6_000 {
            var order = random.order(number, random: &seed)
            if number % 5 != 0 {
                for line in order.lines { builder.append(line) }
                order.lines = builder.takeOrder()
            }
            if number % 3 == 0, let earlier = orders.randomElement(using: &seed) { order.referral = earlier.referral }
            orders.append(order)
        }
        XCTAssertLessThan(Set(orders.compactMap(\.referral.sharedFields)).count, 4_500, "orders share referral boxes")
        XCTAssertGreaterThan(Set(orders.compactMap { $0.lines.block.map(ObjectIdentifier.init) }).count, 500,
                             "lines in shared blocks and in blocks of their own, interleaved")

        let written = CollectionFile.encode(orders, as: OrderRowCodec.self, currency: .eur)
        var alone: [UInt8] = []
        CollectionFile.write(orders.count, as: OrderRowCodec.self, writingRow: { index, writer, _ in
            OrderRowCodec.write(orders[index], to: &writer, currency: .eur)
        }, to: { alone += $0 })
        XCTAssertTrue(written == alone, "the piece's bytes differ from its orders written one by one")
        XCTAssertTrue(try decode(written, rows: orders.count) == orders, "the orders read back differ from those written")
    }

    /// The builder knows a product again by its strings' identity. Text made afresh for every
    /// line, its storage freed once the line is added and taken again by the next line's text,
    /// must still read back as that line's, never as the product whose storage it reuses.
    func testLinesWhoseTextIsMadeAfreshKeepTheirOwnText() {
        func name(_ index: Int) -> String { String(repeating: "Serum \(index % 7) ", count: 3) }
        var builder = OrderLines.Builder()
        var built: [OrderLines] = []
        for index in 0..<3_000 {
            builder.append(OrderLine(sku: nil, name: name(index), quantity: 1, price: Money(minorUnits: 2_500, currency: .eur)))
            built.append(builder.takeOrder())
        }
        let wrong = built.indices.filter { built[$0][0].name != name($0) }
        XCTAssertTrue(wrong.isEmpty, "\(wrong.count) lines read back another product's name, the first at \(wrong.first ?? -1)")
    }

    /// The builder first tries the product last seen for a line's name and SKU lengths and
    /// price: products alike in all three (and in currency or quantity only) must never be
    /// taken for one another.
    func testLinesOfProductsAlikeInLengthAndPriceKeepTheirOwnProduct() {
        let alike = [("SKU-A", "Serum A", Currency.eur), ("SKU-B", "Serum A", .eur), ("SKU-A", "Serum B", .eur), ("SKU-A", "Serum A", .usd),
                     ("SKU-B", "Serum B", .usd)].map { sku, name, currency in (sku as String?, name, currency) } + [(nil, "Serum C", .eur)]
        var random = SeededRandom(seed: 7)
        var builder = OrderLines.Builder()
        var written: [[OrderLine]] = []
        var built: [OrderLines] = []
        for _ in 0..<2_000 {
            let lines = (0..<Int.random(in: 1...5, using: &random)).map { _ in
                let (sku, name, currency) = alike.randomElement(using: &random)!
                let quantity = Int.random(in: 0..<20, using: &random) == 0 ? Int(Int32.max) + 5 : Int.random(in: 1...3, using: &random)
                return OrderLine(sku: sku, name: name, quantity: quantity, price: Money(minorUnits: 2_500, currency: currency))
            }
            for line in lines { builder.append(line) }
            written.append(lines)
            built.append(builder.takeOrder())
        }
        XCTAssertGreaterThan(written.joined().count, 4_096, "lines over more than one block")
        for (lines, packed) in zip(written, built) { XCTAssertEqual(Array(packed), lines) }
    }

    func testEveryFieldOfACompactOrderReadsBackAsGivenAndSettingItEqualsBuildingWithIt() {
        let orders = RandomOrders(pieces: ["ana", "Paid", "paid", "voided", "東京", "e\u{301}", " ", ""], linesPerOrder: 0...3,
                                  mixedCurrencies: true, unusualLines: true)
        let statuses = ["paid", "refunded", "partially_refunded", "voided", "pending", "authorized", "Paid", "VOIDED", "paid ", "caf\u{E9}", ""]
        var random = SeededRandom(seed: 43)
        for number in 0..<2_000 {
            let model = orders.order(number, random: &random)
            // Plain values to build from, drawn afresh so that they do not come from a compact order.
            let status = statuses.randomElement(using: &random)!
            let email = orders.text(random: &random)
            let currencies = [Currency.eur, .usd, Currency("JPY")]
            let subtotal = Money(minorUnits: Int64.random(in: -9_999...9_999_999, using: &random), currency: currencies.randomElement(using: &random)!)
            let refunded = Money(minorUnits: Int64.random(in: 0...9_999, using: &random),
                                 currency: Bool.random(using: &random) ? subtotal.currency : currencies.randomElement(using: &random)!)
            let cancelledAt = Bool.random(using: &random) ? Timestamp(secondsSinceEpoch: Int64.random(in: 0...2_000_000_000, using: &random)) : nil
            let original = Bool.random(using: &random) ? nil : model.original
            let built = Order(id: model.id, email: email, financialStatus: status, createdAt: model.createdAt, cancelledAt: cancelledAt,
                              subtotal: subtotal, refunded: refunded, referral: model.referral, lines: model.lines, shopifyID: model.shopifyID,
                              original: original)
            XCTAssertEqual(built.email, email)
            XCTAssertEqual(built.financialStatus.utf8.elementsEqual(status.utf8), true, "status read back byte for byte")
            XCTAssertEqual(built.subtotal, subtotal)
            XCTAssertEqual(built.refunded, refunded)
            XCTAssertEqual(built.cancelledAt, cancelledAt)
            XCTAssertEqual(built.original, original)
            XCTAssertEqual(built.counts, cancelledAt == nil && !["voided", "pending", "authorized"].contains(status.lowercased()))

            var set = model
            set.email = email
            set.financialStatus = status
            set.refunded = refunded
            set.subtotal = subtotal
            set.cancelledAt = cancelledAt
            set.original = original
            XCTAssertEqual(set, built)
            XCTAssertEqual(set.hashValue, built.hashValue)
            XCTAssertEqual(set.refunded, refunded, "setting the subtotal keeps the refund's currency")

            var other = built
            other.financialStatus = statuses.randomElement(using: &random)!
            other.cancelledAt = nil
            XCTAssertEqual(other == built, other.financialStatus == status && cancelledAt == nil)
            XCTAssertEqual(built.email, email, "a copy changes on its own")
        }
    }

    func testSurveyAnswersReadTogetherShareTheirWordingYetEqualTheOnesWritten() throws {
        let words = RandomOrders(pieces: ["Instagram", "Friend or family", "Podcast", "東京", "say \"hi\"", ",\n[", ""], linesPerOrder: 0...0)
        var random = SeededRandom(seed: 47)
        let written = (0..<12_000).map { number in
            SurveyResponse(id: SurveyResponseID("SR-\(number)"), orderID: OrderID("#\(1_000 + number)"),
                           question: Bool.random(using: &random) ? "How did you hear about us?" : nil,
                           response: ["Instagram", "Podcast", "Friend or family", "TikTok"].randomElement(using: &random)!,
                           other: words.text(random: &random), email: words.text(random: &random).map { "\($0)\(number)@example.com" },
                           couponCode: Bool.random(using: &random) ? "MILA15" : nil, utmSource: Bool.random(using: &random) ? "instagram" : nil,
                           creditedCreator: number % 7 == 0 ? CreatorID("CR-\(number % 50)") : nil)
        }
        let bytes = CollectionFile.encode(written, as: SurveyResponseRowCodec.self, currency: .eur)
        XCTAssertGreaterThan(bytes.count, 1 << 20, "big enough to be read in chunks on several threads")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shared-answers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("surveyResponses-1.json").path
        try POSIXFileSystem().writeFile(at: path, bytes: bytes)
        var read = try CollectionFile.decode(file: path, fileSystem: POSIXFileSystem(), as: SurveyResponseRowCodec.self, currency: .eur,
                                             expectedRows: written.count, sizes: CollectionFile.ReadSizes(window: 256 << 10, piece: 32 << 10))

        XCTAssertEqual(read, written)
        XCTAssertEqual(read.map(\.hashValue), written.map(\.hashValue))
        XCTAssertEqual(CollectionFile.encode(read, as: SurveyResponseRowCodec.self, currency: .eur), bytes, "written again byte for byte")
        XCTAssertLessThanOrEqual(MemoryLayout<SurveyResponse>.stride, 88)
        let first = read.firstIndex { $0.response == read[1].response && $0.question == read[1].question
            && $0.couponCode == read[1].couponCode && $0.utmSource == read[1].utmSource && $0.id != read[1].id }!
        read[1].response = "A changed answer"
        read[1].utmSource = nil
        XCTAssertEqual(read[first], written[first], "an answer that shared the wording keeps it")
        XCTAssertEqual(read[1].response, "A changed answer")
        XCTAssertNil(read[1].utmSource)
        XCTAssertEqual(read[1].question, written[1].question)
        XCTAssertEqual(read[1].email, written[1].email)
    }

    func testChangingOneOrdersLinesLeavesTheOrdersBesideItAlone() throws {
        let written = handBuiltOrders(3)
        var read = try decode(CollectionFile.encode(written, as: OrderRowCodec.self, currency: .eur), rows: 3)
        XCTAssertTrue(read[0].lines.block === read[1].lines.block)

        read[0].lines.append(OrderLine(sku: "SKU-PATCH", name: "Eye Patches", quantity: 1, price: Money(minorUnits: 1_200, currency: .eur)))
        read[2].lines = [OrderLine(sku: nil, name: "Gift wrap", quantity: 1, price: Money(minorUnits: 500, currency: .eur))]
        read[1].utmCampaign = "wave-9"

        XCTAssertEqual(read[0].lines.map(\.name), ["Glow Serum", "Eye Patches"])
        XCTAssertEqual(read[1], { var order = written[1]; order.utmCampaign = "wave-9"; return order }())
        XCTAssertEqual(read[1].lines, written[1].lines)
        XCTAssertEqual(read[2].lines.map(\.name), ["Gift wrap"])
        XCTAssertEqual(try decode(CollectionFile.encode(written, as: OrderRowCodec.self, currency: .eur), rows: 3), written,
                       "the written orders are untouched")
    }

    func testAFrozenSnapshotsOrdersAreWrittenBackByteForByte() throws {
        let file = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent("replayed/orders-2.json")))
        let rows = try decode(file, rows: 3)
        XCTAssertEqual(CollectionFile.encode(rows, as: OrderRowCodec.self, currency: .eur), file)
    }

    func testAFrozenJournalsImportedOrdersAreWrittenBackByteForByte() throws {
        let journal = try String(contentsOf: fixtures.appendingPathComponent("journal/journal.jsonl"), encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let imports = journal.split(separator: "\n").filter { $0.contains(#""kind":"importOrders""#) }
        XCTAssertFalse(imports.isEmpty)
        for line in imports {
            let entry = try JSONDecoder().decode(JournalEntry.self, from: Data(line.utf8))
            guard case .importOrders(let orders) = entry.command else { return XCTFail("not an import: \(line)") }
            XCTAssertFalse(orders.isEmpty)
            XCTAssertEqual(String(decoding: try encoder.encode(entry), as: UTF8.self), String(line))
        }
    }
}
