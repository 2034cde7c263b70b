import ChorusInterchange
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
