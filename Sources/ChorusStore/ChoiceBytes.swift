import Foundation

/// The raw values of a string-backed enum as bytes, so a reader can recognise a case where it
/// stands in the file (`JSONReader.choice(_:_:)` with these) instead of making a String of it and
/// looking the String up: a million creators' profile platforms were a String each and a
/// string switch, a twentieth of decoding them.
struct ChoiceBytes<Choice: RawRepresentable & CaseIterable & Sendable>: Sendable where Choice.RawValue == String {
    private let cases: [(bytes: [UInt8], value: Choice)]

    /// Cases whose raw value JSON writes with an escape (or is empty) are left out: they are
    /// still read, by the String path.
    init(_ type: Choice.Type) {
        cases = Choice.allCases.map { (Array($0.rawValue.utf8), $0) }.filter { raw, _ in
            !raw.isEmpty && !raw.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
        }
    }

    /// The case spelled by the JSON string starting at `bytes[start]` (its opening quote), and
    /// the string's length with its quotes; nil if it is not one of the cases written plainly.
    func match(_ bytes: UnsafeRawBufferPointer, at start: Int, end: Int) -> (value: Choice, length: Int)? {
        guard start < end, bytes[start] == UInt8(ascii: "\"") else { return nil }
        for (raw, value) in cases {
            let close = start + 1 + raw.count
            guard close < end, bytes[close] == UInt8(ascii: "\"") else { continue }
            if raw.withUnsafeBytes({ memcmp(bytes.baseAddress! + start + 1, $0.baseAddress!, raw.count) }) == 0 {
                return (value, raw.count + 2)
            }
        }
        return nil
    }
}
