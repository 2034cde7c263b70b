import ChorusCore

/// What to generate: how many creators and orders, from which seed, as of which day.
///
/// `today` is passed in rather than read from the clock so that the same options give the
/// same workspace on every machine and on every day, which tests, benchmarks and bug
/// reports ("generate --seed 7 shows it") depend on.
public struct GeneratorOptions: Sendable, Hashable {
    public var creators: Int
    public var orders: Int
    public var seed: UInt64
    /// The day the sample program is "now": waves, shipments, reviews and rights are dated around it.
    public var today: Day

    public init(creators: Int = 300, orders: Int = 4_000, seed: UInt64 = 1, today: Day) {
        self.creators = max(0, creators)
        self.orders = max(0, orders)
        self.seed = seed
        self.today = today
    }
}
