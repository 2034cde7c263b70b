import Foundation

/// Something that reads untrusted bytes: an importer, the theme loader, the snapshot or journal
/// reader. `read` returns how the input ended — a clean value or a typed, located refusal — and
/// throws `FuzzFailure` for anything else (an untyped error, a row error without a line).
/// A crash or a hang is a failure too: it stops the test run, and the seed replays it.
struct FuzzTarget {
    enum Outcome { case accepted, refused }

    let name: String
    /// Real inputs to mutate (sample exports, shipped themes, a real journal).
    let seeds: [[UInt8]]
    let read: ([UInt8]) throws -> Outcome
}

struct FuzzFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What one fuzz run tried and found.
struct FuzzReport: CustomStringConvertible {
    var target: String
    var inputs = 0, accepted = 0, refused = 0
    var failures: [String] = []
    var slowestSeconds = 0.0

    var description: String {
        "\(target): \(inputs) inputs (\(accepted) accepted, \(refused) refused), slowest \(String(format: "%.0f", slowestSeconds * 1000)) ms"
    }
}

/// A small deterministic fuzzer: seeded (so a failure replays), mutation-based (bit flips,
/// interesting bytes and tokens, deletions, duplications, truncation, splices between seeds)
/// with some purely random inputs, and bounded by both iterations and wall time so CI stays fast.
/// `CHORUS_FUZZ_ITERATIONS` raises the iteration count for a longer local run.
enum Fuzzer {
    static var iterations: Int { Int(ProcessInfo.processInfo.environment["CHORUS_FUZZ_ITERATIONS"] ?? "") ?? 1_000 }

    static func run(_ target: FuzzTarget, iterations: Int = Fuzzer.iterations, seconds: Double = 10, seed: UInt64 = 0xC40_5EED) -> FuzzReport {
        // Each target gets its own stream, stable across runs (String.hashValue is not).
        var random = SplitMix64(seed: target.name.utf8.reduce(seed) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 })
        var report = FuzzReport(target: target.name)
        let deadline = Date().addingTimeInterval(seconds)
        for iteration in 0..<iterations where Date() < deadline && report.failures.count < 5 {
            let input = iteration % 10 == 9 || target.seeds.isEmpty
                ? randomBytes(&random)
                : mutate(target.seeds[Int.random(in: 0..<target.seeds.count, using: &random)], seeds: target.seeds, &random)
            let started = Date()
            do {
                switch try target.read(input) {
                case .accepted: report.accepted += 1
                case .refused: report.refused += 1
                }
            } catch {
                let saved = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-fuzz-\(target.name.filter(\.isLetter))-\(iteration)")
                try? Data(input).write(to: saved)
                report.failures.append("input \(iteration) (saved to \(saved.path)): \(error)")
            }
            report.slowestSeconds = max(report.slowestSeconds, Date().timeIntervalSince(started))
            report.inputs += 1
        }
        return report
    }

    /// The first `limit` bytes of `bytes`, cut after a line end so a seed stays a real file.
    static func head(_ bytes: [UInt8], limit: Int = 4_096) -> [UInt8] {
        guard bytes.count > limit else { return bytes }
        let cut = bytes[..<limit].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? limit
        return Array(bytes[..<cut])
    }

    private static let interestingBytes: [UInt8] = [0x00, 0xFF, 0xC3, 0xE2, 0x80, 0x22, 0x2C, 0x0A, 0x0D, 0x3B, 0x1B, 0x7F, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x5C]
    private static let interestingTokens: [[UInt8]] = [
        "\"", "\"\"", ",,,,", "\r\n", "\n\n", "=HYPERLINK(\"x\")", "\u{202E}", "\u{1b}]0;owned\u{07}", "\u{1b}[2J",
        "99999999999999999999999", "-0", "1e309", "NaN", "-1", "0.0000001", "%", "@", "#", "null", "true", "{}", "[]",
        "\"seq\":", "\"generation\":", "\"schemaVersion\":99", "\u{FEFF}", "\u{0}", "2026-02-30", "9999-99-99T99:99:99Z",
    ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    private static func mutate(_ seed: [UInt8], seeds: [[UInt8]], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1 where !bytes.isEmpty:
                bytes[position] = interestingBytes.randomElement(using: &random)!
            case 2:
                bytes.insert(contentsOf: interestingTokens.randomElement(using: &random)!, at: position)
            case 3 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &random)))
            case 4 where !bytes.isEmpty:
                let chunk = bytes[position..<min(bytes.count, position + Int.random(in: 1...256, using: &random))]
                bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &random))
            case 5:
                bytes.removeSubrange(position..<bytes.count)
            case 6:
                let other = seeds.randomElement(using: &random) ?? []
                let from = other.isEmpty ? 0 : Int.random(in: 0..<other.count, using: &random)
                bytes.replaceSubrange(position..<bytes.count, with: other[from...])
            default:
                bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) },
                             at: position)
            }
        }
        return bytes
    }

    private static func randomBytes(_ random: inout SplitMix64) -> [UInt8] {
        let alphabet = Array("ab,\"\n\r;{}[]:0123456789.-@#é".utf8)
        let printable = Bool.random(using: &random)
        return (0..<Int.random(in: 0...512, using: &random)).map { _ in
            printable ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
        }
    }
}

/// A tiny seeded generator (SplitMix64), so every run tries the same inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
