/// Basis points as a person reads them: 1250 → `12.5`, 500 → `5`; as a percentage with two
/// places (ROI): 27040 → `270.40%`.
public enum BasisPoints {
    public static func percent(_ basisPoints: Int64) -> String { decimal(basisPoints) + "%" }

    /// Hundredths as a decimal with two places: 27040 → `270.40`, -244 → `-2.44`.
    public static func decimal(_ basisPoints: Int64) -> String {
        let magnitude = basisPoints.magnitude
        let fraction = magnitude % 100
        return "\(basisPoints < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func text(_ basisPoints: Int64) -> String {
        let whole = basisPoints / 100, rest = (basisPoints % 100).magnitude
        if rest == 0 { return String(whole) }
        let sign = basisPoints < 0 && whole == 0 ? "-" : ""
        let fraction = rest % 10 == 0 ? String(rest / 10) : (rest < 10 ? "0\(rest)" : String(rest))
        return "\(sign)\(whole).\(fraction)"
    }
}
