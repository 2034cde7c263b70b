import ChorusCore
import ChorusUI
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

    /// Clicks and the wheel select and scroll; false (`--no-mouse`) leaves the mouse to the terminal.
    public var mouse = true
    /// The person's settings from their last session (wave, carrier; the theme is already in `themeName`).
    public var remembered = UserSettings()
    /// Called with the settings whenever they change, to keep them for the next session.
    public var rememberSettings: (@Sendable (UserSettings) -> Void)?
    /// Said in the status bar when the console opens (a settings file that could not be read).
    public var openingNotice: String?

    public init(themeName: String = "default", themesDirectory: URL? = nil, noColor: Bool = false, today: Day? = nil) {
        self.themeName = themeName
        self.themesDirectory = themesDirectory
        self.noColor = noColor
        self.today = today
    }
}
