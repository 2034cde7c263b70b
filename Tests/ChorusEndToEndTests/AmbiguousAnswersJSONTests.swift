@testable import chorus
import ChorusCore
@testable import ChorusGenerator
import Foundation
import XCTest

/// The JSON report's list of ambiguous answers is made in pieces on all cores and handed on in
/// order (`AttributionReport.write(_:naming:to:)`). However the answers fall into pieces — one
/// line a piece, a few, all in one — the document must be the one Foundation's `JSONEncoder`
/// writes for the same answers, byte for byte. A real report makes pieces of 8 192 lines, so
/// the generated workspaces of the end-to-end tests never have more than one.
final class AmbiguousAnswersJSONTests: XCTestCase {
    private struct Answer: Encodable {
        var handles: [String]
        var orderId: String
    }

    private struct Document: Encodable {
        var ambiguous: [Answer]
        var currency: String
    }

    func testAnswersInAnyPiecesAreTheDocumentJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var random = SeededRandom(seed: 25)
        for round in 0..<300 {
            let handles = (0..<Int.random(in: 1...30, using: &random)).map { _ in Self.randomHandle(&random) }
            let answers = (0..<Int.random(in: 0...40, using: &random)).map { number in
                (order: OrderID("#\(number + 1_000)"),
                 creatorPositions: (0..<Int.random(in: 0...12, using: &random)).map { _ in
                     Int.random(in: 0..<10, using: &random) == 0
                         ? CreatorPosition.none : CreatorPosition(Int.random(in: 0..<handles.count, using: &random))
                 })
            }
            let linesPerPiece = [1, 2, 3, 7, 25, PrettyJSON.linesPerPiece].randomElement(using: &random)!

            var written: [UInt8] = []
            var json = PrettyJSON { written += $0 }
            json.beginObject()
            json.key("ambiguous")
            try AttributionReport.write(answers, naming: handles, to: &json, linesPerPiece: linesPerPiece)
            json.field("currency", "EUR")
            json.endObject()
            try json.finish()

            let expected = Document(ambiguous: answers.map { answer in
                Answer(handles: answer.creatorPositions.compactMap { $0.index.map { handles[$0] } }, orderId: answer.order.rawValue)
            }, currency: "EUR")
            XCTAssertEqual(String(decoding: written, as: UTF8.self), String(decoding: try encoder.encode(expected), as: UTF8.self) + "\n",
                           "round \(round): \(answers.count) answers, pieces of \(linesPerPiece) lines")
        }
    }

    /// Handles a JSON writer could trip over: quotes, backslashes, slashes, control
    /// characters, accents and other scripts.
    private static func randomHandle(_ random: inout SeededRandom) -> String {
        let pieces = ["mia", "_", ".", "\"", "\\", "/", "\n", "\u{01}", "ü", "名前", "😀", "x9"]
        return (0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
}
