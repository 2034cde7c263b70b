import ChorusCore
import Foundation

/// A first, deliberately simple fit score from 0 to 100 that ranks prospects by signals rather
/// than follower count alone. A later release refines it; the console only needs an honest,
/// explainable number today.
///
/// ```
/// score = 35 × min(1, engagement / 8 %)                       engagement
///       + 20 × min(1, log(1 + followers) / log(1 + 100 000))  reach, diminishing
///       + 30 × min(1, log(1 + orders)    / log(1 + 20))       customer orders, diminishing
///       + 15 × min(1, log(1 + spent)     / log(1 + 2 000))    customer spend in major units
/// ```
/// Logarithms give diminishing returns: the step from 0 to 5 orders means more than 20 to 25,
/// and a 100 000-follower creator is not ten times the fit of a 10 000-follower one.
public struct FitScore: Hashable, Sendable {
    public var engagement: Double
    public var reach: Double
    public var orders: Double
    public var spend: Double

    public init(_ creator: Creator) {
        engagement = 35 * min(1, max(0, creator.engagementRate) / 0.08)
        reach = 20 * Self.diminishing(Double(creator.followers), cap: 100_000)
        if let customer = creator.customer {
            orders = 30 * Self.diminishing(Double(customer.orders), cap: 20)
            let divisor = pow(10, Double(customer.totalSpent.currency.minorDigits))
            spend = 15 * Self.diminishing(Double(customer.totalSpent.minorUnits) / divisor, cap: 2_000)
        } else {
            orders = 0
            spend = 0
        }
    }

    /// The score, 0–100.
    public var value: Double { engagement + reach + orders + spend }

    private static func diminishing(_ amount: Double, cap: Double) -> Double {
        guard amount > 0 else { return 0 }
        return min(1, log1p(amount) / log1p(cap))
    }
}
