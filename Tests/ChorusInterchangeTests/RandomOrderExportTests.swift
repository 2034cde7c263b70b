@testable import ChorusInterchange
import ChorusCore
@testable import ChorusGenerator
import XCTest

/// Order exports as stores and spreadsheets really mangle them — quoted fields holding commas,
/// doubled quotes and line breaks, CRLF line ends, a byte order mark, bad rows anywhere, also
/// right where the file is split for the other core, an order's first row twice — read in chunks give
/// exactly what one pass gives, and the Id check taken on bytes accepts exactly the ids that
/// are ASCII digits character by character.
final class RandomOrderExportTests: XCTestCase {
    func testRandomExportsReadInChunksGiveWhatOnePassGives() throws {
        var random = SeededRandom(seed: 2025)
        var splitAndClean = 0
        for round in 0..<120 {
            let export = Self.export(orders: random.int(in: 20...90), random: &random)
            var bytes = export.bytes
            if round % 3 == 0 {
                // A bad amount in the order that straddles the middle, where the split falls.
                let middle = export.orderStarts.last { $0 <= bytes.count / 2 } ?? 0
                let bad = Self.row(["Name": "#MIDDLE", "Financial Status": "paid", "Currency": "EUR", "Subtotal": "abc",
                                    "Created at": "2026-01-01 00:00:00 +0000"])
                bytes.replaceSubrange(middle..<middle, with: Array((bad + export.lineEnd).utf8))
            }
            let minimumChunk = max(64, bytes.count / 5)
            let table = try CSVTable(bytes: bytes, fileName: "orders.csv")
            let split = table.chunkReaders(count: 4, keepingTogetherRowsWithEqual: 0, minimumChunk: minimumChunk).count > 1
            let chunked = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 4, minimumChunk: minimumChunk)
            let onePass = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 1)
            XCTAssertEqual(chunked.rowCount, onePass.rowCount, "round \(round)")
            XCTAssertEqual(chunked.orders, onePass.orders, "round \(round)")
            XCTAssertEqual(chunked.errors.map(\.description), onePass.errors.map(\.description), "round \(round)")
            if split && onePass.errors.isEmpty { splitAndClean += 1 }
            if round % 3 == 0 { XCTAssertTrue(onePass.errors.contains { $0.description.contains("'abc' is not an amount") }, "round \(round)") }
        }
        XCTAssertGreaterThan(splitAndClean, 40, "many files are split and read cleanly, so their chunks are what is compared")
    }

    func testAnIdIsAcceptedExactlyWhenEveryCharacterIsAnASCIIDigit() throws {
        let pieces = ["5100", "0", "9", "'", "５", "٣", "1\u{301}", "\r\n", " ", "a", "E+12", "-", "½", "7"]
        var random = SeededRandom(seed: 7)
        var ids: [String] = []
        for _ in 0..<300 { ids.append((0..<random.int(in: 1...4)).map { _ in random.pick(pieces) }.joined()) }
        ids = ids.filter { !$0.trimmingWhitespace.isEmpty && $0.trimmingWhitespace == $0 }
        let rows = ids.enumerated().map { index, id in
            Self.row(["Name": "#\(index + 1)", "Financial Status": "paid", "Created at": "2026-03-12 09:14:02 +0000",
                      "Subtotal": "10.00", "Id": id])
        }
        let bytes = Array(([Self.csvRow(ShopifyOrdersCSV.header)] + rows).joined(separator: "\n").utf8)
        let imported = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 1)
        for (index, id) in ids.enumerated() {
            let digits = id.hasPrefix("'") ? String(id.dropFirst()) : id
            let valid = digits.allSatisfy { $0.isASCII && $0.isNumber }
            let order = imported.orders.first { $0.id == OrderID("#\(index + 1)") }
            XCTAssertEqual(order != nil, valid, "Id \(id.debugDescription)")
            if valid { XCTAssertEqual(order?.shopifyID, digits) }
        }
        XCTAssertGreaterThan(imported.orders.count, 10)
        XCTAssertGreaterThan(imported.errors.count, 10)
    }

    // MARK: Random exports

    private static let texts = ["Night Repair Mask", "5\" tub", "say \"hi\"", "a, b", "line\nbreak", "cr\r\nlf", "東京", "café", "", "x"]

    /// An export of `orders` random orders: its bytes, where each order's first row starts,
    /// and the line end it uses.
    private static func export(orders: Int, random: inout SeededRandom) -> (bytes: [UInt8], orderStarts: [Int], lineEnd: String) {
        let lineEnd = random.pick(["\n", "\r\n"])
        var bytes: [UInt8] = random.chance(30) ? [0xEF, 0xBB, 0xBF] : []
        bytes += Array((csvRow(ShopifyOrdersCSV.header) + lineEnd).utf8)
        var starts: [Int] = []
        var firstRows: [String] = []
        // Most files are clean, so that their chunks are what is compared; a file with a bad
        // row anywhere is read again in one pass.
        let faulty = random.chance(30)
        for number in 1...orders {
            starts.append(bytes.count)
            let name = "#\(1000 + number)"
            var first: [String: String] = [
                "Name": name, "Email": random.pick(["ana@example.com", "", "\"quoted\"@example.com"]),
                "Financial Status": random.pick(["paid", "PAID ", "refunded"]), "Currency": random.pick(["EUR", "eur", ""]),
                "Created at": "2026-0\(random.int(in: 1...9))-1\(random.int(in: 0...9)) 0\(random.int(in: 0...9)):14:02 +0000",
                "Subtotal": "\(random.int(in: 0...500)).\(random.int(in: 10...99))",
                "Note Attributes": random.pick(["", "utm_source: instagram\nutm_medium: creator", "utm_campaign: \"spring, sale\""]),
                "Landing Site": random.pick(["", "/?utm_source=tiktok&utm_content=a%2Cb"]),
                "Id": random.pick(["", "5100000\(number)", "'5100000\(number)"]),
                "Discount Code": random.pick(["", "ANA15", "SPRING, ANA15"]), "Source": random.pick(["", "web", "pos"]),
            ]
            if faulty, random.chance(4) { first["Subtotal"] = "twelve" }
            if faulty, random.chance(3) { first["Created at"] = "yesterday" }
            for item in 0..<random.int(in: 1...3) {
                var row = item == 0 ? first : ["Name": name, "Email": first["Email"]!, "Created at": first["Created at"]!]
                row["Lineitem name"] = random.pick(texts)
                row["Lineitem quantity"] = faulty && random.chance(3) ? "-1" : "\(random.int(in: 1...4))"
                row["Lineitem price"] = "\(random.int(in: 1...90)).00"
                row["Lineitem sku"] = random.pick(["KS-EYE-015", "", "KS \"big\""])
                bytes += Array((Self.row(row) + lineEnd).utf8)
            }
            if random.chance(5) { bytes += Array(lineEnd.utf8) }  // a blank line between orders
            firstRows.append(row(first))
        }
        // Two exports pasted together: an order's first row again, far from the first time.
        if random.chance(20) { bytes += Array((random.pick(firstRows) + lineEnd).utf8) }
        if random.chance(50) { bytes.removeLast(lineEnd.utf8.count) }  // no line end after the last row
        return (bytes, starts, lineEnd)
    }

    private static func row(_ values: [String: String]) -> String {
        csvRow(ShopifyOrdersCSV.header.map { values[$0] ?? "" })
    }

    private static func csvRow(_ fields: [String]) -> String {
        fields.map { field in
            field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}
