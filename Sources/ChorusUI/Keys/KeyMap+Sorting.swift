extension KeyMap {
    /// The one key that inverts a sorted list, the same in every pane that sorts (`I`, as in
    /// htop): `s` picks the column, `I` turns it round, and the header's mark says which way.
    static let sortingBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("I")], action: .reverseSort, scope: .sorted,
                   help: "reverse the sort order (the header's ▾ turns to ▴)", command: "reverse-sort") { ListKeys.reverseSort(&$0, $1) },
    ]
}
