/// `t` and `:theme`: the state names the theme; the `Console` paints with it.
enum ThemeUpdate {
    static func use(_ name: String, _ state: inout UIState, context: UpdateContext) {
        state.themeName = name
        state.message = StatusMessage(.info, context.noColor ? "theme \(name) (without colour: NO_COLOR is set)" : "theme \(name)")
    }

    /// The theme after the current one, round to the first (the default one when the current is unknown).
    static func next(_ state: inout UIState, context: UpdateContext) {
        let names = context.vocabulary.themes
        let next = names.firstIndex(of: state.themeName).map { names[($0 + 1) % names.count] } ?? ThemeCatalog.defaultName
        use(next, &state, context: context)
    }
}
