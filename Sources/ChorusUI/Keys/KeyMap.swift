/// Where a binding works: everywhere, in any pane with a list, or only in one pane.
public enum KeyScope: String, Hashable, Sendable, CaseIterable {
    case global = "Everywhere"
    case list = "Lists"
    case pipeline = "Pipeline"
    case seeding = "Seeding"
    case waves = "Waves"
    case approvals = "Approvals"
    case library = "Library"
    case leaderboard = "Leaderboard"
    case ledger = "Ledger"
    case sorted = "Sorted lists"

    func applies(to pane: Pane) -> Bool {
        switch self {
        case .global, .list: true
        case .sorted: pane == .pipeline || pane == .library || pane == .leaderboard || pane == .ledger
        default: pane.scope == self
        }
    }
}

/// What a key does in its pane: the state to change and the effects to run (lazygit's
/// `Binding.Handler`). The binding carries it, so a key is one declaration.
typealias KeyHandler = @Sendable (_ state: inout UIState, _ context: UpdateContext) -> [Effect]

/// One line of the key map: the keys, what they do, and how the help and hints name them.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var scope: KeyScope
    /// The sentence in the `?` overlay.
    public var help: String
    /// The word in the status-bar hints; nil keeps the binding out of the hints.
    public var hint: String?
    /// The name in the `:` palette; nil keeps it out of the palette.
    public var command: String?
    /// What the status bar says when the action is asked for where it does not work, if more
    /// than "that works in the … pane" (lazygit's `DisabledReason`); see `KeyMap.notHere`.
    public var notHere: String?
    /// Whether its `:` command works in every pane, not only where the key does (`:new-wave`).
    var fromAnyPane = false
    /// What the key does where its scope applies; the `:` command with the same name does the
    /// same. Nil for the keys still answered by their pane's `perform` (see `KeyMap.handler`).
    var handler: KeyHandler?

    /// Two bindings are the same line of the key map; what they do is not compared.
    public static func == (lhs: KeyBinding, rhs: KeyBinding) -> Bool {
        lhs.keys == rhs.keys && lhs.action == rhs.action && lhs.scope == rhs.scope && lhs.help == rhs.help
            && lhs.hint == rhs.hint && lhs.command == rhs.command && lhs.notHere == rhs.notHere
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(action)
        hasher.combine(scope)
        hasher.combine(help)
    }

    /// The keys as written in help: `j ↓`; a palette-only command shows as `:codes`.
    public var keyLabel: String { keys.isEmpty ? ":" + (command ?? "") : keys.map(\.label).joined(separator: " ") }
}

/// The console's one declaration of its keys. The `?` overlay, the status-bar hints, the
/// command palette and `update` all read this list, so they cannot disagree.
public enum KeyMap {
    public static let bindings: [KeyBinding] = paneBindings + approvalsBindings + [
        KeyBinding(keys: [.tab], action: .nextPane, scope: .global, help: "next pane", command: "next-pane") { state, _ in
            switchPane(to: state.pane.cycled(by: 1), &state)
        },
        KeyBinding(keys: [.backTab], action: .previousPane, scope: .global, help: "previous pane", command: "previous-pane") { state, _ in
            switchPane(to: state.pane.cycled(by: -1), &state)
        },
        KeyBinding(keys: [.character("z")], action: .undo, scope: .global, help: "undo the last change", hint: "undo", command: "undo") { state, _ in CommandOutcomeUpdate.undo(&state) },
        KeyBinding(keys: [.character("Z")], action: .redo, scope: .global, help: "redo what was undone", command: "redo") { state, _ in CommandOutcomeUpdate.redo(&state) },
        KeyBinding(keys: [.character(":")], action: .palette, scope: .global, help: "command palette (:approve SU-0124 acts on that draft)", hint: "commands") { state, _ in
            state.prompt = Prompt(.command)
            return []
        },
        KeyBinding(keys: [.character("t")], action: .switchTheme, scope: .global, help: "switch to the next theme", command: "next-theme") {
            ThemeUpdate.next(&$0, context: $1)
            return []
        },
        KeyBinding(keys: [.character("?")], action: .help, scope: .global, help: "show or hide this help", hint: "help", command: "help") { state, _ in
            state.overlay = state.overlay == nil ? .help(scroll: 0) : nil
            return []
        },
        KeyBinding(keys: [], action: .showSurveyAnswers, scope: .global,
                   help: "survey answers naming several creators: 1–9 credits one", command: "resolve") { state, _ in
            state.overlay = .surveyAnswers(cursor: 0)
            return []
        },
        KeyBinding(keys: [], action: .adjustStock, scope: .global,
                   help: "correct stock, with a reason: stock SKU +20 delivery", command: "stock"),
        KeyBinding(keys: [.character("H")], action: .showHistory, scope: .global, help: "who changed what, and when (the history)", command: "history") { state, _ in
            if case .history? = state.overlay {
                state.overlay = nil
                return []
            }
            return [.readHistory]
        },
        KeyBinding(keys: [.escape], action: .back, scope: .global, help: "back out one layer: prompt, overlay, marks, filter") { ListKeys.back(&$0, $1) },
        KeyBinding(keys: [.character("q"), .control("c")], action: .quit, scope: .global,
                   help: "quit (everything is already saved)", hint: "quit", command: "quit") { state, _ in
            state.wantsQuit = true
            return []
        },

        KeyBinding(keys: [.character("j"), .down], action: .moveDown, scope: .list, help: "move down") { ListKeys.move(.moveDown, &$0, $1) },
        KeyBinding(keys: [.character("k"), .up], action: .moveUp, scope: .list, help: "move up") { ListKeys.move(.moveUp, &$0, $1) },
        KeyBinding(keys: [.character("g"), .home], action: .top, scope: .list, help: "first row", command: "top") { ListKeys.move(.top, &$0, $1) },
        KeyBinding(keys: [.character("G"), .end], action: .bottom, scope: .list, help: "last row", command: "bottom") { ListKeys.move(.bottom, &$0, $1) },
        KeyBinding(keys: [.pageDown], action: .pageDown, scope: .list, help: "page down") { ListKeys.move(.pageDown, &$0, $1) },
        KeyBinding(keys: [.pageUp], action: .pageUp, scope: .list, help: "page up") { ListKeys.move(.pageUp, &$0, $1) },
        KeyBinding(keys: [.control("d")], action: .halfPageDown, scope: .list, help: "half a page down") { ListKeys.move(.halfPageDown, &$0, $1) },
        KeyBinding(keys: [.control("u")], action: .halfPageUp, scope: .list, help: "half a page up") { ListKeys.move(.halfPageUp, &$0, $1) },
        KeyBinding(keys: [.character("/")], action: .filter, scope: .list,
                   help: "filter by words in any column (Enter keeps, Esc clears)", hint: "filter", command: "filter") { ListKeys.filter(&$0, $1) },
        KeyBinding(keys: [.character(" ")], action: .toggleMark, scope: .list,
                   help: "mark the row and move down; actions apply to marked rows", hint: "mark") { ListKeys.toggleMark(&$0, $1) },
        KeyBinding(keys: [.enter], action: .openDetail, scope: .list, help: "open the row's details", hint: "details") { ListKeys.openDetail(&$0, $1) },
        KeyBinding(keys: [.character("w")], action: .nextWave, scope: .list, help: "switch to the next wave", hint: "wave") { ListKeys.nextWave(&$0, $1) },

        KeyBinding(keys: [.character(">")], action: .advanceStage, scope: .pipeline,
                   help: "move forward a stage", hint: "forward", command: "advance") { PipelineKeys.stage(.advanceStage, &$0, context: $1) },
        KeyBinding(keys: [.character("<")], action: .revertStage, scope: .pipeline,
                   help: "move back a stage", hint: "back", command: "move-back") { PipelineKeys.stage(.revertStage, &$0, context: $1) },
        KeyBinding(keys: [.character("i")], action: .invite, scope: .pipeline,
                   help: "invite prospects", hint: "invite", command: "invite") { PipelineKeys.stage(.invite, &$0, context: $1) },
        KeyBinding(keys: [.character("d")], action: .drop, scope: .pipeline,
                   help: "drop from the wave, with a reason", hint: "drop", command: "drop") { PipelineKeys.stage(.drop, &$0, context: $1) },
        KeyBinding(keys: [.character("s")], action: .cycleSort, scope: .pipeline, help: "sort by the next column", hint: "sort") { state, _ in
            sort(&state, by: state.pipeline.sort.next)
            return []
        },
        KeyBinding(keys: [.character("S")], action: .seed, scope: .pipeline,
                   help: "seed with this wave's products; :seed extra for more", hint: "seed", command: "seed") {
            SeedingBudget.seed(targets($0, context: $1), &$0, context: $1)
        },
        KeyBinding(keys: [.character("C")], action: .copyWave, scope: .pipeline,
                   help: "copy this wave as the next one, in planning", command: "copy-wave") { PipelineKeys.copyWave(&$0, $1) },
        KeyBinding(keys: [], action: .makeCodes, scope: .pipeline,
                   help: "codes for marked rows, e.g. {HANDLE}15 percent 15", command: "codes"),
        KeyBinding(keys: [], action: .editSlug, scope: .pipeline, help: "change the row's link slug: slug NEW-SLUG", command: "slug"),
        KeyBinding(keys: [.character("e")], action: .editCreator, scope: .pipeline,
                   help: "edit the creator: contact, handles, address, payout", command: "edit-creator",
                   notHere: "that works in the Pipeline pane (1) and in a creator's details (Enter)") { PipelineKeys.editCreator(&$0, $1) },
        KeyBinding(keys: [.character("m")], action: .draftMessages, scope: .list,
                   help: "draft messages from a template, previewed first", command: "message") {
            OutboxUpdate.ask(OutboxUpdate.recipients($0, context: $1), &$0)
            return []
        },
        KeyBinding(keys: [.character("L")], action: .toggleLate, scope: .pipeline,
                   help: "show only creators to chase (late or quiet), or everyone", command: "late") { PipelineKeys.toggleLate(&$0, $1) },
        KeyBinding(keys: [], action: .setDueDate, scope: .pipeline,
                   help: "the creators' own due date: due +7d or due 2027-01-15", command: "due"),

        KeyBinding(keys: [.character("p")], action: .pack, scope: .seeding, help: "mark packed", hint: "pack", command: "pack") { SeedingKeys.parcelAction(.pack, &$0, context: $1) },
        KeyBinding(keys: [.character("s")], action: .ship, scope: .seeding,
                   help: "ship: carrier once, then a tracking number per parcel", hint: "ship", command: "ship") { SeedingKeys.parcelAction(.ship, &$0, context: $1) },
        KeyBinding(keys: [.character("d")], action: .deliver, scope: .seeding, help: "mark delivered", hint: "delivered", command: "deliver") { SeedingKeys.parcelAction(.deliver, &$0, context: $1) },
        KeyBinding(keys: [.character("!")], action: .flagException, scope: .seeding,
                   help: "flag a problem: address, returned or lost, with a note", hint: "exception", command: "exception") { SeedingKeys.parcelAction(.flagException, &$0, context: $1) },
        KeyBinding(keys: [.character("x")], action: .cancelShipments, scope: .seeding,
                   help: "cancel the parcel and release its stock", hint: "cancel", command: "cancel-shipment") { SeedingKeys.parcelAction(.cancelShipments, &$0, context: $1) },
        KeyBinding(keys: [.character("f")], action: .cycleShipmentFilter, scope: .seeding,
                   help: "show the next status (queued … follow-up) or all", hint: "status") { SeedingKeys.nextStatus(&$0, $1) },
        KeyBinding(keys: [.character("e")], action: .editShipment, scope: .seeding,
                   help: "edit the parcel's items and note (queued or packed)", hint: "edit", command: "edit-shipment") { SeedingKeys.openShipmentForm(&$0, context: $1) },
        KeyBinding(keys: [.character("R")], action: .resolveException, scope: .seeding,
                   help: "resolve an exception: fix the address, then repack or re-ship", command: "resolve-exception") { SeedingKeys.openResolveForm(&$0, context: $1) },

        KeyBinding(keys: [.character("n")], action: .newWave, scope: .waves,
                   help: "new wave, starting as a copy of the last one", hint: "new", command: "new-wave",
                   fromAnyPane: true) {
            openNewWaveForm(&$0, context: $1)
            return []
        },
        KeyBinding(keys: [.character("e")], action: .editWave, scope: .waves,
                   help: "edit the wave: dates, status, budget, brief, incentives", hint: "edit", command: "edit-wave",
                   fromAnyPane: true) {
            openWaveForm(&$0, context: $1)
            return []
        },
        KeyBinding(keys: [.character("C")], action: .copyWave, scope: .waves,
                   help: "copy this wave as the next one, in planning", hint: "copy") { WavesKeys.copyWave(&$0, $1) },
        KeyBinding(keys: [.character("v")], action: .cycleWavesView, scope: .waves,
                   help: "under the list, show the next: brief, overview (KPIs, charts, budget), cohorts",
                   command: "overview") { WavesKeys.nextView(&$0, $1) },
        KeyBinding(keys: [.character("b")], action: .cycleCohortGrouping, scope: .waves,
                   help: "group the cohorts by the next: tier, source, incentive, niche, country", command: "group-by") { WavesKeys.nextCohortGrouping(&$0, $1) },
        KeyBinding(keys: [.character("J")], action: .scrollDetailDown, scope: .waves, help: "scroll the wave's brief down") { WavesKeys.scrollBrief(down: true, &$0, $1) },
        KeyBinding(keys: [.character("K")], action: .scrollDetailUp, scope: .waves, help: "scroll the wave's brief up") { WavesKeys.scrollBrief(down: false, &$0, $1) },
    ] + libraryBindings + sourcingBindings + leaderboardBindings + ledgerBindings + copyAndOpenBindings + sortingBindings

    private static let paneBindings: [KeyBinding] = Pane.allCases.map { pane in
        KeyBinding(keys: [.character(Character(String(pane.rawValue)))], action: .showPane(pane), scope: .global,
                   help: pane.title, command: pane.title.lowercased()) { state, _ in
            switchPane(to: pane, &state)
        }
    }

    /// The action for `key` in `pane`: the pane's own keys first, then the global ones.
    /// A pane's own binding wins over one for every list (the Ledger's `m` marks a payout run
    /// paid; elsewhere `m` drafts messages).
    public static func action(for key: Key, in pane: Pane) -> Action? {
        let matching = bindings.filter { $0.keys.contains(key) && $0.scope.applies(to: pane) }
        return (matching.first { $0.scope.rawValue == pane.title } ?? matching.first)?.action
    }

    /// What `action` does in `pane`, from the binding that declares it there (the pane's own
    /// before one for every list) or one whose command works from any pane; nil where none does.
    static func handler(for action: Action, in pane: Pane) -> KeyHandler? {
        // Found in place (no filtered copy of the key map): this runs on every key press.
        let own = pane.scope
        return (bindings.first { $0.action == action && $0.handler != nil && $0.scope == own }
            ?? bindings.first { $0.action == action && $0.handler != nil && ($0.scope.applies(to: pane) || $0.fromAnyPane) })?.handler
    }

    /// The bindings that work in `pane`, grouped for the help overlay.
    public static func sections(for pane: Pane) -> [(scope: KeyScope, bindings: [KeyBinding])] {
        [pane.scope, .sorted, .list, .global].compactMap { scope in
            guard scope.applies(to: pane) else { return nil }
            // A key the pane's own binding takes over (the Ledger's `m`) is offered once, for what it does here.
            let group = bindings.filter { binding in
                binding.scope == scope && (binding.keys.isEmpty || binding.keys.contains { action(for: $0, in: pane) == binding.action })
            }
            return group.isEmpty ? nil : (scope, group)
        }
    }

    /// Status-bar hints for `pane`, most specific first: `("Space", "mark")`.
    public static func hints(for pane: Pane) -> [(key: String, word: String)] {
        sections(for: pane).flatMap(\.bindings).compactMap { binding in
            binding.hint.map { (binding.keys[0].label, $0) }
        }
    }

    /// Why `action` does nothing in `pane`, said instead of doing nothing: the one pane whose keys
    /// it belongs to. Nil for an action that still means something here, such as the Pipeline's
    /// commands, which act from the palette on the working wave's creators wherever it is typed.
    static func notHere(_ action: Action, in pane: Pane) -> String? {
        let declared = bindings.filter { $0.action == action }
        if declared.contains(where: { $0.scope.applies(to: pane) }) { return nil }
        if let shared = declared.first(where: { $0.scope.applies(to: .pipeline) }) { return shared.notHere }
        guard let own = declared.first, let home = Pane.allCases.first(where: { $0.scope == own.scope }) else { return nil }
        return own.notHere ?? "that works in the \(home.title) pane (\(home.rawValue))"
    }

    /// The keys bound to `action`, for a layer (an overlay) that offers it wherever it is open.
    static func keys(for action: Action) -> [Key] { bindings.first { $0.action == action }?.keys ?? [] }

    /// Bindings reachable by name from the `:` palette.
    static var commands: [KeyBinding] { bindings.filter { $0.command != nil } }
}
