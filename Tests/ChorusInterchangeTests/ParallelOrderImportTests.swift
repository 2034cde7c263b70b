@testable import ChorusInterchange
@testable import ChorusGenerator
import ChorusCore
import Foundation
import XCTest

/// A big orders export is read in chunks on all cores. Whatever the file holds, the result
/// must be exactly what one pass over it gives: same orders in the same order, same errors
/// with the same lines, same row count.
final class ParallelOrderImportTests: XCTestCase {
    /// The sample export: quoted multi-line Note Attributes, UTM landing URLs, multi-item
    /// orders. The tests split it into chunks of 128 KB or more.
    private static let bigExport: (header: String, rows: [String]) = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sample-data/imports/shopify-orders.csv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let header = String(text.prefix { $0 != "\n" })
        let body = String(text.dropFirst(header.count + 1))
        return (header, [body])
    }()

    private static let chunk = 128 << 10

    private func file(_ rows: [String], lineEnd: String = "\n") -> [UInt8] {
        Array((([Self.bigExport.header] + rows).joined(separator: "\n")).replacingOccurrences(of: "\n", with: lineEnd).utf8)
    }

    private func assertChunkedReadMatchesOnePass(_ bytes: [UInt8], expectSplit: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let table = try CSVTable(bytes: bytes, fileName: "orders.csv")
        let chunks = table.chunkReaders(count: 4, keepingTogetherRowsWithEqual: table.header.index(of: "Name")!, minimumChunk: Self.chunk)
        if expectSplit { XCTAssertGreaterThan(chunks.count, 1, "the file is big enough to be split", file: file, line: line) }
        let chunked = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 4, minimumChunk: Self.chunk)
        let onePass = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 1)
        XCTAssertEqual(chunked.rowCount, onePass.rowCount, file: file, line: line)
        XCTAssertEqual(chunked.orders, onePass.orders, file: file, line: line)
        XCTAssertEqual(chunked.errors.map(\.description), onePass.errors.map(\.description), file: file, line: line)
    }

    /// The split points are found by counting quotes and line breaks 32 bytes at a time:
    /// wherever LFs, CRLFs, lone CRs and quoted breaks fall against those blocks (and a CRLF
    /// across two), each chunk starts where a row starts, on the line one pass numbers it.
    func testChunksStartWhereRowsStartOnTheLinesOnePassCounts() throws {
        var seed: UInt64 = 42
        func next(_ below: UInt64) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % below)
        }
        for round in 0..<20 {
            var text = "Name,Note\n"
            for row in 0..<2_000 {
                let end = ["\n", "\r\n", "\r"][next(3)]
                let note = next(4) == 0 ? "\"a\(end)b, \"\"c\"\"\"" : String(repeating: "x", count: next(40))
                text += "#\(row),\(note)\(end)"
            }
            let table = try CSVTable(bytes: Array(text.utf8), fileName: "notes.csv")
            let chunks = table.chunkReaders(count: 6, keepingTogetherRowsWithEqual: 0, minimumChunk: 4 << 10)
            XCTAssertGreaterThan(chunks.count, 1, "round \(round)")
            var onePass = table.reader
            var record = CSVRecord()
            var rowStarts: Set<[Int]> = []
            repeat { rowStarts.insert([onePass.cursor.position, onePass.cursor.line]) } while try onePass.readNext(into: &record)
            for chunk in chunks {
                XCTAssertTrue(rowStarts.contains([chunk.cursor.position, chunk.cursor.line]), "round \(round): \(chunk.cursor)")
            }
        }
    }

    func testABigExportReadInChunksGivesTheSameOrdersAsOnePass() throws {
        let bytes = file(Self.bigExport.rows)
        try assertChunkedReadMatchesOnePass(bytes)
        let orders = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 4, minimumChunk: Self.chunk).orders
        XCTAssertTrue(orders.contains { $0.utmSource == "facebook" && $0.utmCampaign == "always-on-prospecting" })
        XCTAssertTrue(orders.contains { $0.lines.count > 1 }, "multi-item orders keep all their lines")
    }

    func testWindowsLineEndsInsideAndBetweenRowsSplitTheSame() throws {
        try assertChunkedReadMatchesOnePass(file(Self.bigExport.rows, lineEnd: "\r\n"))
    }

    func testABadAmountDeepInTheFileIsReportedOnItsLineEitherWay() throws {
        let body = Self.bigExport.rows[0]
        let last = try XCTUnwrap(body.range(of: ",EUR,36.00,", options: .backwards))
        let bytes = file([body.replacingCharacters(in: last, with: ",EUR,thirty-six,")])
        try assertChunkedReadMatchesOnePass(bytes)
        let errors = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 4, minimumChunk: Self.chunk).errors
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.allSatisfy { $0.description.contains("'thirty-six' is not an amount") })
    }

    func testAStrayQuoteInAnUnquotedFieldDoesNotMisleadTheSplit() throws {
        // A bare quote inside an unquoted field (a product named 5" tub): the quote count the
        // split relies on is then off, and the file must still read as in one pass.
        let body = Self.bigExport.rows[0]
        let first = try XCTUnwrap(body.range(of: "Night Repair Mask 75 ml"))
        try assertChunkedReadMatchesOnePass(file([body.replacingCharacters(in: first, with: "Night Repair Mask 5\" tub")]), expectSplit: false)
    }

    func testAnOrderWhoseRowsAreFarApartIsStillOneOrder() throws {
        var rows = Self.bigExport.rows
        // An extra line item for the very first order, at the end of the file.
        let firstRow = rows[0].prefix { $0 != "\n" }
        let fields = firstRow.split(separator: ",", omittingEmptySubsequences: false)
        rows[0] = rows[0].trimmingCharacters(in: .newlines)
        rows.append(fields[0] + "," + Array(repeating: "", count: 15).joined(separator: ",") + ",1,Travel Pouch,5.00,,KS-POUCH"
                    + String(repeating: ",", count: fields.count - 21))
        let bytes = file(rows)
        try assertChunkedReadMatchesOnePass(bytes)
        let orders = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 4, minimumChunk: Self.chunk).orders
        XCTAssertEqual(orders.first?.lines.last?.name, "Travel Pouch")
    }

    /// A chunk is first read as if each name not on the row before started an order. An
    /// order's whole first row again a few orders further on, in the same chunk (an export
    /// pasted after itself), must still add a line to that order, as in one pass: the chunk
    /// is read again with an index of its names.
    func testAnOrderWhoseFirstRowComesBackWithinTheSameChunkIsStillOneOrder() throws {
        var lines = Self.bigExport.rows.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try ShopifyOrdersImport(bytes: file([lines.joined(separator: "\n")]), fileName: "orders.csv", currency: .eur, pieces: 1).orders[0]
        lines.insert(lines[0], at: 40)
        let bytes = file([lines.joined(separator: "\n")])
        try assertChunkedReadMatchesOnePass(bytes)
        let orders = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 4, minimumChunk: Self.chunk).orders
        XCTAssertEqual(orders.first?.lines.count, first.lines.count + 1, "the row came back as a line of the first order")
        XCTAssertEqual(Set(orders.map(\.id)).count, orders.count, "no order is read twice")
    }

    /// An order's first row again near the end (an export appended to another): read in one
    /// pass it adds a line item. Each chunk looks only into the chunks after it for its names,
    /// so a name of the second chunk turning up in the last must be caught from the second.
    /// Whether any two chunks share a name hash is found by merging their sorted lists in a
    /// tree: for one to seven chunks, a value shared by any one pair (in the same subtree or
    /// not, an odd list carried up a level) is found, and lists sharing nothing are disjoint.
    func testAHashSharedByAnyTwoChunksIsFoundWhereverTheyStandInTheMergeTree() {
        var random = SeededRandom(seed: 41)
        for count in 1...7 {
            // Disjoint lists: chunk c holds values ≡ c (mod 8), some of them a chunk's repeats.
            var lists = (0..<count).map { chunk in (0..<random.int(in: 0...40)).map { _ in UInt64(8 * random.int(in: 0...500) + chunk) }.sorted() }
            XCTAssertFalse(SortedHashes.shareAValue(lists), "\(count) disjoint lists")
            for first in 0..<count {
                for second in (first + 1)..<max(first + 1, count) {
                    lists = (0..<count).map { chunk in (0..<random.int(in: 0...40)).map { _ in UInt64(8 * random.int(in: 0...500) + chunk) } }
                    let shared = UInt64(8 * random.int(in: 0...500) + 7)
                    lists[first].append(shared)
                    lists[second].append(shared)
                    XCTAssertTrue(SortedHashes.shareAValue(lists.map { $0.sorted() }), "\(count) lists, \(first) and \(second) share \(shared)")
                }
            }
        }
    }

    func testAnOrderOfTheSecondChunkRepeatedInTheLastIsReadAsInOnePass() throws {
        var body = Self.bigExport.rows[0].trimmingCharacters(in: .newlines)
        var from = body.index(body.startIndex, offsetBy: body.count * 3 / 8)
        var repeated: Substring = ""
        while repeated.isEmpty || repeated.contains("\"") {
            let rowStart = try XCTUnwrap(body.range(of: "\n#", range: from..<body.endIndex)).upperBound
            repeated = body[body.index(before: rowStart)...].prefix { $0 != "\n" }
            from = rowStart
        }
        body += "\n" + repeated
        let bytes = file([body])
        try assertChunkedReadMatchesOnePass(bytes)
        let orders = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 4, minimumChunk: Self.chunk).orders
        XCTAssertEqual(Set(orders.map(\.id)).count, orders.count, "no order is read twice")
    }
}
