/// Rates as people read them, with one decimal (0.0457 → `4.6%`): the same text in the console
/// and in `chorus list`, so a figure can be compared across the two.
public enum Percentage {
    public static func text(_ rate: Double) -> String {
        let tenthsOfPercent = Int((rate * 1_000).rounded())
        return "\(tenthsOfPercent / 10).\(tenthsOfPercent % 10)%"
    }
}
