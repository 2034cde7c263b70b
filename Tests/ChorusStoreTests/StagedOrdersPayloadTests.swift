import ChorusCore
@testable import ChorusStore
import Foundation
@testable import ChorusGenerator
import XCTest

/// A big import's staged batch is written without `JSONEncoder` (see `StagedOrdersPayload`);
/// its bytes must be the ones `JSONEncoder` writes, so that batches keep their format and
/// replay reads back the very orders and answers that were imported.
final class StagedOrdersPayloadTests: XCTestCase {
    func testImportedOrdersAreStagedInTheBytesTheJournalEncoderWrites() throws {
        var random = SeededRandom(seed: 25)
        for round in 0..<40 {
            let orders = (0..<(1 + round % 9)).map { Self.order($0, random: &random) }
            let command = Command.importOrders(orders)
            let staged = try Self.staged(command)
            XCTAssertEqual(String(decoding: staged, as: UTF8.self), String(decoding: try Self.encoded(command), as: UTF8.self), "round \(round)")
            XCTAssertEqual(try JSONDecoder().decode(Command.self, from: Data(staged)), command)
            XCTAssertEqual(try Self.staged(command, rowsPerPiece: 2), staged, "written in pieces on all cores, round \(round)")
        }
    }

    func testImportedSurveyAnswersAreStagedInTheBytesTheJournalEncoderWrites() throws {
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
            let staged = try Self.staged(command)
            XCTAssertEqual(String(decoding: staged, as: UTF8.self), String(decoding: try Self.encoded(command), as: UTF8.self), "round \(round)")
            XCTAssertEqual(try JSONDecoder().decode(Command.self, from: Data(staged)), command)
            XCTAssertEqual(try Self.staged(command, rowsPerPiece: 3), staged, "written in pieces on all cores, round \(round)")
        }
    }

    func testOtherCommandsAreStillStagedByTheJournalEncoder() throws {
        let command = Command.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "found a box")
        XCTAssertEqual(try Self.staged(command), try Self.encoded(command))
    }

    /// A million orders' batch is handed to the log in pieces as they are written; the batch
    /// names the size and checksum of exactly the bytes handed over, which are the whole payload's.
    func testABatchHandedOverInPiecesIsTheWholePayloadChecksumIncluded() throws {
        var random = SeededRandom(seed: 27)
        let command = Command.importOrders((0..<101).map { Self.order($0, random: &random) })
        let whole = try Self.encoded(command)
        var pieces: [[UInt8]] = []
        let batch = try StagedBatch.staging(command, rowsPerPiece: 7) { payload in
            try payload { pieces.append($0) }
            return "batch-in-pieces.json"
        }
        XCTAssertGreaterThan(pieces.count, 10, "rows are handed over a few pieces at a time")
        XCTAssertEqual(pieces.flatMap { $0 }, whole)
        XCTAssertEqual(batch, StagedBatch(name: "batch-in-pieces.json", sum: EntryChecksum.digest(whole[...]), byteCount: whole.count))
    }

    /// The payload staged for `command`, its pieces joined.
    private static func staged(_ command: Command, rowsPerPiece: Int = 20_000) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try StagedBatch.payload(of: command, rowsPerPiece: rowsPerPiece) { bytes += $0 }
        return bytes
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
                                                      "\u{2028}"],
                                             linesPerOrder: 0...3, mixedCurrencies: true)

    private static func order(_ number: Int, random: inout SeededRandom) -> Order { orders.order(number, random: &random) }

    private static func text(random: inout SeededRandom) -> String? { orders.text(random: &random) }
}
