@testable import ChorusInterchange
import ChorusCore
@testable import ChorusGenerator
import XCTest

/// The order import reads amounts, times and quantities from a field's bytes, and makes each
/// repeated status, currency, product and referral once per spelling (`FieldCache`). Here a
/// random export full of what spreadsheets do to text — white space ASCII and not around
/// e-mails, statuses, times and names, lowercase currencies, `+4` quantities, decimal commas,
/// quoted referral columns, one referral spelled several ways — is read as an import reads it
/// and, row by row, the straightforward way: every field made a `String`, trimmed and parsed.
/// The two must give the same orders, in one pass and in chunks.
final class OrderFieldsFromBytesTests: XCTestCase {
    func testAnExportReadFromBytesGivesTheOrdersReadingEveryFieldAsTextGives() throws {
        var random = SeededRandom(seed: 1906)
        for round in 0..<12 {
            let bytes = Self.export(orders: random.int(in: 150...400), random: &random)
            let expected = try Self.readAsText(bytes)
            for pieces in [1, 4] {
                let imported = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: pieces,
                                                       minimumChunk: bytes.count / 6)
                XCTAssertEqual(imported.errors.map(\.description), [], "round \(round), \(pieces) pieces")
                XCTAssertEqual(imported.orders.count, expected.count, "round \(round), \(pieces) pieces")
                for (order, wanted) in zip(imported.orders, expected) where order != wanted {
                    XCTFail("round \(round), \(pieces) pieces: \(order) is not \(wanted)")
                    break
                }
            }
        }
    }

    /// A bad value is refused on every row that has it, also when the same bytes came before
    /// (a value that failed is never kept), and in one pass as in chunks.
    func testABadValueIsRefusedOnEveryRowThatHasItNamingItsLineAndColumn() throws {
        let header = ShopifyOrdersCSV.header
        func row(_ values: [String: String]) -> String { Self.csvRow(header.map { values[$0] ?? "" }) }
        func order(_ name: String, _ extra: [String: String] = [:]) -> String {
            row(["Name": name, "Financial Status": "paid", "Created at": "2026-03-12 09:14:02 +0000", "Subtotal": "10.00",
                 "Lineitem name": "Mask", "Lineitem quantity": "1"].merging(extra) { $1 })
        }
        let rows = [Self.csvRow(header), order("#1", ["Currency": "EURO"]), order("#2"), order("#3", ["Currency": "EURO"]),
                    order("#4", ["Lineitem quantity": "0"]), order("#5", ["Lineitem quantity": "0"]),
                    order("#6", ["Created at": " yesterday "]), order("#7", ["Created at": "\u{3000}yesterday"]),
                    order("#8", ["Lineitem quantity": "1234567890123456789"]), order("#9", ["Subtotal": " 1.2.3"])]
        let bytes = Array(rows.joined(separator: "\n").utf8)
        let column = { (name: String) in header.firstIndex(of: name)! + 1 }
        let expected = [
            "orders.csv, line 2, column \(column("Currency")) (Currency): 'EURO' is not a currency code like EUR or USD",
            "orders.csv, line 4, column \(column("Currency")) (Currency): 'EURO' is not a currency code like EUR or USD",
            "orders.csv, line 5, column \(column("Lineitem quantity")) (Lineitem quantity): '0' is not a quantity",
            "orders.csv, line 6, column \(column("Lineitem quantity")) (Lineitem quantity): '0' is not a quantity",
            "orders.csv, line 7, column \(column("Created at")) (Created at): 'yesterday' is not a time like 2026-03-12 09:14:02 +0000",
            "orders.csv, line 8, column \(column("Created at")) (Created at): 'yesterday' is not a time like 2026-03-12 09:14:02 +0000",
            "orders.csv, line 10, column \(column("Subtotal")) (Subtotal): ' 1.2.3' is not an amount like 1234.50",
        ]
        for pieces in [1, 3] {
            let imported = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: pieces, minimumChunk: 64)
            XCTAssertEqual(imported.errors.map(\.description), expected, "\(pieces) pieces")
            XCTAssertEqual(imported.orders.map(\.id.rawValue), ["#2", "#8"], "\(pieces) pieces")
            XCTAssertEqual(imported.orders.last?.lines.first?.quantity, 1_234_567_890_123_456_789)
        }
    }

    /// A product named with a composed "é" in one order and with "e" and a combining accent in
    /// the next is two spellings `String` calls equal; each order's line keeps its own bytes.
    func testEachLineKeepsItsOwnBytesWhenAnotherOrderSpelledTheSameProductOtherwise() throws {
        let header = ShopifyOrdersCSV.header
        let rows = [Self.csvRow(header)] + [("#1", "Caf\u{E9}"), ("#2", "Cafe\u{301}"), ("#3", "Caf\u{E9}")].map { name, product in
            Self.csvRow(header.map { ["Name": name, "Financial Status": "paid", "Created at": "2026-03-12", "Subtotal": "4.00",
                                      "Lineitem name": product, "Lineitem sku": product][$0] ?? "" })
        }
        let imported = try ShopifyOrdersImport(bytes: Array(rows.joined(separator: "\n").utf8), fileName: "orders.csv", currency: .eur, pieces: 1)
        XCTAssertEqual(imported.orders.map { Array($0.lines[0].name.utf8) },
                       [Array("Caf\u{E9}".utf8), Array("Cafe\u{301}".utf8), Array("Caf\u{E9}".utf8)])
        XCTAssertEqual(imported.orders.map { $0.lines[0].sku.map { Array($0.utf8) } },
                       [Array("Caf\u{E9}".utf8), Array("Cafe\u{301}".utf8), Array("Caf\u{E9}".utf8)])
    }

    /// The key a row's referral is cached under tells apart what reads differently: a quoted
    /// `a""b` (the text `a"b`) and an unquoted `a""b`, or `ab` and `a` followed by `b` in the
    /// next column; and it is the same for the same fields wherever the row is.
    func testARowsKeyTellsApartWhatReadsDifferently() throws {
        var reader = CSVReader(bytes: Array("\"a\"\"b\",x\na\"\"b,x\nab,\na,b\n\"a\"\"b\",x\n".utf8), fileName: "keys.csv")
        var scratch: [UInt8] = []
        let keys = try reader.readAll().map { record in record.withKey(of: [0, 1, 5, -1], in: &scratch) { Array($0) } }
        XCTAssertEqual(Set(keys[0..<4]).count, 4, "four rows that read differently, four keys")
        XCTAssertEqual(keys[0], keys[4], "the same fields, the same key")
    }

    func testAFieldCacheFindsWhatItKeptAndMakesTheRestAgainOnceFull() {
        var cache = FieldCache<String>(limit: 8)
        var made = 0
        let keys = ["", "a", "a\u{0}", "ab", "ba", "东京"] + (0..<60).map { "key number \($0) " + String(repeating: "x", count: $0) }
        for _ in 0..<3 {
            for key in keys {
                var bytes = Array(key.utf8)
                let value = bytes.withUnsafeMutableBufferPointer { buffer in
                    cache.value(for: UnsafeBufferPointer(buffer)) { made += 1; return key.uppercased() }
                }
                XCTAssertEqual(value, key.uppercased(), "the value of \(key.debugDescription)")
            }
        }
        XCTAssertEqual(made, 8 + 3 * (keys.count - 8), "the first eight kept, the others made each time")

        struct Refused: Error {}
        var refusing = FieldCache<Int>()
        let key: [UInt8] = Array("bad".utf8)
        XCTAssertThrowsError(try key.withUnsafeBufferPointer { try refusing.value(for: $0) { throw Refused() } })
        var madeAfterRefusal = 0
        for _ in 0..<2 {
            let value = key.withUnsafeBufferPointer { refusing.value(for: $0) { madeAfterRefusal += 1; return 7 } }
            XCTAssertEqual(value, 7)
        }
        XCTAssertEqual(madeAfterRefusal, 1, "nothing was kept for the refusal; the value made next is")
    }

    // MARK: The export

    private static let emails = ["ana@example.com", " ana@example.com", "ana@example.com\t", "\u{00A0}bo@example.com\u{3000}",
                                 "鈴木@example.jp", "🌿@example.com", "", "  ", "\"q\"@example.com", "ana@example.com"]
    private static let statuses = ["paid", " Paid", "PAID", "partially_refunded", "Custom Status", "\u{00A0}pending", "refunded "]
    private static let currencies = ["EUR", " eur", "eur", "", "EUR\u{3000}"]
    private static let times = ["2026-03-12 09:14:02 +0000", " 2026-03-12T09:14:02Z ", "\u{3000}2026-03-12 09:14:02 +0100",
                                "2026-03-12", "2026-11-02T23:59:59.250-04:30"]
    private static let amounts = ["12.50", " 7,45", "1,234.50", "-3", "0.5", "88"]
    private static let quantities = ["2", " 3", "+4", "10", "1 ", ""]
    private static let names = ["Night Repair Mask", " Night Repair Mask", "Night Repair Mask\u{3000}", "東京 tea", "say \"hi\"",
                                "a, b", "Serum 🌿"]
    private static let skus = ["KS-1", " KS-1 ", "", "  ", "KS \"big\"", "鈴木-2"]
    private static let codes = ["", "ANA15", " ANA15", "SPRING, ANA15", "\"x\""]
    private static let sources = ["", "web", " web", "pos"]
    private static let links = ["", "/?utm_source=tiktok&utm_content=a%2Cb", "/?utm_source=tiktok&utm_content=a%2Cb&fbclid=1",
                                "/?UTM_Source=+tiktok+", "/p?x=1#utm_source=no"]
    private static let notes = ["", "utm_source: instagram\nutm_medium: creator", "utm_campaign: \"spring, sale\"",
                                "utm_source:  instagram \r\nutm_medium: creator"]

    private static func export(orders: Int, random: inout SeededRandom) -> [UInt8] {
        var rows = [csvRow(ShopifyOrdersCSV.header)]
        for number in 1...orders {
            let name = "#\(1000 + number)"
            let email = random.pick(emails)
            let created = random.pick(times)
            let first: [String: String] = [
                "Name": name, "Email": email, "Financial Status": random.pick(statuses), "Currency": random.pick(currencies),
                "Created at": created, "Subtotal": random.pick(amounts), "Refunded Amount": random.pick(["", "0.00", " 1,5"]),
                "Cancelled at": random.pick(["", "", " 2026-03-13 10:00:00 +0000"]), "Id": random.pick(["", "5100000\(number)"]),
                "Discount Code": random.pick(codes), "Source": random.pick(sources), "Landing Site": random.pick(links),
                "Note Attributes": random.pick(notes),
            ]
            for item in 0..<random.int(in: 1...3) {
                var row = item == 0 ? first : ["Name": name, "Email": email, "Created at": created]
                row["Lineitem name"] = random.pick(names)
                row["Lineitem quantity"] = random.pick(quantities)
                row["Lineitem price"] = random.pick(amounts)
                row["Lineitem sku"] = random.pick(skus)
                rows.append(csvRow(ShopifyOrdersCSV.header.map { row[$0] ?? "" }))
            }
        }
        return Array(rows.joined(separator: "\r\n").utf8)
    }

    private static func csvRow(_ fields: [String]) -> String {
        fields.map { field in
            field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    // MARK: The straightforward reading

    /// Every field a `String`, trimmed, parsed by the text parsers; an order's rows gathered by name.
    private static func readAsText(_ bytes: [UInt8]) throws -> [Order] {
        var reader = CSVReader(bytes: bytes, fileName: "orders.csv")
        let records = try reader.readAll()
        let header = records[0].fields
        var orders: [Order] = []
        for record in records.dropFirst() {
            func field(_ name: String) -> String { record[header.firstIndex(of: name)!] }
            func text(_ name: String) -> String? {
                let value = field(name).trimmingWhitespace
                return value.isEmpty ? nil : value
            }
            let sameOrder = orders.last?.id.rawValue == field("Name")
            let currency = sameOrder ? orders.last!.subtotal.currency : text("Currency").map { Currency($0.uppercased()) } ?? .eur
            let quantity = text("Lineitem quantity").map { Int($0)! } ?? 1
            let line = OrderLine(sku: text("Lineitem sku"), name: field("Lineitem name").trimmingWhitespace, quantity: quantity,
                                 price: Money.parse(Substring(field("Lineitem price")), currency: currency)!)
            if sameOrder {
                orders[orders.count - 1].lines.append(line)
                continue
            }
            let utm = (text("Landing Site").map { UTMParameters(landingURL: $0) } ?? UTMParameters())
                .filled(from: text("Note Attributes").map { UTMParameters(noteAttributes: $0) } ?? UTMParameters())
            orders.append(Order(id: OrderID(field("Name")), email: text("Email"),
                                financialStatus: field("Financial Status").trimmingWhitespace.lowercased(),
                                createdAt: Timestamp(text("Created at")!)!, cancelledAt: text("Cancelled at").map { Timestamp($0)! },
                                subtotal: Money.parse(Substring(field("Subtotal")), currency: currency)!,
                                refunded: text("Refunded Amount").map { Money.parse(Substring($0), currency: currency)! } ?? .zero(currency),
                                discountCodes: text("Discount Code"), source: text("Source"), utmSource: utm.source,
                                utmMedium: utm.medium, utmCampaign: utm.campaign, utmContent: utm.content, lines: [line],
                                shopifyID: text("Id")))
        }
        return orders
    }
}
