import ChorusCore
@testable import ChorusGenerator
@testable import ChorusStore
import XCTest

/// A case read by its bytes where it stands (`ChoiceBytes`) must be exactly the case the String
/// path reads, and anything else (escapes, unknown values, other types, a missing comma) must
/// read or fail exactly as that path does, leaving the reader at the same place.
final class ChoiceBytesTests: XCTestCase {
    func testCasesByTheirBytesReadOrFailExactlyAsByTheirStrings() throws {
        var random = SeededRandom(seed: 41)
        let spellings = Platform.allCases.map { "\"\($0.rawValue)\"" }
            + [#""insta\u0067ram""#, #""tik\/tok""#, #""Instagram""#, #""instagra""#, #""instagramm""#, #""""#, "null", "7",
               #"["tiktok"]"#, #""tiktok"#, #""youtube\""#, "\"pinterest\"x", " \n\"youtube\""]
        var fastReads = 0
        for round in 0..<3_000 {
            let value = spellings.randomElement(using: &random)!
            let separator = [",", " , ", ",\n", " ", ""].randomElement(using: &random)!
            let json = "[1\(separator)\(value),2]"
            let byBytes = Self.outcome(json) { try $0.choice(ChoiceBytes(Platform.self), "platform") }
            let byString = Self.outcome(json) { try $0.choice(Platform.self, "platform") }
            XCTAssertEqual(byBytes.value, byString.value, "round \(round): \(json)")
            XCTAssertEqual(byBytes.error, byString.error, "round \(round): \(json)")
            XCTAssertEqual(byBytes.rest, byString.rest, "round \(round): \(json)")
            if byBytes.value != nil, !value.contains("\\") { fastReads += 1 }
        }
        XCTAssertGreaterThan(fastReads, 500, "plain cases were read")
    }

    /// Reads `[1, <choice>, 2]`: the choice, then what follows it (so a reader left in the wrong
    /// place or without its comma state shows), or the error with its offset.
    private static func outcome(_ json: String, _ choice: (inout JSONReader) throws -> Platform)
        -> (value: Platform?, error: String?, rest: [Int]?) {
        Array(json.utf8).withUnsafeBytes { buffer in
            var reader = JSONReader(buffer, range: 0..<buffer.count)
            do {
                try reader.beginArray("row")
                _ = try reader.int("first")
                let value = try choice(&reader)
                let last = try reader.int("last")
                try reader.endArray("row")
                return (value, nil, [last, reader.position])
            } catch let error as JSONReadError {
                return (nil, "\(error.offset): \(error.message)", nil)
            } catch {
                return (nil, "\(error)", nil)
            }
        }
    }
}
