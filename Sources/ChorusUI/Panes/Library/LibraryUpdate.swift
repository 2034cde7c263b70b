import ChorusCore

/// The Library's answer to the list keys every pane shares (its own keys carry their handlers
/// in `KeyMap+Library`, see `LibraryKeys`).
extension LibraryPane: SortedPane {
    static func rows(_ state: UIState, context: UpdateContext) -> (count: Int, page: Int) {
        (context.libraryTable.count, tableRows(at: state.size))
    }

    static func toggleMark(_ state: inout UIState, context: UpdateContext) {
        guard let id = context.libraryTable.id(at: state.library.cursor) else { return }
        state.library.list.toggleMark(id, rows: context.libraryTable.count, page: tableRows(at: state.size))
    }

    static func openDetail(_ state: inout UIState, context: UpdateContext) {
        if let id = context.libraryTable.id(at: state.library.cursor) { state.overlay = .assetDetail(id) }
    }

    static func backOut(_ state: inout UIState, context: UpdateContext) {
        backOutOf(&state.library)
    }

    /// `w`: the next wave's assets, then every wave's.
    static func nextWave(_ state: inout UIState, context: UpdateContext) {
        let waves = context.workspace.waves.map(\.id)
        let index = waves.firstIndex { $0 == state.library.wave }.map { $0 + 1 } ?? 0
        state.library.wave = index < waves.count ? waves[index] : nil
        showFirstRow(&state.library)
        let name = state.library.wave.flatMap(context.workspace.wave)?.name
        state.message = StatusMessage(.info, name.map { "showing \($0)'s assets" } ?? "showing every wave's assets")
    }

    static func reverseSort(_ state: inout UIState) {
        state.library.sortReversed.toggle()
        showFirstRow(&state.library)
        state.message = StatusMessage(.info, SortMark.message(state.library.sort.rawValue, reversed: state.library.sortReversed))
    }
}

/// What the Library's own keys do (`KeyMap+Library` names them): rights, tags, and the
/// filters that keep content within its licence.
enum LibraryKeys {
    static func nextRightsStatus(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.library.rights = state.library.rights.next
        showFirstRow(&state.library)
        state.message = StatusMessage(.info, state.library.rights == .all ? "showing every rights status"
                                                                         : "showing assets with \(state.library.rights.label) rights")
        return []
    }

    static func nextSort(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.library.sort = state.library.sort.next
        state.library.sortReversed = false
        showFirstRow(&state.library)
        state.message = StatusMessage(.info, "sorted by \(state.library.sort.rawValue)")
        return []
    }

    static func usableFor(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.prompt = Prompt(.library(.usableFor), text: state.library.usable.map { "\($0.use.slug) \($0.country ?? "")".trimmingSpaces } ?? "")
        return []
    }

    /// `+` and `-`: asks for the tags to add to or remove from the marked assets.
    static func tag(_ action: Action, _ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        let ids = libraryTargets(state, context: context)
        guard !ids.isEmpty else {
            state.message = StatusMessage(.warning, "no asset to tag")
            return []
        }
        state.prompt = Prompt(.library(action == .addTags ? .addTags(ids) : .removeTags(ids)))
        return []
    }

    static func editRights(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        guard let id = context.named?.assets?.first ?? context.libraryTable.id(at: state.library.cursor), let asset = context.workspace.asset(id),
              let today = context.today else {
            state.message = StatusMessage(.warning, "no asset to edit")
            return []
        }
        let handle = context.workspace.creator(asset.creatorID).map { "@" + $0.handle } ?? asset.creatorID.rawValue
        state.form = OpenForm(.editRights(id, today: today), RightsForm.form(for: asset, handle: handle, today: today))
        return []
    }
}

/// Esc in the Library: marks first, then the typed filter, then the other filters one at a time.
private func backOutOf(_ library: inout LibraryState) {
    if !library.marks.isEmpty {
        library.marks = []
        return
    }
    if library.filter.isActive {
        library.filter = Filter()
    } else if library.usable != nil {
        library.usable = nil
    } else if library.rights != .all {
        library.rights = .all
    } else {
        library.wave = nil
    }
    showFirstRow(&library)
}

private func showFirstRow(_ library: inout LibraryState) {
    library.list.startOver()
}

/// The assets an action applies to: those the palette named, the marked rows, or else the cursor row.
private func libraryTargets(_ state: UIState, context: UpdateContext) -> [AssetID] {
    if let ids = context.named?.assets { return ids }
    if !state.library.marks.isEmpty { return state.library.marks.sorted() }
    return context.libraryTable.id(at: state.library.cursor).map { [$0] } ?? []
}
