import Foundation
import ChorusCore
@testable import ChorusStore
@testable import ChorusGenerator
import XCTest

/// The byte-level reader handles the JSON that people and other tools may write by hand.
final class JSONReaderTests: XCTestCase {
    private func read<T>(_ json: String, _ body: (inout JSONReader) throws -> T) throws -> T {
        let bytes = Array(json.utf8)
        return try bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer, range: 0..<buffer.count)
            return try body(&reader)
        }
    }

    func testRepeatedTextReadAsSharedIsOneCopyAndEveryValueStaysExact() throws {
        // Many distinct long strings (so table slots collide and get replaced), each twice in a row.
        let values = (0..<20_000).flatMap { ["Mineral Sun Fluid SPF \($0) — ナイト", "Mineral Sun Fluid SPF \($0) — ナイト"] }
        let json = "[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let bytes = Array(json.utf8)
        let read = try bytes.withUnsafeBytes { buffer -> [String] in
            var reader = JSONReader(buffer, range: 0..<buffer.count)
            try reader.beginArray("names")
            var read: [String] = []
            while reader.hasMoreElements() { read.append(try reader.string("name", shared: true)) }
            return read
        }
        XCTAssertEqual(read, values)
        let address = { (text: String) in text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } }
        XCTAssertEqual(address(read[39_998]), address(read[39_999]), "a repeat is the same copy")
        XCTAssertNotEqual(address(read[39_997]), address(read[39_998]))
    }

    func testStringEscapesIncludingSurrogatePairs() throws {
        let json = #"["plain","q\"b\\s\/n\nt\tu\u00e9\u4e2d","\uD83D\uDE00 ok","raw é 😀"]"#
        let values = try read(json) { try $0.strings("test") }
        XCTAssertEqual(values, ["plain", "q\"b\\s/n\nt\tu\u{e9}\u{4e2d}", "😀 ok", "raw é 😀"])
    }

    /// Strings are scanned eight bytes at a time: a quote, backslash, control character or
    /// non-ASCII byte at any offset of any word (or in the bytes after the last whole word) must
    /// be found as the byte-by-byte scan finds it.
    func testStringsAreReadAlikeWhateverOffsetTheirSpecialBytesAreAt() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "\"", "\\", "\n", "\u{1}", "é", "😀", "\u{7F}", " ", "~"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let encoded = String(decoding: try JSONEncoder().encode([text]), as: UTF8.self)
            XCTAssertEqual(try read(encoded) { try $0.strings("test") }, [text], encoded)
            // Unescaped control characters are refused wherever they are.
            if let control = text.unicodeScalars.firstIndex(where: { $0.value < 0x20 }) {
                var raw = text
                raw.unicodeScalars.replaceSubrange(control...control, with: ["\u{9}"])
                XCTAssertThrowsError(try read("\"" + raw.replacingOccurrences(of: "\"", with: "") + "\"") { try $0.string("test") })
            }
        }
    }

    /// Skipping a row's values (the referral columns an order's row is matched by, the columns
    /// a partial reader passes over) ends each exactly where it was written, whatever its special
    /// bytes and wherever they fall in a word: strings with escapes and raw control characters,
    /// `null` and words that only start like it, numbers, nested arrays; and a string cut short
    /// is refused at its start.
    func testSkippedValuesEndWhereTheyWereWritten() throws {
        var random = SeededRandom(seed: 2_612)
        let pieces = ["a", "Z", "\\\"", "\\\\", "\\n", "\u{1}", "é", "😀", ",", "]", "[", "null", " "]
        func string() -> String { "\"" + (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() + "\"" }
        func value(depth: Int = 0) -> String {
            switch Int.random(in: 0..<7, using: &random) {
            case 0, 1: string()
            case 2: "null"
            case 3: ["nullx", "nulls", "-12.5e3", "0", "true", "false", "n"].randomElement(using: &random)!
            case 4 where depth < 2: "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in value(depth: depth + 1) }.joined(separator: ",") + "]"
            default: String(Int.random(in: -99_999...99_999, using: &random))
            }
        }
        for _ in 0..<3_000 {
            let values = (0..<Int.random(in: 1...8, using: &random)).map { _ in value() }
            var expected: [Range<Int>] = [], row = "["
            for (index, value) in values.enumerated() {
                if index > 0 { row += "," }
                expected.append(row.utf8.count..<row.utf8.count + value.utf8.count)
                row += value
            }
            row += "]"
            let skipped = try read(row) { reader -> [Range<Int>] in
                try reader.beginArray("row")
                return try values.indices.map { _ in try reader.skipValue("column") }
            }
            XCTAssertEqual(skipped, expected, row)
            XCTAssertEqual(try read(row) { reader -> Range<Int> in
                try reader.beginArray("row")
                return try reader.skipValues(values.count, "columns")
            }, expected.first!.lowerBound..<expected.last!.upperBound, row)
        }
        XCTAssertThrowsError(try read(#"["abcdefghijklmnop\"#) { reader in try reader.beginArray("row"); _ = try reader.skipValue("column") }) { error in
            XCTAssertEqual((error as? JSONReadError)?.offset, 1, "\(error)")
        }
    }

    func testLoneSurrogatesAndBadEscapesAreErrors() {
        for json in [#""\uD83D""#, #""\uDE00x""#, #""\q""#, #""\u12G4""#, "\"unterminated", "\"tab\there\""] {
            XCTAssertThrowsError(try read(json) { try $0.string("test") }, json)
        }
    }

    func testNumbersBoolsAndNulls() throws {
        let values = try read(#"[-9223372036854775808, 42, 0.0457, 1e-05, true, false, null, "inf"]"#) { reader in
            try reader.beginArray("test")
            let result = (try reader.int64("a"), try reader.int("b"), try reader.double("c"), try reader.double("d"),
                          try reader.bool("e"), try reader.bool("f"), try reader.optionalString("g"), try reader.double("h"))
            try reader.endArray("test")
            return result
        }
        XCTAssertEqual(values.0, .min)
        XCTAssertEqual(values.1, 42)
        XCTAssertEqual(values.2, 0.0457)
        XCTAssertEqual(values.3, 1e-05)
        XCTAssertTrue(values.4)
        XCTAssertFalse(values.5)
        XCTAssertNil(values.6)
        XCTAssertEqual(values.7, .infinity)
    }

    /// `null` is matched as one four-byte word: it must still be found after whitespace and a
    /// comma, and not be read past the end of the reader's range (a piece of a file ends where
    /// the next row begins) nor in a value whose first four bytes are not `null`.
    func testNullIsFoundOnlyWholeAndInsideTheRange() throws {
        XCTAssertEqual(try read(#"[null, "x" ,  null,"null"]"#) { reader in
            try reader.beginArray("test")
            return [try reader.optionalString("a"), try reader.optionalString("b"), try reader.optionalString("c"), try reader.optionalString("d")]
        }, [nil, "x", nil, "null"])
        for text in ["nul", "nulL", "Null", "\"null\"", "n", ""] {
            XCTAssertFalse(try read(text) { try $0.nextIsNull("a") }, text)
            XCTAssertEqual(try read(text) { reader in _ = try reader.nextIsNull("a"); return reader.position }, 0, "nothing consumed: \(text)")
        }
        let bytes = Array("nullnull".utf8)
        try bytes.withUnsafeBytes { buffer in
            for end in 4...buffer.count {
                var reader = JSONReader(buffer, range: 1..<end)
                XCTAssertFalse(try reader.nextIsNull("a"), "'ullnull' up to \(end)")
                reader = JSONReader(buffer, range: 4..<end)
                XCTAssertEqual(try reader.nextIsNull("a"), end == 8, "'null' up to \(end)")
            }
        }
    }

    func testOverflowAndFractionsAreRefusedWhereWholeNumbersAreExpected() {
        XCTAssertThrowsError(try read("9223372036854775808") { try $0.int64("n") })
        XCTAssertThrowsError(try read("1.5") { try $0.int64("n") })
        XCTAssertThrowsError(try read("[1 2]") { reader in
            try reader.beginArray("n"); _ = try reader.int("a"); _ = try reader.int("b")
        }, "a missing comma is an error")
    }

    func testWriterOutputReadsBack() throws {
        var writer = JSONWriter()
        writer.beginArray()
        writer.string("control \u{1} \u{1F} \"quoted\" back\\slash / 😀")
        writer.int(Int64.min)
        writer.double(0.1)
        writer.null()
        writer.endArray()
        let json = String(decoding: writer.bytes, as: UTF8.self)
        XCTAssertEqual(json, #"["control \u0001 \u001f \"quoted\" back\\slash / 😀",-9223372036854775808,0.1,null]"#)
        let back = try read(json) { reader in
            try reader.beginArray("t")
            let result = (try reader.string("s"), try reader.int64("i"), try reader.double("d"), try reader.nextIsNull("n"))
            try reader.endArray("t")
            return result
        }
        XCTAssertEqual(back.0, "control \u{1} \u{1F} \"quoted\" back\\slash / 😀")
        XCTAssertEqual(back.1, .min)
        XCTAssertEqual(back.2, 0.1)
        XCTAssertTrue(back.3)
    }

    /// Numbers and zero-padded date parts are written digit by digit into room made for them;
    /// they must be the text Swift and ChorusCore give, at every length up to the widest number.
    func testNumbersAndDatesAreWrittenAsSwiftWritesThem() {
        var values: [Int64] = [0, 1, 9, 10, 99, 100, -1, -10, .max, .min, .max - 1, .min + 1]
        var power: Int64 = 1
        for _ in 0..<18 { power *= 10; values += [power - 1, power, power + 1, -power] }
        for value in values {
            var writer = JSONWriter()
            writer.int(value)
            XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), String(value))
        }
        var generator = SystemRandomNumberGenerator()
        let days = [Day(year: 1, month: 1, day: 1), Day(year: 5, month: 7, day: 9), Day(year: 999, month: 12, day: 31),
                    Day(year: 1970, month: 1, day: 1), Day(year: 9999, month: 12, day: 31)].compactMap { $0 }
            + (0..<500).map { _ in Day(ordinal: Int32.random(in: -719_162...2_932_896, using: &generator)) }
        for day in days {
            let seconds = [0, 1, 59, 60, 3_599, 3_600, 43_199, 86_399, Int.random(in: 0..<86_400, using: &generator)]
            let timestamps = seconds.map { Timestamp(secondsSinceEpoch: Int64(day.ordinal) * 86_400 + Int64($0)) }
            var writer = JSONWriter()
            writer.beginArray()
            writer.day(day)
            for timestamp in timestamps { writer.timestamp(timestamp) }
            writer.endArray()
            let expected = "[" + (["\(day)"] + timestamps.map(\.description)).map { "\"\($0)\"" }.joined(separator: ",") + "]"
            XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), expected)
        }
    }

    /// Text is written with each byte JSON requires escaped, wherever it stands in a word of
    /// eight, and as it is everywhere else; Foundation's parser reads it back the same.
    func testStringsAreEscapedWhereverTheByteStands() throws {
        let specials: [UInt8] = [0x00, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x22, 0x5C]
        let plain = Array("aé/😀xyzABCDEFGHIJKLMNOP".utf8)
        for length in 0...plain.count {
            for position in 0..<max(length, 1) {
                for special in specials {
                    var bytes = Array(plain.prefix(length))
                    if length > 0 { bytes[position] = special }
                    let text = String(decoding: bytes, as: UTF8.self)
                    var writer = JSONWriter()
                    writer.beginArray()
                    writer.string(text)
                    writer.string(text)
                    writer.endArray()
                    let written = String(decoding: writer.bytes, as: UTF8.self)
                    XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String], [text, text], written)
                    XCTAssertFalse(written.unicodeScalars.contains { $0.value < 0x20 }, written)
                }
            }
        }
    }

    /// Strings are scanned eight bytes at a time by bit tricks whose borrows can mark bytes
    /// after the first special one: the lowest mark must still be the first quote, backslash or
    /// control byte (and, for `specialBytes`, the first non-ASCII byte), wherever it stands and
    /// whatever stands around it, as a byte-by-byte loop finds it.
    func testTheWordScanMarksTheFirstSpecialByteAsALoopFindsIt() {
        func firstMark(_ marks: UInt64) -> Int? { marks == 0 ? nil : marks.trailingZeroBitCount / 8 }
        func check(_ bytes: [UInt8]) {
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let stop = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
            let special = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 }
            XCTAssertEqual(firstMark(JSONReader.stopBytes(word)), stop, "\(bytes)")
            XCTAssertEqual(firstMark(JSONReader.specialBytes(word)), special, "\(bytes)")
        }
        for filler: UInt8 in [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x41, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xFF] {
            for position in 0..<8 {
                for byte in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = byte
                    check(bytes)
                }
            }
        }
        // Several special bytes in one word: every word over a plain byte, a quote, a control byte and a non-ASCII one.
        let alphabet: [UInt8] = [0x21, 0x22, 0x1F, 0x80]
        for number in 0..<65_536 { check((0..<8).map { alphabet[number >> (2 * $0) & 3] }) }
    }
}
