import ChorusCore

/// The Library pane's prompts: tags to add or remove on the marked assets, and the "usable
/// today for … in …" question. Tab completes the word being typed from what already exists
/// (the library's tags, the tags on these assets, the names of uses), so one tag is never
/// spelled three ways.
public enum LibraryPrompt: Hashable, Sendable {
    case addTags([AssetID])
    case removeTags([AssetID])
    case usableFor
}

extension LibraryPrompt {
    /// What the word being typed may complete to; empty after a space.
    func candidates(_ text: String, workspace: Workspace, libraryTags: [String]) -> [String] {
        guard let last = text.last, last != " ", last != "," else { return [] }
        let word = String(text.split(whereSeparator: { $0 == " " || $0 == "," }).last ?? "").lowercased()
        let isFirstWord = !text.contains(where: { $0 == " " || $0 == "," })
        let vocabulary: [String] = switch self {
        case .addTags: libraryTags
        case .removeTags(let ids): Set(ids.compactMap(workspace.asset).flatMap(\.tags)).sorted()
        case .usableFor: isFirstWord ? RightsUse.allCases.map(\.slug) : []
        }
        return vocabulary.filter { $0.hasPrefix(word) && $0 != word }
    }

    /// Tab: the word extended as far as every candidate agrees, and a space when only one fits.
    func tabbed(_ text: String, workspace: Workspace, libraryTags: [String]) -> String {
        let options = candidates(text, workspace: workspace, libraryTags: libraryTags)
        guard var common = options.first else { return text }
        for option in options.dropFirst() { while !option.hasPrefix(common) { common.removeLast() } }
        let typed = text.split(whereSeparator: { $0 == " " || $0 == "," }).last ?? ""
        return String(text.dropLast(typed.count)) + common + (options.count == 1 ? " " : "")
    }

    /// Enter: the command to send, or the filter to show.
    func submit(_ text: String, _ state: inout UIState) -> [Effect] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        switch self {
        case .addTags(let ids), .removeTags(let ids):
            guard !words.isEmpty else {
                state.prompt = Prompt(.library(self))
                state.message = StatusMessage(.warning, "type a tag (Tab completes); Esc cancels")
                return []
            }
            let adding = if case .addTags = self { true } else { false }
            return [.command(.tagAssets(ids, add: adding ? words : [], remove: adding ? [] : words), .plain)]
        case .usableFor:
            state.library.list.startOver()
            guard !words.isEmpty else {
                state.library.usable = nil
                state.message = StatusMessage(.info, "showing assets whatever their licence allows")
                return []
            }
            switch UsableFor.parse(text) {
            case .success(let usable):
                state.library.usable = usable
                state.message = StatusMessage(.info, "showing assets usable today for \(usable.label)")
            case .failure(let problem):
                state.prompt = Prompt(.library(self), text: text)
                state.message = StatusMessage(.warning, problem.description)
            }
            return []
        }
    }

    /// The status-bar line while this prompt is open, with what Tab would complete to.
    func line(_ text: String, workspace: Workspace, libraryTags: [String]) -> PromptLine {
        let options = candidates(text, workspace: workspace, libraryTags: libraryTags)
        let offer = options.isEmpty ? "" : "  [" + options.prefix(6).joined(separator: " ") + (options.count > 6 ? " …" : "") + "]"
        switch self {
        case .addTags(let ids):
            return PromptLine(" Tag \(Self.assets(ids)) with: ", "\(offer)   Tab completes · Enter · Esc cancels")
        case .removeTags(let ids):
            return PromptLine(" Remove from \(Self.assets(ids)) the tags: ", "\(offer)   Tab completes · Enter · Esc cancels")
        case .usableFor:
            return PromptLine(" Usable today for (use and country, e.g. paid-social DE): ", "\(offer)   Enter · empty shows all")
        }
    }

    private static func assets(_ ids: [AssetID]) -> String { ids.count == 1 ? ids[0].rawValue : "\(ids.count) assets" }
}
