import ChorusInterchange
@testable import ChorusGenerator
import XCTest

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, file: String = "test.csv") throws -> [CSVRecord] {
        var reader = CSVReader(bytes: Array(text.utf8), fileName: file)
        return try reader.readAll()
    }

    func testExcelExportWithByteOrderMarkAndCRLFReadsCleanly() throws {
        var reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("Name,Email\r\n#1001,a@example.com\r\n".utf8), fileName: "orders.csv")
        let records = try reader.readAll()
        XCTAssertEqual(records.map(\.fields), [["Name", "Email"], ["#1001", "a@example.com"]])
        XCTAssertEqual(records.map(\.line), [1, 2])
    }

    func testQuotedFieldsKeepCommasQuotesAndLineBreaksAndRecordsKnowTheirStartLine() throws {
        let records = try read("id,note\n1,\"utm_source: instagram\nutm_medium: creator\"\n2,\"She said \"\"wow, really\"\"\"\n3,plain\n")
        XCTAssertEqual(records[1].fields, ["1", "utm_source: instagram\nutm_medium: creator"])
        XCTAssertEqual(records[2].fields, ["2", "She said \"wow, really\""])
        XCTAssertEqual(records.map(\.line), [1, 2, 4, 5])
    }

    func testEmptyFieldsTrailingCommaAndMissingFinalNewline() throws {
        let records = try read("a,,c\n,,\nx,\"\",z,")
        XCTAssertEqual(records.map(\.fields), [["a", "", "c"], ["", "", ""], ["x", "", "z", ""]])
        XCTAssertTrue(records[0].isEmpty(at: 1))
        XCTAssertEqual(records[0][7], "", "a missing trailing field reads as empty")
    }

    func testBlankLinesBetweenRecordsAreSkippedButCounted() throws {
        let records = try read("a,b\n\n\r\nc,d\n")
        XCTAssertEqual(records.map(\.fields), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(records.map(\.line), [1, 4])
    }

    func testUnicodeNamesSurviveUntouched() throws {
        let records = try read("name\nJosé Núñez\n山田 花子\n👩‍💻 Dev Sam\n")
        XCTAssertEqual(records.dropFirst().map { $0[0] }, ["José Núñez", "山田 花子", "👩‍💻 Dev Sam"])
    }

    /// Fields of every length up to forty bytes, so their ends fall everywhere in the eight-byte
    /// words the reader skips plain text in, made of the bytes at the edges of what it skips
    /// (`+`, `,`, `-`, DEL, space, tab, a quote inside, two-, three- and four-byte characters),
    /// read back exactly as written; a stray byte that is not UTF-8 anywhere in a field is
    /// refused on its own line and column.
    func testFieldsOfEveryLengthAndEdgeByteReadBackAsWrittenAndABadByteIsFoundWhereItIs() throws {
        let pieces = ["a", "Z", "0", "+", ",", "-", "\u{7F}", " ", "\t", "#", "@", "\"", "é", "東", "🌿", ".", "/", "\u{1}"]
        var random = SeededRandom(seed: 1907)
        for round in 0..<300 {
            var rows: [[String]] = []
            // Now and then more fields than a record's first slots hold, so it is read again with more.
            let widest = round % 10 == 0 ? 90 : 9
            for _ in 0..<random.int(in: 1...6) {
                rows.append((0..<random.int(in: 1...widest)).map { _ in (0..<random.int(in: 0...40)).map { _ in random.pick(pieces) }.joined() })
            }
            let text = rows.map { $0.map(Self.written).joined(separator: ",") }.joined(separator: "\n")
            // A blank first row would be skipped as a blank line, not read as one empty field.
            guard rows[0] != [""] else { continue }
            var reader = CSVReader(bytes: Array(text.utf8), fileName: "round.csv")
            XCTAssertEqual(try reader.readAll().map(\.fields), rows.filter { $0 != [""] }, "round \(round): \(text.debugDescription)")

            var bytes = Array(text.utf8)
            let plainFields = rows.indices.flatMap { row in rows[row].indices.map { (row, $0) } }.filter { row, column in
                !rows[row][column].contains(",") && !rows[row][column].contains("\"") && rows[row][column].utf8.count >= 1
            }
            guard !plainFields.isEmpty else { continue }
            let (row, column) = random.pick(plainFields)
            let start = rows[..<row].reduce(0) { $0 + $1.map { Self.written($0) }.joined(separator: ",").utf8.count + 1 }
                + rows[row][..<column].reduce(0) { $0 + Self.written($1).utf8.count + 1 }
            var offset = random.int(in: 0...(rows[row][column].utf8.count - 1))
            while offset > 0, bytes[start + offset] & 0xC0 == 0x80 { offset -= 1 }  // on a character's first byte
            bytes.insert(0xFF, at: start + offset)
            var bad = CSVReader(bytes: bytes, fileName: "round.csv")
            XCTAssertThrowsError(try bad.readAll(), "round \(round)") { error in
                XCTAssertEqual(error as? CSVError, CSVError(.invalidUTF8, fileName: "round.csv", line: row + 1, column: column + 1), "round \(round)")
            }
        }
    }

    /// A field as a spreadsheet writes it: quoted when it holds a comma or starts with a quote.
    private static func written(_ field: String) -> String {
        field.contains(",") || field.hasPrefix("\"") ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    func testAnUnclosedQuoteIsReportedWhereItOpens() {
        XCTAssertThrowsError(try read("Name,Note\n#1001,ok\n#1002,\"never closed\n#1003,x\n", file: "orders.csv")) { error in
            let csvError = error as? CSVError
            XCTAssertEqual(csvError?.kind, .unbalancedQuote)
            XCTAssertEqual(csvError?.fileName, "orders.csv")
            XCTAssertEqual(csvError?.line, 3)
            XCTAssertEqual(csvError?.column, 2)
            XCTAssertEqual(csvError?.description, "orders.csv, line 3, column 2: a quoted field starts here and is never closed")
        }
    }

    func testLatin1BytesAreRejectedWithTheirLine() {
        var reader = CSVReader(bytes: Array("name\nok\n".utf8) + [0x4A, 0x6F, 0x73, 0xE9, 0x0A], fileName: "customers.csv")
        XCTAssertThrowsError(try reader.readAll()) { error in
            XCTAssertEqual(error as? CSVError, CSVError(.invalidUTF8, fileName: "customers.csv", line: 3, column: 1))
        }
    }

    func testTextAfterAClosingQuoteIsAnError() {
        XCTAssertThrowsError(try read("a,\"b\"c\n")) { error in
            XCTAssertEqual((error as? CSVError)?.kind, .textAfterClosingQuote)
        }
    }

    func testHeaderMappingFindsColumnsIgnoringCaseAndListsWhatIsMissing() throws {
        var table = try CSVTable(bytes: Array(" Name ,EMAIL,Lineitem SKU\n#1001,a@b.c,KS-1\n".utf8), fileName: "orders.csv")
        XCTAssertEqual(table.header.index(of: "name"), 0)
        XCTAssertEqual(table.header.index(of: "Email"), 1)
        XCTAssertEqual(table.header.index(of: "Lineitem sku"), 2)
        XCTAssertEqual(table.header.missing(["Name", "Total", "Discount Code"]), ["Total", "Discount Code"])
        XCTAssertThrowsError(try table.requireColumns(["Name", "Total"])) { error in
            XCTAssertEqual((error as? CSVError)?.kind, .missingColumns(["Total"]))
            XCTAssertEqual((error as? CSVError)?.description, "orders.csv, line 1: missing column 'Total'")
        }
        var record = CSVRecord()
        XCTAssertTrue(try table.readNext(into: &record))
        XCTAssertEqual(record[table.header.index(of: "lineitem sku")!], "KS-1")
        XCTAssertFalse(try table.readNext(into: &record))
    }

    func testAnEmptyFileHasNoHeader() {
        XCTAssertThrowsError(try CSVTable(bytes: [], fileName: "empty.csv")) { error in
            XCTAssertEqual((error as? CSVError)?.kind, .noHeader)
        }
    }
}
