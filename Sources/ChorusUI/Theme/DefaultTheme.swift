extension ThemeFile {
    /// The dark default, built in so the console always has a theme even when `Themes/` is
    /// missing or `default.json` is broken. `Themes/default.json` holds the same values (a test
    /// keeps them equal) so people can read and copy it.
    static let builtInDefault = ThemeFile(
        palette: [
            "muted": .index(245), "border": .index(240), "accent": .index(75), "onAccent": .index(16),
            "selectFg": .index(255), "selectBg": .index(238), "markFg": .index(214), "matchFg": .index(226),
            "barFg": .index(252), "barBg": .index(236), "success": .index(114), "warning": .index(214),
            "danger": .index(203), "info": .index(81),
        ],
        roles: [
            "text": RoleStyle(),
            "mutedText": RoleStyle(fg: .name("muted")),
            "border": RoleStyle(fg: .name("border")),
            "focusedBorder": RoleStyle(fg: .name("accent")),
            "title": RoleStyle(fg: .name("accent"), bold: true),
            "header": RoleStyle(fg: .name("muted"), bold: true),
            "selection": RoleStyle(fg: .name("selectFg"), bg: .name("selectBg"), bold: true),
            "marked": RoleStyle(fg: .name("markFg"), bold: true),
            "match": RoleStyle(fg: .name("matchFg"), bold: true, underline: true),
            "statusBar": RoleStyle(fg: .name("barFg"), bg: .name("barBg")),
            "keyHint": RoleStyle(fg: .name("accent"), bg: .name("barBg"), bold: true),
            "activeTab": RoleStyle(fg: .name("onAccent"), bg: .name("accent"), bold: true),
            "success": RoleStyle(fg: .name("success")),
            "warning": RoleStyle(fg: .name("warning"), bold: true),
            "danger": RoleStyle(fg: .name("danger"), bold: true),
            "info": RoleStyle(fg: .name("info")),
        ])
}
