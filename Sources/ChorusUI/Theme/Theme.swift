/// How one role looks: colours and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }
}

/// A resolved theme: a style for every role. Themes are data (`Themes/*.json`) so a brand or a
/// colour-blind coordinator can change the look without a build.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> Style { styles[role] ?? Style() }

    /// The theme without colours, for `NO_COLOR`: attributes carry every distinction, and the
    /// roles that only a background told apart (selection, bars) fall back to reverse video.
    public func withoutColor() -> Theme {
        var result = self
        for role in StyleRole.allCases {
            var style = style(role)
            let hadBackground = style.background != .terminalDefault
            style.foreground = .terminalDefault
            style.background = .terminalDefault
            if hadBackground { style.reverse = true }
            result.styles[role] = style
        }
        return result
    }

    /// Every colour folded into what a terminal with `colorCount` colours can show.
    public func downgraded(toColors colorCount: Int) -> Theme {
        var result = self
        for (role, style) in styles {
            var changed = style
            changed.foreground = style.foreground.downgraded(toColors: colorCount)
            changed.background = style.background.downgraded(toColors: colorCount)
            result.styles[role] = changed
        }
        return result
    }
}
