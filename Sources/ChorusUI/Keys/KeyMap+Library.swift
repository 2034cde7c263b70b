extension KeyMap {
    /// The Library pane's keys: rights, tags, and the filters that keep content within its licence.
    static let libraryBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("r")], action: .editRights, scope: .library,
                   help: "edit the usage rights: uses, where, dates, ad code", hint: "rights", command: "rights") { LibraryKeys.editRights(&$0, $1) },
        KeyBinding(keys: [.character("+")], action: .addTags, scope: .library,
                   help: "add tags to the marked assets (Tab completes)", hint: "tag", command: "tag") { LibraryKeys.tag(.addTags, &$0, $1) },
        KeyBinding(keys: [.character("-")], action: .removeTags, scope: .library,
                   help: "remove tags from the marked assets (Tab completes)", hint: "untag", command: "untag") { LibraryKeys.tag(.removeTags, &$0, $1) },
        KeyBinding(keys: [.character("u")], action: .usableFor, scope: .library,
                   help: "only assets usable today for a use in a country", hint: "usable", command: "usable") { LibraryKeys.usableFor(&$0, $1) },
        KeyBinding(keys: [.character("f")], action: .cycleRightsFilter, scope: .library,
                   help: "next rights status: expiring, expired, active, none", hint: "rights status") { LibraryKeys.nextRightsStatus(&$0, $1) },
        KeyBinding(keys: [.character("s")], action: .cycleSort, scope: .library,
                   help: "sort by the next performance column", hint: "sort") { LibraryKeys.nextSort(&$0, $1) },
    ]
}
