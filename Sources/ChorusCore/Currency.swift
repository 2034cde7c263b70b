import Foundation

/// An ISO 4217 currency code and how many minor digits it has.
///
/// Kept in four bytes rather than as a `String` (sixteen): every `Money` carries one, and a
/// million orders carry three million, so the code's letters are packed into an integer. A code
/// that is not three ASCII characters (a typo at `chorus init`, a made-up code in a test) still
/// works, through a process-wide table of such codes.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Three ASCII bytes, the first in the low byte; or `unusualFlag` plus a position in
    /// `UnusualCurrencyCodes`.
    private let packed: UInt32
    private static let unusualFlag: UInt32 = 0xFF00_0000

    public init(_ code: String) {
        let upper = code.uppercased()
        var packed: UInt32 = 0
        var count = 0
        for byte in upper.utf8 {
            guard count < 3, (0x01...0x7F).contains(byte) else { count = 4; break }
            packed |= UInt32(byte) << (8 * count)
            count += 1
        }
        self.packed = count == 3 ? packed : Self.unusualFlag | UnusualCurrencyCodes.shared.position(of: upper)
    }

    public var code: String {
        guard packed & Self.unusualFlag == 0 else { return UnusualCurrencyCodes.shared.code(at: packed & ~Self.unusualFlag) }
        return String(unsafeUninitializedCapacity: 3) { text in
            for index in 0..<3 { text[index] = UInt8(truncatingIfNeeded: packed >> (8 * index)) }
            return 3
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(code)' is not a three-letter currency code")
        }
        self.init(code)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// Minor digits per ISO 4217: two, except for the currencies listed here. Asked for every
    /// amount read or written (a million-order import asks three million times), so the codes
    /// are compared as packed numbers, in a `switch` the compiler turns into a binary search of
    /// constants:
    /// looked up in a dictionary, hashing the currency was a twentieth of reading an order's
    /// amounts, and searched for in two arrays, it still was a fiftieth of the whole import.
    public var minorDigits: Int {
        switch packed {
        case Self.packed("JPY"), Self.packed("KRW"), Self.packed("VND"), Self.packed("CLP"), Self.packed("ISK"), Self.packed("HUF"),
             Self.packed("TWD"), Self.packed("UGX"), Self.packed("XAF"), Self.packed("XOF"), Self.packed("PYG"):
            return 0
        case Self.packed("BHD"), Self.packed("KWD"), Self.packed("OMR"), Self.packed("JOD"), Self.packed("TND"), Self.packed("IQD"),
             Self.packed("LYD"):
            return 3
        default:
            return 2
        }
    }

    /// A three-letter code as `packed` holds it, folded to a constant where the code is one.
    @inline(__always)
    private static func packed(_ code: StaticString) -> UInt32 {
        let letters = code.utf8Start
        return UInt32(letters[0]) | UInt32(letters[1]) << 8 | UInt32(letters[2]) << 16
    }

    public var description: String { code }

    public static let eur = Currency("EUR")
    public static let usd = Currency("USD")
    public static let gbp = Currency("GBP")
}

/// The codes that do not pack into a `Currency`'s four bytes, each kept once for the life of
/// the process so that equal codes get equal positions (and so compare and hash equal).
/// Stored data never holds one (snapshots and imports accept three letters only), so the lock
/// is taken only when someone types an odd code.
private final class UnusualCurrencyCodes: @unchecked Sendable {
    // @unchecked: `codes` is read and written only under `lock`.
    static let shared = UnusualCurrencyCodes()
    private let lock = NSLock()
    private var codes: [String] = []

    func position(of code: String) -> UInt32 {
        lock.withLock {
            if let found = codes.firstIndex(of: code) { return UInt32(found) }
            precondition(codes.count < 0xFF_FFFF, "too many distinct unusual currency codes")
            codes.append(code)
            return UInt32(codes.count - 1)
        }
    }

    func code(at position: UInt32) -> String { lock.withLock { codes[Int(position)] } }
}
