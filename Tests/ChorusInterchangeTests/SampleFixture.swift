import ChorusCore
import ChorusGenerator

/// The default sample, generated once for the whole suite: generating is deterministic, so
/// sharing it cannot couple tests.
enum SampleFixture {
    static let today = Day(year: 2026, month: 3, day: 16)!
    static let options = GeneratorOptions(seed: 7, today: today)
    static let workspace = SampleProgram.generate(options: options)
}
