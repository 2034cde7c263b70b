import ChorusCore
@testable import ChorusStore
import Foundation
@testable import ChorusGenerator
import XCTest

/// A big import's staged batch holds its rows as the snapshot's file of that collection does
/// (see `StagedRows`): replay, a colleague's console and `chorus check` must read back the very
/// orders and answers that were imported, and batches staged before (the command as
/// `JSONEncoder` wrote it) must still be read.
final class StagedRowsTests: XCTestCase {
    func testImportedOrdersAreStagedAsTheSnapshotsRowsAndReadBackExactly() throws {
        var random = SeededRandom(seed: 25)
        for round in 0..<40 {
            let orders = (0..<(1 + round % 9)).map { Self.orders.order($0, random: &random) }
            let command = Command.importOrders(orders)
            let (batch, payload) = try Self.staged(command)
            XCTAssertEqual(batch.rows, StagedRows(collection: "orders", count: orders.count, currency: "EUR"))
            XCTAssertEqual(payload, CollectionFile.encode(orders, as: OrderRowCodec.self, currency: .eur),
                           "the bytes of the snapshot's orders file, round \(round)")
            XCTAssertEqual(try batch.command(from: payload), command, "round \(round)")
            XCTAssertEqual(try Self.staged(command, rowsPerPiece: 2).payload, payload, "written in pieces on all cores, round \(round)")
        }
    }

    func testImportedSurveyAnswersAreStagedAsTheSnapshotsRowsAndReadBackExactly() throws {
        var random = SeededRandom(seed: 26)
        for round in 0..<40 {
            let responses = (0..<(1 + round % 7)).map { number in
                SurveyResponse(id: SurveyResponseID("SR-\(number)"), orderID: OrderID(Self.text(random: &random) ?? "#1001"),
                               question: Self.text(random: &random), response: Self.text(random: &random) ?? "",
                               other: Self.text(random: &random), email: Self.text(random: &random),
                               couponCode: Self.text(random: &random), utmSource: Self.text(random: &random),
                               creditedCreator: Bool.random(using: &random) ? CreatorID("CR-0000\(number)") : nil)
            }
            let command = Command.importSurveyResponses(responses)
            let (batch, payload) = try Self.staged(command)
            XCTAssertEqual(batch.rows?.collection, "surveyResponses")
            XCTAssertEqual(try batch.command(from: payload), command, "round \(round)")
            XCTAssertEqual(try Self.staged(command, rowsPerPiece: 3).payload, payload, "written in pieces on all cores, round \(round)")
        }
    }

    /// Thousands of orders, so that reading back splits them between cores.
    func testAMillionOrdersWorthOfPiecesReadBackOnEveryCoreInOrder() throws {
        var random = SeededRandom(seed: 28)
        let orders = (0..<30_000).map { Self.orders.order($0, random: &random) }
        let (batch, payload) = try Self.staged(.importOrders(orders), rowsPerPiece: 997)
        XCTAssertGreaterThan(payload.count, 2 << 20, "more than one piece for each core to read")
        XCTAssertEqual(try batch.command(from: payload), .importOrders(orders))
    }

    func testOtherCommandsAreStillStagedByTheJournalEncoder() throws {
        let command = Command.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "found a box")
        let (batch, payload) = try Self.staged(command)
        XCTAssertNil(batch.rows)
        XCTAssertEqual(payload, try Self.encoded(command))
        XCTAssertEqual(try batch.command(from: payload), command)
    }

    /// What journal formats up to 5 staged: the command as `JSONEncoder` writes it, and a
    /// batch entry without `rows`.
    func testABatchStagedBeforeFormatSixIsReadAsTheCommandItHolds() throws {
        var random = SeededRandom(seed: 29)
        let command = Command.importOrders((0..<50).map { Self.orders.order($0, random: &random) })
        let payload = try Self.encoded(command)
        let line = #"{"byteCount":\#(payload.count),"name":"batch-old.json","sum":"\#(EntryChecksum.digest(payload[...]))"}"#
        let batch = try JSONDecoder().decode(StagedBatch.self, from: Data(line.utf8))
        XCTAssertNil(batch.rows)
        XCTAssertEqual(try batch.command(from: payload), command)
    }

    /// A million orders' batch is handed to the log in pieces as they are written; the batch
    /// names the size and checksum of exactly the bytes handed over, which are the whole payload's.
    func testABatchHandedOverInPiecesIsTheWholePayloadChecksumIncluded() throws {
        var random = SeededRandom(seed: 27)
        let orders = (0..<101).map { Self.orders.order($0, random: &random) }
        var pieces: [[UInt8]] = []
        let batch = try StagedBatch.staging(.importOrders(orders), currency: .eur, rowsPerPiece: 7) { payload in
            try payload { pieces.append($0) }
            return "batch-in-pieces.json"
        }
        let whole = CollectionFile.encode(orders, as: OrderRowCodec.self, currency: .eur)
        XCTAssertGreaterThan(pieces.count, 10, "rows are handed over a few pieces at a time")
        XCTAssertEqual(pieces.flatMap { $0 }, whole)
        var sum = BatchChecksum()
        sum.add(whole)
        XCTAssertEqual(batch, StagedBatch(name: "batch-in-pieces.json", sum: sum.digest, byteCount: whole.count,
                                          rows: StagedRows(collection: "orders", count: 101, currency: "EUR")))
    }

    /// A batch's checksum is the CRC-32 that zlib, gzip, zip and Python's `zlib.crc32` compute:
    /// the standard check value for "123456789", and the same however the bytes are split.
    func testABatchsChecksumIsTheCRC32EveryToolComputes() {
        var sum = BatchChecksum()
        sum.add(Array("1234".utf8))
        sum.add([])
        sum.add(Array("56789".utf8))
        XCTAssertEqual(sum.digest, "crc32:cbf43926")
        XCTAssertEqual(BatchChecksum().digest, "crc32:00000000")
        var leadingZeros = BatchChecksum()
        leadingZeros.add(Array("order 264".utf8))
        XCTAssertEqual(leadingZeros.digest, "crc32:00017286", "python3 -c 'import zlib; print(hex(zlib.crc32(b\"order 264\")))'")
    }

    /// A format 6 batch carries FNV-1a's sixteen digits; a format 7 one CRC-32's. Each is read
    /// back when it holds, and refused naming the batch when one byte of it changed.
    func testBatchesOfBothChecksumsReadBackAndAChangedByteIsRefusedInEither() throws {
        var random = SeededRandom(seed: 31)
        let command = Command.importOrders((0..<20).map { Self.orders.order($0, random: &random) })
        var (batch, payload) = try Self.staged(command)
        XCTAssertTrue(batch.sum.hasPrefix("crc32:"), batch.sum)
        var format6 = batch
        format6.sum = EntryChecksum.digest(payload[...])
        for staged in [batch, format6] {
            XCTAssertEqual(try staged.command(from: payload), command)
            for position in [0, payload.count / 2, payload.count - 1] {
                var changed = payload
                changed[position] ^= 0x01
                XCTAssertThrowsError(try staged.command(from: changed), "\(staged.sum), byte \(position)") { error in
                    XCTAssertTrue(error is StagedBatchProblem, "refused by its checksum, not by reading it: \(error)")
                }
            }
        }
        batch.sum = "crc32:" + String(repeating: "0", count: 8)
        XCTAssertThrowsError(try batch.command(from: payload)) { XCTAssertTrue($0 is StagedBatchProblem, "\($0)") }
    }

    /// A batch whose rows are not the ones its entry counts (a build's bug, since the checksum
    /// holds) is refused naming the batch, never applied in part.
    func testRowsThatDisagreeWithTheirCountAreRefusedNamingTheBatch() throws {
        var random = SeededRandom(seed: 30)
        var (batch, payload) = try Self.staged(.importOrders((0..<5).map { Self.orders.order($0, random: &random) }))
        batch.rows?.count = 6
        XCTAssertThrowsError(try batch.command(from: payload)) { error in
            XCTAssertTrue("\(error)".contains("batch-test.json") && "\(error)".contains("holds 5 rows"), "\(error)")
        }
        payload[payload.count - 3] = UInt8(ascii: "x")
        batch.rows?.count = 5
        (batch.sum, batch.byteCount) = (EntryChecksum.digest(payload[...]), payload.count)
        XCTAssertThrowsError(try batch.command(from: payload)) { error in
            XCTAssertTrue("\(error)".contains("batch-test.json"), "\(error)")
        }
    }

    /// The batch staged for `command` in the program currency EUR, and its pieces joined.
    private static func staged(_ command: Command, rowsPerPiece: Int = 20_000) throws -> (batch: StagedBatch, payload: [UInt8]) {
        var bytes: [UInt8] = []
        let batch = try StagedBatch.staging(command, currency: .eur, rowsPerPiece: rowsPerPiece) { payload in
            try payload { bytes += $0 }
            return "batch-test.json"
        }
        return (batch, bytes)
    }

    private static func encoded(_ command: Command) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(command))
    }

    /// Every field of an order, each optional sometimes missing, amounts sometimes foreign
    /// and negative, text with what JSON must escape and what it must not.
    private static let orders = RandomOrders(pieces: ["ana", "GLOW20", "https://shop.example/a?b=c&d", "say \"hi\"", #"back\slash"#,
                                                      "tab\there", "line\nbreak", "cr\r", "\u{01}\u{1F}\u{7F}", "東京", "🎉✨", "café", " ", "",
                                                      "\u{2028}", ",\n[", "]}"],
                                             linesPerOrder: 0...3, mixedCurrencies: true, unusualLines: true)

    private static func text(random: inout SeededRandom) -> String? { orders.text(random: &random) }
}
