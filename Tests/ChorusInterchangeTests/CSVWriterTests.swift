import ChorusCore
import ChorusInterchange
import XCTest

final class CSVWriterTests: XCTestCase {
    func testCellsThatSpreadsheetsWouldRunAsFormulasAreNeutralized() {
        var writer = CSVWriter()
        writer.writeRow(["=HYPERLINK(\"x\")", "+1", "@foo", "-cmd", "\tx", "-12.50", "-3", "plain", "a-b"])
        XCTAssertEqual(writer.text, "\"'=HYPERLINK(\"\"x\"\")\",'+1,'@foo,'-cmd,'\tx,-12.50,-3,plain,a-b\n")
    }

    func testNeutralizedShowsWhatACellBecomes() {
        XCTAssertEqual(CSVWriter.neutralized("=1+1"), "'=1+1")
        XCTAssertEqual(CSVWriter.neutralized("-12.50"), "-12.50")
        XCTAssertEqual(CSVWriter.neutralized("-"), "'-")
        XCTAssertEqual(CSVWriter.neutralized("Mia 🌿"), "Mia 🌿")
    }

    func testNeutralizingCanBeTurnedOffForMachineFormats() {
        var writer = CSVWriter(neutralizesFormulas: false)
        writer.writeRow(["=SUM(A1)", "@x"])
        XCTAssertEqual(writer.text, "=SUM(A1),@x\n")
    }

    func testAListingBecomesADocumentWithItsHeader() {
        XCTAssertEqual(CSVWriter.document(header: ["handle", "name"], rows: [["mia.botanics", "Mia 🌿"], ["@evil", "=1+1"]]),
                       "handle,name\nmia.botanics,Mia 🌿\n'@evil,'=1+1\n")
    }

    func testQuotesOnlyWhenNeededAndEndsLinesAsAsked() {
        var writer = CSVWriter(lineEnding: .crlf)
        writer.writeRow(["a,b", "say \"hi\"", "two\nlines", "plain", ""])
        XCTAssertEqual(writer.text, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain,\r\n")
    }

    func testMoneyTimesAndNumbersAreWrittenAsStoresWriteThem() {
        var writer = CSVWriter()
        let time = Timestamp(day: Day(year: 2026, month: 3, day: 12)!, hour: 9, minute: 14, second: 2)
        writer.append(Money(minorUnits: 123_450, currency: .eur))
        writer.append(Money(minorUnits: -5, currency: .eur))
        writer.append(Money(minorUnits: 1_200, currency: Currency("JPY")))
        writer.append(time, style: .shopify)
        writer.append(time, style: .iso8601)
        writer.append(Day(year: 2026, month: 1, day: 5))
        writer.append(-42)
        writer.append(nil as Timestamp?, style: .shopify)
        writer.endRow()
        XCTAssertEqual(writer.text, "1234.50,-0.05,1200,2026-03-12 09:14:02 +0000,2026-03-12T09:14:02Z,2026-01-05,-42,\n")
    }

    func testWhatTheWriterWritesTheReaderReadsBack() throws {
        let rows = [["name", "note", "amount"],
                    ["José Núñez", "Prefers \"fragrance-free\", no jars\nDM first", "-12.50"],
                    ["山田 花子", "", "0.00"],
                    ["👩‍💻 Dev Sam", "line\r\nbreak", "3"]]
        for ending in [CSVWriter.LineEnding.lf, .crlf] {
            var writer = CSVWriter(lineEnding: ending)
            rows.forEach { writer.writeRow($0) }
            var reader = CSVReader(bytes: writer.bytes, fileName: "roundtrip.csv")
            XCTAssertEqual(try reader.readAll().map(\.fields), rows)
        }
    }
}
