/// What a cell means, not what colour it is. Panes say "this is a warning"; the theme decides
/// how a warning looks. That is why a theme switch, `NO_COLOR` or an 8-colour terminal never
/// needs a change in any pane.
public enum StyleRole: String, CaseIterable, Hashable, Sendable, Codable {
    case text
    case mutedText
    case border
    case focusedBorder
    case title
    case header
    case selection
    case marked
    case match
    case statusBar
    case keyHint
    case activeTab
    case success
    case warning
    case danger
    case info
}
