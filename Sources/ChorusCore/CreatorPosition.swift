/// Where a creator sits in `workspace.creators`, held in 32 bits (not an `Int`) for memory:
/// attribution keeps a credit per order, and with a `WavePosition` and the outcome a credit is
/// 12 bytes where two `Int`s would make it 24 — 12 MB more for a million orders, kept as long
/// as the console is open; the survey-answer index holds millions of them too.
public struct CreatorPosition: Hashable, Sendable {
    /// No creator: the order is credited to nobody.
    public static let none = CreatorPosition(stored: -1)

    private let stored: Int32

    private init(stored: Int32) { self.stored = stored }

    /// The creator at `index` in `workspace.creators`.
    public init(_ index: Int) { stored = Int32(index) }

    /// The position in `workspace.creators`; nil for `none`.
    public var index: Int? { stored >= 0 ? Int(stored) : nil }
}

/// Where a wave sits in `workspace.waves`, held in 16 bits for the same reason as
/// `CreatorPosition`: one per order's credit.
public struct WavePosition: Hashable, Sendable {
    /// No wave: the order's wave cannot be told.
    public static let none = WavePosition(stored: -1)

    private let stored: Int16

    private init(stored: Int16) { self.stored = stored }

    /// The wave at `index` in `workspace.waves`.
    public init(_ index: Int) { stored = Int16(index) }

    /// The position in `workspace.waves`; nil for `none`.
    public var index: Int? { stored >= 0 ? Int(stored) : nil }
}
