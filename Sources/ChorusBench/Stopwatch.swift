import Foundation

/// Durations as the bench prints them.
public enum Stopwatch {
    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    public static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
        return milliseconds >= 1_000 ? "\(Double(Int(milliseconds / 10)) / 100) s" : "\(Double(Int(milliseconds * 100)) / 100) ms"
    }
}
