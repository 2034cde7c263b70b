@testable import ChorusCore
@testable import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// The reads every order row goes through (a comma and the value at once decided inline, `null`
/// compared as one word) must read what the writer wrote and what people write by hand alike,
/// and refuse damage exactly as the reads before them did: the same rows, the same line, the
/// same column and the same words, whether the whole order, its figures or its figures and keys
/// are read.
final class OrderRowReadingTests: XCTestCase {
    private typealias Sizes = CollectionFile.ReadSizes

    /// Text JSON escapes, that looks like JSON (`null`, brackets, a row start) or is not ASCII.
    private static let orders = RandomOrders(pieces: ["say \"hi\"", "back\\slash", "tab\there", "\u{1}bell", "東京", "🎉", "é", "null", "nul",
                                                      " ", "", ",\n[", "],[", "5100000001004"],
                                             linesPerOrder: 0...4)

    /// Random orders with every common status, amounts and quantities at the ends of 64 bits, and (with
    /// `mixedCurrencies`) amounts written as `[units, "CODE"]`.
    private static func orders(_ count: Int, mixedCurrencies: Bool, random: inout SeededRandom) -> [Order] {
        var maker = orders
        maker.mixedCurrencies = mixedCurrencies
        maker.unusualLines = true
        let extremes: [Int64] = [.max, .min, 0, -1, 999_999_999_999_999_999, -1_000_000_000_000_000_000]
        return (0..<count).map { number in
            var order = maker.order(number, random: &random)
            order.financialStatus = Order.commonStatuses[number % Order.commonStatuses.count]
            if number % 5 == 0 {
                // Net of refunds must still fit: the extreme is the subtotal, nothing refunded.
                order.subtotal = Money(minorUnits: extremes.randomElement(using: &random)!, currency: order.subtotal.currency)
                order.refunded = Money(minorUnits: 0, currency: order.refunded.currency)
            }
            return order
        }
    }

    func testOrdersWrittenOrSpacedByHandReadBackWholeAsFiguresAndAsKeys() throws {
        var random = SeededRandom(seed: 2_025)
        var spacedRounds = 0
        for round in 0..<60 {
            let orders = Self.orders(Int.random(in: 0...120, using: &random), mixedCurrencies: round % 2 == 1, random: &random)
            var bytes = CollectionFile.encode(orders, as: OrderRowCodec.self, currency: .eur)
            if round % 3 > 0 {
                bytes = Self.spaced(bytes, random: &random)
                spacedRounds += 1
            }
            let path = try Self.write(bytes)
            for sizes in [Sizes(), Sizes(window: 900, piece: 120)] {
                let context = "round \(round), \(sizes)"
                XCTAssertEqual(try Self.decode(path, as: OrderRowCodec.self, rows: orders.count, sizes: sizes), orders, context)
                let figures = try Self.decode(path, as: OrderFiguresRowCodec.self, rows: orders.count, sizes: sizes)
                XCTAssertEqual(figures.map(\.figures), orders.map(OrderFigures.init), context)
                XCTAssertEqual(figures.map(\.converted), orders.map { $0.original != nil }, context)
                let keyed = try Self.decode(path, as: OrderFiguresRowCodec.WithKeys.self, rows: orders.count, sizes: sizes)
                XCTAssertEqual(keyed.map(\.figures.figures), orders.map(OrderFigures.init), context)
                XCTAssertEqual(keyed.map(\.id), orders.map(\.id), context)
                XCTAssertEqual(keyed.map(\.shopifyID), orders.map(\.shopifyID), context)
            }
        }
        XCTAssertGreaterThan(spacedRounds, 30)
    }

    /// Skipping a string stops where reading it does and refuses what reading it refuses, in the
    /// same words, wherever in the eight bytes looked at together its quote, escape, control
    /// character or other bytes are; and `null`, numbers and whitespace before a value read alike
    /// however they fall.
    func testSkippingAValueStopsOrFailsWhereReadingItDoes() throws {
        var random = SeededRandom(seed: 77)
        let pieces = ["a", "Z", "\"", "\\", "\\u00e9", "\\q", "\u{1}", "\t", "é", "😀", "\u{7F}", " ", "~", "null"]
        let values = ["null", "nul", "nulll", "NULL", "0", "-0", "-", "12345678901234567", "123456789012345678", "1234567890123456789",
                      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "12a", "1.5", "[1]"]
        for round in 0..<4_000 {
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let quoted = "\"" + text + (Bool.random(using: &random) ? "\"" : "")
            let other = values.randomElement(using: &random)!
            let spaces = String(repeating: " ", count: Int.random(in: 0...2, using: &random))
            let json = "[" + [quoted, other].shuffled(using: &random).map { spaces + $0 + spaces }.joined(separator: ",") + "]"
            XCTAssertEqual(Self.read(json, skipping: true), Self.read(json, skipping: false), "round \(round): \(json)")
        }
    }

    /// `valueStart` and `int64Body` decide the common case inline and leave the rest to the
    /// plain paths (`valueStartAfterSpace`, `checkedInt64Body`): from any byte of random JSON-ish
    /// text, after a value or not, both must end at the same byte or refuse it in the same words.
    func testTheInlinedReadsEndOrFailWhereThePlainPathsDo() {
        var random = SeededRandom(seed: 78)
        let tokens = [",", " ", "\t", "\n", "\r", "\u{1}", "null", "-", "0", "7", "9223372036854775807", "9223372036854775808",
                      "123456789012345678", "1234567890123456789", "\"", "a", "e", ".", "é", "[", "]"]
        for round in 0..<20_000 {
            let bytes = Array((0..<Int.random(in: 0...8, using: &random)).map { _ in tokens.randomElement(using: &random)! }.joined().utf8)
            let afterValue = Bool.random(using: &random)
            bytes.withUnsafeBytes { buffer in
                var fast = JSONReader(buffer, range: 0..<buffer.count)
                if afterValue { fast.finishValue() }
                var plain = fast
                XCTAssertEqual(Self.ending { try fast.valueStart("test"); return "to \(fast.position)" },
                               Self.ending { try plain.valueStartAfterSpace("test"); return "to \(plain.position)" }, "round \(round): valueStart")
                XCTAssertEqual(Self.ending { "\(try fast.int64Body("test")) to \(fast.position)" },
                               Self.ending { "\(try plain.checkedInt64Body("test")) to \(plain.position)" }, "round \(round): int64Body")
            }
        }
    }

    /// What a read gave, or where it failed and why.
    private static func ending(_ read: () throws -> String) -> String {
        do { return try read() } catch let error as JSONReadError { return "\(error.offset) \(error.message)" } catch { return "\(error)" }
    }

    /// Each value of a two-value array read in turn as a string, `null` or a number, by what
    /// skips strings or by what makes them: where each read ended, or what it refused and where.
    private static func read(_ json: String, skipping: Bool) -> [String] {
        Array(json.utf8).withUnsafeBytes { buffer in
            var reader = JSONReader(buffer, range: 0..<buffer.count)
            var outcomes: [String] = []
            do {
                try reader.beginArray("test")
                for _ in 0..<2 {
                    let mark = reader.mark
                    if try reader.nextIsNull("test") { outcomes.append("null at \(reader.position)"); continue }
                    do {
                        if skipping { try reader.skipString("test") } else { _ = try reader.string("test") }
                        outcomes.append("string to \(reader.position)")
                    } catch let error as JSONReadError {
                        outcomes.append("not a string: \(error.offset) \(error.message)")
                        reader.rewind(to: mark)
                        outcomes.append("number \(try reader.int64("test")) to \(reader.position)")
                    }
                }
                try reader.endArray("test")
            } catch let error as JSONReadError {
                outcomes.append("refused at \(error.offset): \(error.message)")
            } catch {
                outcomes.append("\(error)")
            }
            return outcomes
        }
    }

    /// Seeded damage (a byte changed, dropped or added, among the ones that matter to the reads
    /// changed here: commas, brackets, quotes, whitespace, `null`'s letters), read by each codec:
    /// what is read or refused, and the line and words of every refusal, are the outcomes the
    /// reads before this change gave, recorded in `Fixtures/order-rows/damaged-outcomes.txt`.
    func testDamagedOrdersAreReadOrRefusedAsTheReadsBeforeDidWordForWord() throws {
        let outcomes = try Self.damagedOutcomes()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/order-rows/damaged-outcomes.txt")
        let recorded = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(outcomes.count + 1, recorded.count, "one line per outcome and the last line break")
        for (index, (found, expected)) in zip(outcomes, recorded).enumerated() where found != expected {
            XCTFail("outcome \(index): \(found)\n  recorded: \(expected)")
        }
        XCTAssertGreaterThan(outcomes.filter { $0.contains("refused") }.count, 300, "most damage is refused")
    }

    /// Three outcomes (whole, figures, figures with keys) per damaged file, one line each.
    static func damagedOutcomes() throws -> [String] {
        var random = SeededRandom(seed: 31)
        let orders = Self.orders(30, mixedCurrencies: false, random: &random)
        let original = CollectionFile.encode(orders, as: OrderRowCodec.self, currency: .eur)
        let bytesThatMatter = Array(",[]\"nul \t\r\n0-".utf8)
        var outcomes: [String] = []
        for round in 0..<200 {
            let path = try write(SeededDamage.damaged(original, times: 1...2, bytesThatMatter: bytesThatMatter, cuttingShort: false, random: &random))
            outcomes.append("\(round) whole: " + outcome {
                try decode(path, as: OrderRowCodec.self, rows: orders.count).map { String(decoding: CollectionFile.encode([$0], as: OrderRowCodec.self, currency: .eur), as: UTF8.self) }
            })
            outcomes.append("\(round) figures: " + outcome {
                try decode(path, as: OrderFiguresRowCodec.self, rows: orders.count).map { "\($0.figures) \($0.converted)" }
            })
            outcomes.append("\(round) keys: " + outcome {
                try decode(path, as: OrderFiguresRowCodec.WithKeys.self, rows: orders.count).map { "\($0.figures.figures) \($0.id) \($0.shopifyID ?? "-")" }
            })
        }
        return outcomes
    }

    /// "read N rows, digest D" or "refused at line L: message" (the file's path left out: it is temporary).
    private static func outcome(_ read: () throws -> [String]) -> String {
        do {
            let rows = try read()
            // FNV-1a over the rows as text: the same rows give the same digest on every run.
            let digest = rows.joined(separator: "\n").utf8.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
            return "read \(rows.count) rows, digest \(String(digest, radix: 16))"
        } catch let error as StoreError {
            return "refused at line \(error.line.map(String.init) ?? "?"): \(error.message)"
        } catch {
            return "refused: \(error)"
        }
    }

    /// The rows of an orders file with spaces, tabs and carriage returns around the commas and
    /// brackets between values, as a person editing it might leave them (never inside a string).
    private static func spaced(_ bytes: [UInt8], random: inout SeededRandom) -> [UInt8] {
        let rowsStart = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1, rowsEnd = bytes.count - 4
        let blanks = Array(" \t\r".utf8)
        var spaced = Array(bytes[..<rowsStart])
        var inString = false, escaped = false
        for byte in bytes[rowsStart..<rowsEnd] {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                spaced.append(byte)
                continue
            }
            if byte == UInt8(ascii: "\"") { inString = true }
            let structural = byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            if structural, Int.random(in: 0..<3, using: &random) == 0 { spaced.append(blanks.randomElement(using: &random)!) }
            spaced.append(byte)
            if structural, Int.random(in: 0..<3, using: &random) == 0 { spaced.append(blanks.randomElement(using: &random)!) }
        }
        return spaced + bytes[rowsEnd...]
    }

    private static func decode<Codec: RowCodec>(_ path: String, as codec: Codec.Type, rows: Int, sizes: Sizes = Sizes()) throws -> [Codec.Row] {
        try CollectionFile.decode(file: path, fileSystem: POSIXFileSystem(), as: codec, currency: .eur, expectedRows: rows, sizes: sizes)
    }

    private static func write(_ bytes: [UInt8]) throws -> String {
        let folder = StoreFixtures.temporaryFolder()
        try POSIXFileSystem().createDirectory(at: folder)
        let path = folder + "/orders-1.json"
        try POSIXFileSystem().writeFile(at: path, bytes: bytes)
        return path
    }
}
