import ChorusCore

/// The drafts, parcels, creators or assets a palette line names after its command
/// (`:approve SU-0124`, `:deliver SH-0117 SH-0118`, `:advance @ana.lima`). They replace the
/// marked rows and the cursor row for that one command, so what is typed is what is acted on.
enum NamedItems: Hashable, Sendable {
    case parcels([ShipmentID])
    case drafts([SubmissionID])
    case creators([CreatorID])
    case assets([AssetID])

    var parcels: [ShipmentID]? { if case .parcels(let ids) = self { ids } else { nil } }
    var drafts: [SubmissionID]? { if case .drafts(let ids) = self { ids } else { nil } }
    var creators: [CreatorID]? { if case .creators(let ids) = self { ids } else { nil } }
    var assets: [AssetID]? { if case .assets(let ids) = self { ids } else { nil } }
}

/// What the text after a palette command means: the ids of the items it acts on, or, for the
/// few commands whose argument is something else (`:usable reel FR`, `:filter reel`,
/// `:seed extra`), that. Anything it cannot act on is refused with the reason and nothing changes.
enum PaletteArguments {
    /// The kind of item a command's arguments name, and the pane they live in.
    private enum Kind {
        case parcels, drafts, creators, assets

        var noun: String {
            switch self {
            case .parcels: "parcel ids such as SH-0042"
            case .drafts: "draft ids such as SU-0124"
            case .creators: "creator handles such as @ana.lima"
            case .assets: "asset ids such as AS-0007"
            }
        }
    }

    private static func kind(of action: Action) -> Kind? {
        switch action {
        case .pack, .ship, .deliver, .flagException, .cancelShipments, .editShipment: .parcels
        case .approveSubmissions, .requestChanges, .rejectSubmissions, .approveWithOverride, .recordResubmission: .drafts
        case .advanceStage, .revertStage, .invite, .drop, .seed, .promote, .draftMessages: .creators
        case .editRights, .addTags, .removeTags: .assets
        default: nil
        }
    }

    /// Commands that act on one item at a time (they open a form or ask for one caption).
    private static func takesOne(_ action: Action) -> Bool {
        action == .editShipment || action == .recordResubmission || action == .editRights
    }

    static func perform(_ action: Action, _ text: String, _ state: inout UIState, context: UpdateContext) -> [Effect] {
        let name = KeyMap.commands.first { $0.action == action }?.command ?? ""
        switch action {
        case .filter:
            return filter(text, &state, context: context)
        case .usableFor:
            state.pane = .library
            return LibraryPrompt.usableFor.submit(text, &state)
        default:
            break
        }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let extra = action == .seed && words.contains { $0.lowercased() == "extra" }
        words.removeAll { action == .seed && $0.lowercased() == "extra" }
        guard let kind = kind(of: action) else {
            return refuse(":\(name) takes nothing after it; run :\(name) alone", &state)
        }
        if takesOne(action), words.count > 1 {
            return refuse(":\(name) works on one item at a time; name one of \(words.joined(separator: ", "))", &state)
        }
        var context = context
        if !words.isEmpty {
            do {
                context.named = try resolve(words, as: kind, command: name, state, context.workspace)
            } catch {
                return refuse((error as? Refusal)?.text ?? "\(error)", &state)
            }
        }
        if let ids = context.named?.creators, action != .invite, action != .promote, let wave = state.pipeline.waveID,
           let outside = ids.first(where: { context.workspace.enrollment($0, in: wave) == nil }) {
            let who = context.workspace.creator(outside).map { "@" + $0.handle } ?? outside.rawValue
            return refuse("\(who) is not in \(context.workspace.wave(wave)?.name ?? wave.rawValue); :invite \(who) adds them", &state)
        }
        switch kind {
        case .parcels: state.pane = .seeding
        case .drafts: state.pane = .approvals
        case .assets: state.pane = .library
        case .creators: state.pane = action == .promote ? .leaderboard : .pipeline
        }
        if action == .seed { return seedWithWaveProducts(targets(state, context: context), extra: extra, &state, context: context) }
        return ChorusUI.perform(action, &state, context: context)
    }

    /// The `@handle` words at the start of a palette-only command's value, as creators, and the
    /// rest of the value; nil (with the reason said) when a handle names no one.
    static func leadingCreators(_ text: String, _ state: inout UIState, workspace: Workspace) -> ([CreatorID], String)? {
        var rest = Substring(text.trimmingSpaces)
        var creators: [CreatorID] = []
        while rest.hasPrefix("@") {
            let word = rest.prefix { $0 != " " && $0 != "," }
            guard let creator = workspace.creator(handle: word) else {
                _ = refuse("no creator \(word)", &state)
                return nil
            }
            creators.append(creator.id)
            rest = rest.dropFirst(word.count).drop { $0 == " " || $0 == "," }
        }
        return (creators, String(rest))
    }

    /// `:filter reel` is `/reel` Enter in the pane: the same filter, the same first row.
    private static func filter(_ text: String, _ state: inout UIState, context: UpdateContext) -> [Effect] {
        guard state.pane != .waves else { return refuse("the Waves pane has no filter", &state) }
        var effects = ChorusUI.perform(.filter, &state, context: context)
        for character in text { effects += update(&state, key: .character(character), context: context) }
        return effects + update(&state, key: .enter, context: context)
    }

    private struct Refusal: Error { let text: String }

    private static func refuse(_ text: String, _ state: inout UIState) -> [Effect] {
        state.message = StatusMessage(.warning, text)
        return []
    }

    /// Looks every word up; the first that names nothing, or something of another kind or
    /// another wave, refuses the whole line.
    private static func resolve(_ words: [String], as kind: Kind, command: String, _ state: UIState,
                                _ workspace: Workspace) throws -> NamedItems {
        let wrongKind = { (word: String) in Refusal(text: ":\(command) takes \(kind.noun); '\(word)' is not one") }
        switch kind {
        case .parcels:
            return .parcels(try words.map { word in
                let id = ShipmentID(word.uppercased())
                guard id.rawValue.hasPrefix("SH-") else { throw wrongKind(word) }
                guard let shipment = workspace.shipment(id) else { throw Refusal(text: "no parcel \(id)") }
                if let working = state.pipeline.waveID, shipment.waveID != working {
                    let theirs = workspace.wave(shipment.waveID)?.name ?? shipment.waveID.rawValue
                    let ours = workspace.wave(working)?.name ?? working.rawValue
                    throw Refusal(text: "\(id) is in \(theirs), not \(ours) you are working in; :wave \(theirs) switches")
                }
                return id
            })
        case .drafts:
            return .drafts(try words.map { word in
                let id = SubmissionID(word.uppercased())
                guard id.rawValue.hasPrefix("SU-") else { throw wrongKind(word) }
                guard workspace.submission(id) != nil else { throw Refusal(text: "no draft \(id)") }
                return id
            })
        case .assets:
            return .assets(try words.map { word in
                let id = AssetID(word.uppercased())
                guard id.rawValue.hasPrefix("AS-") else { throw wrongKind(word) }
                guard workspace.asset(id) != nil else { throw Refusal(text: "no asset \(id)") }
                return id
            })
        case .creators:
            return .creators(try words.map { word in
                guard word.hasPrefix("@") || word.uppercased().hasPrefix("CR-") else { throw wrongKind(word) }
                let creator = word.hasPrefix("@") ? workspace.creator(handle: word) : workspace.creator(CreatorID(word.uppercased()))
                guard let creator else { throw Refusal(text: "no creator \(word)") }
                return creator.id
            })
        }
    }
}
