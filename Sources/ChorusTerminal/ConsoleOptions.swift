import ChorusCore
import Foundation

/// How the console should look, decided by the caller from flags and the environment.
public struct ConsoleOptions: Sendable {
    /// A theme from the themes folder; an unknown name falls back to the default with a message.
    public var themeName: String
    /// The `Themes/` folder; nil uses the built-in default theme only.
    public var themesDirectory: URL?
    /// Draw without colour (`--no-color` or a non-empty `NO_COLOR`).
    public var noColor: Bool
    /// The day the console shows ages against ("in this stage for 3 days").
    public var today: Day?

    public init(themeName: String = "default", themesDirectory: URL? = nil, noColor: Bool = false, today: Day? = nil) {
        self.themeName = themeName
        self.themesDirectory = themesDirectory
        self.noColor = noColor
        self.today = today
    }
}
