@testable import ChorusInterchange
import ChorusCore
@testable import ChorusGenerator
import Foundation
import XCTest

/// An order export is read from disk a window at a time instead of whole. Wherever the windows
/// fall — inside a row, between a CR and its LF, inside a quoted field holding line breaks, in
/// the middle of a multi-byte character, inside the byte order mark — the rows, their lines
/// and the errors must be exactly those of reading the file whole.
final class WindowedCSVReadingTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("windowed-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testEveryWindowSizeReadsTheAwkwardSpotsAsTheWholeFileDoes() throws {
        let text = "\u{FEFF}Name,Note\r\n#1,\"two\r\nlines, \"\"quoted\"\"\"\r\n\r\n#2,東京 🎉\r#3,café,\n#4,\"\"\n#5,last"
        let bytes = Array(text.utf8)
        let whole = Self.read(bytes)
        XCTAssertEqual(whole.rows.count, 6)
        XCTAssertNil(whole.error)
        for size in 1...bytes.count + 1 {
            XCTAssertEqual(try read(bytes, windowSize: size), whole, "windows of \(size) bytes")
        }
    }

    func testRandomFilesReadInWindowsOfAnySizeGiveWhatReadingThemWholeGives() throws {
        var random = SeededRandom(seed: 25)
        var failing = 0
        for round in 0..<300 {
            let bytes = Self.randomFile(&random)
            let whole = Self.read(bytes)
            if whole.error != nil { failing += 1 }
            for size in [random.int(in: 1...8), random.int(in: 9...64), random.int(in: 65...4096)] {
                XCTAssertEqual(try read(bytes, windowSize: size), whole, "round \(round), windows of \(size) bytes")
            }
        }
        XCTAssertGreaterThan(failing, 30, "files that do not read are compared too: their errors must be the same")
        XCTAssertLessThan(failing, 200, "most files read, so their rows are what is compared")
    }

    func testAnOrderExportReadInWindowsAndChunksGivesTheOrdersOfOnePassOverTheWholeFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sample-data/imports/shopify-orders.csv")
        let lf = try Data(contentsOf: url)
        let crlf = Data(String(decoding: lf, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        var random = SeededRandom(seed: 4)
        for (export, bytes) in [("LF", [UInt8](lf)), ("CRLF", [0xEF, 0xBB, 0xBF] + [UInt8](crlf))] {
            let onePass = try ShopifyOrdersImport(bytes: bytes, fileName: "orders.csv", currency: .eur, pieces: 1)
            for size in [random.int(in: 1...64), random.int(in: 65...8192), 1 << 20] {
                let table = try CSVTable(file: try file(bytes, windowSize: size), fileName: "orders.csv")
                XCTAssertGreaterThan(table.chunkReaders(count: 4, keepingTogetherRowsWithEqual: 0, minimumChunk: 64 << 10).count, 1)
                let windowed = try ShopifyOrdersImport(table, currency: .eur, pieces: 4, minimumChunk: 64 << 10)
                XCTAssertEqual(windowed.rowCount, onePass.rowCount, "\(export), windows of \(size) bytes")
                XCTAssertEqual(windowed.orders, onePass.orders, "\(export), windows of \(size) bytes")
                XCTAssertEqual(windowed.errors.map(\.description), onePass.errors.map(\.description), "\(export), windows of \(size) bytes")
            }
        }
    }

    func testAFileCutShortWhileItIsReadIsAnErrorOnTheLineReachedNotACrash() throws {
        let bytes = Array(("Name,Subtotal\n" + (1...500).map { "#\($0),10.00\n" }.joined()).utf8)
        var reader = try CSVReader(file: try file(bytes, windowSize: 64), fileName: "orders.csv")
        // Another program rewrites the export while it is being imported.
        try Data(bytes.prefix(100)).write(to: folder.appendingPathComponent("orders.csv"))
        var rows = 0
        XCTAssertThrowsError(try { while try reader.next() != nil { rows += 1 } }()) { error in
            XCTAssertEqual((error as? CSVError)?.kind, .unreadable("the file got shorter while it was read"))
            XCTAssertEqual((error as? CSVError)?.line, 7, "the header and five orders fit in the first window")
        }
        XCTAssertEqual(rows, 6)
    }

    func testAnExportRewrittenWhileItIsImportedIsRefusedWholeNotHalfOldHalfNew() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sample-data/imports/shopify-orders.csv")
        let bytes = [UInt8](try Data(contentsOf: sample))
        let export = try file(bytes, windowSize: 4096)
        XCTAssertNoThrow(try ShopifyOrdersImport(file: export, fileName: "orders.csv", currency: .usd), "nothing wrote to it yet")
        // The browser saves the export again while the import is reading it.
        let url = folder.appendingPathComponent("orders.csv")
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: url.path)
        XCTAssertThrowsError(try ShopifyOrdersImport(file: export, fileName: "orders.csv", currency: .usd)) { error in
            XCTAssertEqual((error as? CSVError)?.kind, .changedWhileRead)
            XCTAssertEqual("\(error)", "orders.csv: the file changed while it was read, so nothing was imported; import it again "
                           + "once whatever is writing it has finished")
        }
    }

    func testAnExportTornByAWriterIsRefusedAsChangedNotByTheRowItTore() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sample-data/imports/shopify-orders.csv")
        let export = try file([UInt8](try Data(contentsOf: sample)), windowSize: 4096)
        // Another program overwrites the header in place before the import reads it.
        let url = folder.appendingPathComponent("orders.csv")
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("Nonsense,,,".utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: url.path)
        XCTAssertThrowsError(try ShopifyOrdersImport(file: export, fileName: "orders.csv", currency: .usd)) { error in
            XCTAssertEqual((error as? CSVError)?.kind, .changedWhileRead, "not the missing columns the torn header shows")
        }
    }

    /// Runs of empty fields (an export's unused columns) are passed over a word at a time: runs
    /// of every length up to thirty, at every offset, at a row's start and end, before quoted
    /// fields and line ends of each kind, read as written, whole and in windows of any size.
    func testRunsOfEmptyFieldsReadAsWrittenWholeAndInWindows() throws {
        var random = SeededRandom(seed: 26)
        for round in 0..<300 {
            var rows: [[String]] = []
            for _ in 0..<random.int(in: 1...5) {
                var row: [String] = []
                for _ in 0..<random.int(in: 1...4) {
                    row += Array(repeating: "", count: random.int(in: 0...30))
                    row.append(random.pick(["x", "#1001", "café", "a, b", "two\nlines", "say \"hi\"", "\"", ""]))
                }
                rows.append(row + Array(repeating: "", count: random.int(in: 0...12)))
            }
            let lineEnd = random.pick(["\n", "\r\n", "\r"])
            let text = rows.map { $0.map(Self.written).joined(separator: ",") }.joined(separator: lineEnd) + (random.chance(50) ? lineEnd : "")
            let bytes = Array(text.utf8)
            let whole = Self.read(bytes)
            XCTAssertNil(whole.error, "round \(round)")
            XCTAssertEqual(whole.rows, rows.filter { $0 != [""] }, "round \(round): \(text.debugDescription)")  // a blank line is no row
            for size in [random.int(in: 1...16), random.int(in: 17...128), bytes.count + 1] {
                XCTAssertEqual(try read(bytes, windowSize: size), whole, "round \(round), windows of \(size) bytes")
            }
        }
    }

    /// A field as a spreadsheet writes it: quoted when it holds a comma, a quote or a line end.
    private static func written(_ field: String) -> String {
        field.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    // MARK: Reading

    /// What a reader makes of a file: each row's line and fields, and the error that stopped it.
    private struct Reading: Equatable {
        var rows: [[String]] = []
        var lines: [Int] = []
        var error: String?
    }

    private static func read(_ reader: CSVReader) -> Reading {
        var reader = reader
        var reading = Reading()
        var record = CSVRecord()
        do {
            while try reader.readNext(into: &record) {
                reading.rows.append(record.fields)
                reading.lines.append(record.line)
            }
        } catch {
            reading.error = "\(error)"
        }
        return reading
    }

    private static func read(_ bytes: [UInt8]) -> Reading {
        read(CSVReader(bytes: bytes, fileName: "orders.csv"))
    }

    private func read(_ bytes: [UInt8], windowSize: Int) throws -> Reading {
        Self.read(try CSVReader(file: file(bytes, windowSize: windowSize), fileName: "orders.csv"))
    }

    private func file(_ bytes: [UInt8], windowSize: Int) throws -> CSVFile {
        let url = folder.appendingPathComponent("orders.csv")
        try Data(bytes).write(to: url)
        return try CSVFile(path: url.path, windowSize: windowSize)
    }

    // MARK: Random files

    /// Fields as spreadsheets write them, awkward ones often: quoted line breaks and commas,
    /// doubled quotes, characters of two to four bytes, and now and then bytes that do not
    /// read (Latin-1, a quote never closed, text after a closing quote, a character cut short).
    private static let fields = ["", "x", "#1001", "Night Repair Mask", "café", "東京", "🎉 ok", "\"a, b\"", "\"say \"\"hi\"\"\"",
                                 "\"two\nlines\"", "\"cr\r\nlf\"", "\"lone\rcr\"", "\"\"", "5\" tub"]
    private static let broken: [[UInt8]] = [[0x4A, 0x6F, 0x73, 0xE9], Array("\"never closed".utf8), Array("\"closed\"after".utf8),
                                            [0xE6, 0x9D], [0xF0, 0x9F, 0x8E]]

    private static func randomFile(_ random: inout SeededRandom) -> [UInt8] {
        var bytes: [UInt8] = random.chance(30) ? [0xEF, 0xBB, 0xBF] : []
        let lineEnds = random.pick([["\n"], ["\r\n"], ["\n", "\r\n", "\r"]])
        for row in 0..<random.int(in: 0...12) {
            if row > 0 { bytes += Array(random.pick(lineEnds).utf8) }
            if random.chance(10) { bytes += Array(random.pick(lineEnds).utf8) }  // a blank line
            for column in 0..<random.int(in: 1...5) {
                if column > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += random.chance(2) ? random.pick(broken) : Array(random.pick(fields).utf8)
            }
        }
        if random.chance(50) { bytes += Array(random.pick(lineEnds).utf8) }
        return bytes
    }
}
