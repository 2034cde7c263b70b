/// A small, fast, seeded random number generator (SplitMix64) with the few draws the
/// generator needs.
///
/// The generator must produce byte-identical workspaces for the same seed on every machine
/// and every Swift version, so it never touches `SystemRandomNumberGenerator` nor the
/// standard library's `random(in:)`, `shuffled()` or `randomElement()`, whose algorithms are
/// not promised to stay the same. Every draw is integer arithmetic defined here.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (multiply-high reduction; the bias is far below what a sample notices).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(UInt64(bound).multipliedFullWidth(by: next()).high)
    }

    /// A number in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index into `weights`, each chosen in proportion to its weight.
    mutating func weighted(_ weights: [Int]) -> Int {
        var roll = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// `items` in a random order (Fisher–Yates).
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, below(index + 1))
        }
    }

    /// A separate stream for one part of the sample, so adding draws in one part does not
    /// change every other part's output.
    mutating func fork() -> SeededRandom { SeededRandom(seed: next()) }
}

/// So that tests draw their random programs with the standard library's `random(in:using:)`
/// and `randomElement(using:)` from a seed, and a failure can be replayed. The generator itself
/// never does (see above).
extension SeededRandom: RandomNumberGenerator {}
