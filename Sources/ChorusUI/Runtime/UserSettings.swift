import ChorusCore

/// What one person's console remembers between sessions: the theme they chose, the wave they
/// were working in and the carrier they ship with. Personal, not the program's data: a
/// colleague on the same workspace keeps their own, and none of it is journaled or undone.
/// Each value is optional, so a setting never chosen follows the defaults.
public struct UserSettings: Codable, Hashable, Sendable {
    public var theme: String?
    /// The working wave's id (`W2`); ignored if the wave no longer exists.
    public var wave: String?
    /// The carrier offered first when shipping, as its name (`UPS`).
    public var carrier: String?

    public init(theme: String? = nil, wave: String? = nil, carrier: String? = nil) {
        self.theme = theme
        self.wave = wave
        self.carrier = carrier
    }
}
