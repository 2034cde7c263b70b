import XCTest
@testable import ChorusStore

/// Engagement rates are read without `strtod` when they are plain decimals; every number must
/// still come out bit for bit as `Double(text)` reads it, and the rest must still go to it.
final class PlainDecimalTests: XCTestCase {
    private func plain(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBytes { PlainDecimal.value(of: $0) }
    }

    func testRandomDecimalsReadBitForBitAsStrtodReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var readPlainly = 0
        for _ in 0..<200_000 {
            let digits = String((0..<Int.random(in: 1...17, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            let point = Int.random(in: 0...digits.count, using: &generator)
            var text = point == 0 || point == digits.count ? digits : String(digits.prefix(point)) + "." + digits.dropFirst(point)
            if Bool.random(using: &generator) { text = "-" + text }
            let expected = Double(text)!
            guard let value = plain(text) else {
                XCTAssertGreaterThan(digits.count, 15, text)
                continue
            }
            XCTAssertEqual(value.bitPattern, expected.bitPattern, text)
            readPlainly += 1
        }
        XCTAssertGreaterThan(readPlainly, 100_000)
    }

    func testWhatIsNotAPlainDecimalIsLeftToStrtod() {
        for text in ["", "-", "1e5", "1E-3", ".5", "1.", "1.2.3", "+1", "0x1p3", "nan", "1234567890123456", "0.30000000000000004",
                     "0.044600000000000000000", "99999999999999999999", "123456789012345678901234567890"] {
            XCTAssertNil(plain(text), text)
        }
        for text in ["0", "-0", "-0.0", "0.0446", "00.5", "999999999999999", "0.00000000000001"] {
            XCTAssertEqual(plain(text)?.bitPattern, Double(text)!.bitPattern, text)
        }
    }

    func testTheReaderReadsPlainDecimalsAndTheRestAlike() throws {
        let bytes = Array("[0.0446,-12.5,1e3,0.30000000000000004,0.044600000000000000000]".utf8)
        try bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer, range: 0..<buffer.count)
            try reader.beginArray("rates")
            let read = try (0..<5).map { _ in try reader.double("rate") }
            try reader.endArray("rates")
            XCTAssertEqual(read, [0.0446, -12.5, 1_000, 0.30000000000000004, 0.0446])
        }
    }
}
