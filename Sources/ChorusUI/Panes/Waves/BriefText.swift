import Foundation
import ChorusCore

/// The brief's and incentive plan's values written as one line of text each, and read back.
///
/// Forms edit text, and these are the shapes people already type in a spreadsheet cell:
/// `KS-SER-030×1, KS-LIP-010×2`, `instagram reel 2026-12-01; tiktok video`,
/// `20 orders: 50.00; 1000.00 revenue: 100.00`. Every reader throws a sentence that says
/// what was expected, which the form shows next to the field.
enum BriefText {
    struct Problem: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    // MARK: Lists

    static func list(_ items: [String]) -> String { items.joined(separator: ", ") }

    /// Comma-separated, trimmed, empty parts dropped.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    // MARK: SKUs with quantities

    static func items(_ items: [(sku: SKUID, quantity: Int)]) -> String {
        list(items.map { ItemNotation.write(sku: $0.sku, quantity: $0.quantity) })
    }

    /// `SKU-1×2, 2×SKU-2, SKU-3` in any of the ways `ItemNotation` reads. A SKU that does not
    /// exist is the domain's to refuse, by name.
    static func items(_ text: String) -> [(sku: SKUID, quantity: Int)] {
        list(text).map { ItemNotation.read($0) }
    }

    // MARK: Deliverables

    static func deliverables(_ deliverables: [Deliverable]) -> String {
        deliverables.map { [$0.platform.rawValue, $0.format.rawValue, $0.dueDate?.description].compactMap { $0 }.joined(separator: " ") }
            .joined(separator: "; ")
    }

    /// `instagram reel 2026-12-01; tiktok video` — platform, format and an optional due date.
    static func deliverables(_ text: String) throws -> [(platform: Platform, format: ContentFormat, due: Day?)] {
        try text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }.map { part in
            let words = part.split(separator: " ").map { $0.lowercased() }
            guard words.count == 2 || words.count == 3 else {
                throw Problem("\"\(part)\": write platform, format and due date, like instagram reel 2026-12-01")
            }
            guard let platform = Platform(rawValue: words[0]) else {
                throw Problem("no platform \"\(words[0])\"; use \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let format = ContentFormat(rawValue: words[1]) else {
                throw Problem("no format \"\(words[1])\"; use \(ContentFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return (platform, format, try words.count == 3 ? day(words[2]) : nil)
        }
    }

    // MARK: Single values

    /// Empty means no date.
    static func day(_ text: String) throws -> Day? {
        let text = text.trimmingSpaces
        if text.isEmpty { return nil }
        guard let day = Day(text) else { throw Problem("\"\(text)\" is not a date; use YYYY-MM-DD") }
        return day
    }

    static func money(_ text: String, _ currency: Currency) throws -> Money {
        let text = text.trimmingSpaces
        if text.isEmpty { throw Problem("an amount is required; write it like 2500.00") }
        guard let money = Money.parse(Substring(text), currency: currency) else {
            throw Problem("\"\(text)\" is not an amount; write it like 2500.00")
        }
        return money
    }

    /// Empty means none.
    static func optionalMoney(_ text: String, _ currency: Currency) throws -> Money? {
        text.trimmingSpaces.isEmpty ? nil : try money(text, currency)
    }

    static func yesNo(_ value: Bool) -> String { value ? "y" : "n" }

    static func yesNo(_ text: String) throws -> Bool {
        switch text.trimmingSpaces.lowercased() {
        case "y", "yes": return true
        case "n", "no": return false
        default: throw Problem("answer y or n")
        }
    }

    /// Basis points as a percentage: 1000 → `10`, 1250 → `12.5`.
    static func percent(_ basisPoints: Int64?) -> String {
        guard let basisPoints else { return "" }
        let fraction = basisPoints % 100
        if fraction == 0 { return "\(basisPoints / 100)" }
        return "\(basisPoints / 100)." + (fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)"))
    }

    /// A percentage with up to two decimals as basis points; empty means none.
    static func percent(_ text: String) throws -> Int64? {
        let text = String(text.filter { $0 != "%" }).trimmingSpaces
        if text.isEmpty { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0,
              parts.count == 1 || (1...2).contains(parts[1].count) && parts[1].allSatisfy(\.isNumber) else {
            throw Problem("\"\(text)\" is not a percentage; write it like 10 or 12.5")
        }
        let fraction = parts.count == 2 ? Int64(parts[1] + (parts[1].count == 1 ? "0" : ""))! : 0
        return whole * 100 + fraction
    }

    // MARK: Bonus tiers

    static func bonusTiers(_ tiers: [BonusTier], _ currency: Currency) -> String {
        tiers.map { tier in
            let threshold = tier.metric == .directOrders
                ? "\(tier.threshold) orders" : "\(Money(minorUnits: tier.threshold, currency: currency).decimalString) revenue"
            return "\(threshold): \(tier.bonus.decimalString)"
        }.joined(separator: "; ")
    }

    /// `20 orders: 50.00; 1000.00 revenue: 100.00` — threshold, metric, then the bonus.
    static func bonusTiers(_ text: String, _ currency: Currency) throws -> [BonusTier] {
        try text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }.map { part in
            let halves = part.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces }
            let words = halves.first?.split(separator: " ").map(String.init) ?? []
            guard halves.count == 2, words.count == 2 else {
                throw Problem("\"\(part)\": write a threshold and a bonus, like 20 orders: 50.00")
            }
            let bonus = try money(halves[1], currency)
            switch words[1].lowercased() {
            case "orders", "order":
                guard let orders = Int64(words[0]) else { throw Problem("\"\(words[0])\" is not a number of orders") }
                return BonusTier(metric: .directOrders, threshold: orders, bonus: bonus)
            case "revenue":
                return BonusTier(metric: .directRevenue, threshold: try money(words[0], currency).minorUnits, bonus: bonus)
            default:
                throw Problem("\"\(words[1])\": a bonus is for orders or revenue")
            }
        }
    }
}
