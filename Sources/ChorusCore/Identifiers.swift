/// Identifiers are distinct types so a shipment id can never be passed where a creator id is
/// meant. They stay short strings (`CR-00042`, `SH-0042`): Swift stores up to 15 UTF-8 bytes
/// inline, so a million ids cost no heap allocations, and people can read and type them.
public protocol EntityID: RawRepresentable, Hashable, Sendable, Codable, Comparable,
    CustomStringConvertible, ExpressibleByStringLiteral where RawValue == String {
    init(_ rawValue: String)
}

extension EntityID {
    public init(rawValue: String) { self.init(rawValue) }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool {
        // Numeric suffixes sort numerically: SH-9 before SH-10.
        lhs.rawValue.count != rhs.rawValue.count ? lhs.rawValue.count < rhs.rawValue.count : lhs.rawValue < rhs.rawValue
    }
    public init(from decoder: Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public struct CreatorID: EntityID { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
public struct WaveID: EntityID { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
public struct SKUID: EntityID { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
public struct ShipmentID: EntityID { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
public struct SubmissionID: EntityID { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
public struct AssetID: EntityID { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
public struct DeliverableID: EntityID { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// A Shopify order `Name` such as `#1001`: what the survey export and finance refer to.
public struct OrderID: EntityID { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
public struct SurveyResponseID: EntityID { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }

/// Makes the next id in a sequence (`SH-0043` after `SH-0042`), padded to a minimum width.
public func nextID<ID: EntityID>(after existing: some Sequence<ID>, prefix: String, width: Int = 4) -> ID {
    var highest = 0
    for id in existing {
        let raw = id.rawValue
        guard raw.hasPrefix(prefix), let number = Int(raw.dropFirst(prefix.count)) else { continue }
        highest = max(highest, number)
    }
    return ID(formatID(prefix: prefix, number: highest + 1, width: width))
}

public func formatID(prefix: String, number: Int, width: Int = 4) -> String {
    let digits = String(number)
    return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
}
