@testable import ChorusGenerator

/// Damage to a file's bytes for the tests that must read or refuse it as before: a few bytes
/// changed, dropped or added (from `bytesThatMatter`), and with `cuttingShort` sometimes the
/// end cut off instead. Seeded, so the same damage comes back on every run.
enum SeededDamage {
    static func damaged(_ original: [UInt8], times: ClosedRange<Int>, bytesThatMatter: [UInt8], cuttingShort: Bool,
                        random: inout SeededRandom) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: times, using: &random) {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<(cuttingShort ? 4 : 3), using: &random) {
            case 0: bytes[at] = bytesThatMatter.randomElement(using: &random)!
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(bytesThatMatter.randomElement(using: &random)!, at: at)
            default: bytes.removeLast(Int.random(in: 1...min(60, bytes.count - 1), using: &random))
            }
        }
        return bytes
    }
}
