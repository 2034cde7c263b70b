import ChorusCore

/// The Library pane's rows as derived data: which assets pass the filters, in the chosen
/// order, with each asset's rights status today and the counts per status. Search text is
/// folded once per change to the workspace, and the rows are rebuilt only when a filter, the
/// sort or the workspace changed, so moving the cursor or marking costs nothing.
final class LibraryRows {
    private struct Key: Hashable {
        var generation: Int; var text: String; var rights: RightsFilter; var usable: UsableFor?; var wave: WaveID?
        var sort: LibrarySort; var reversed: Bool; var today: Day?
    }
    private var key: Key?
    private var foldedGeneration: Int?
    /// Per asset, parallel to `Workspace.assets`: its searchable fields folded, joined by newlines.
    private var folded: [String] = []
    private var statuses: [RightsStatus] = []

    private(set) var ids: [AssetID] = []
    /// How many assets have each rights status today, over the whole library.
    private(set) var counts: [RightsStatus: Int] = [:]
    /// Every tag in the library, sorted, for completion.
    private(set) var tags: [String] = []
    private var statusByID: [AssetID: RightsStatus] = [:]
    /// How often the search text was folded and the rows rebuilt, so tests can prove a cursor move does neither.
    private(set) var rebuilds = (folds: 0, rows: 0)

    var count: Int { ids.count }

    func id(at row: Int) -> AssetID? { ids.indices.contains(row) ? ids[row] : nil }
    func row(of id: AssetID) -> Int? { ids.firstIndex(of: id) }

    /// The rights status of `id` today, as the rows were built.
    func status(of id: AssetID) -> RightsStatus { statusByID[id] ?? .none }

    func refresh(_ workspace: Workspace, generation: Int, state: LibraryState, today: Day?) {
        let key = Key(generation: generation, text: CreatorSearchText.fold(state.filter.text), rights: state.rights, usable: state.usable,
                      wave: state.wave, sort: state.sort, reversed: state.sortReversed, today: today)
        guard key != self.key else { return }
        self.key = key
        if foldedGeneration != generation || statuses.count != workspace.assets.count {
            fold(workspace, today: today)
            foldedGeneration = generation
            rebuilds.folds += 1
        }
        let words = key.text.split(separator: " ").map(String.init)
        var rows: [Int] = []
        for (index, asset) in workspace.assets.enumerated()
        where (key.wave == nil || asset.waveID == key.wave) && key.rights.admits(statuses[index]) && Self.matches(folded[index], words) {
            if let usable = key.usable, !(today.map { usable.admits(asset, on: $0) } ?? false) { continue }
            rows.append(index)
        }
        var order = sorted(rows, workspace.assets.rows, by: key.sort)
        if key.reversed {
            // Assets never posted or without rights stay last either way.
            let split = order.splitByFigure { index in
                let asset = workspace.assets[index]
                return key.sort == .posted ? asset.postedOn != nil : key.sort == .rightsEnd ? asset.rights != nil : true
            }
            order = split.with.reversed() + split.without
        }
        ids = order.map { workspace.assets[$0].id }
        rebuilds.rows += 1
    }

    private func fold(_ workspace: Workspace, today: Day?) {
        let warning = workspace.program.settings.rightsExpiryWarningDays
        statuses = workspace.assets.map { asset in today.map { asset.rightsStatus(on: $0, warningDays: warning) } ?? .none }
        folded = zip(workspace.assets, statuses).map { asset, status in
            let creator = workspace.creator(asset.creatorID), wave = workspace.wave(asset.waveID)
            // The rights as the column says them (`expired`, `ends in 9d`), so they filter like any column.
            let fields = [asset.id.rawValue, creator.map { "@" + $0.handle } ?? asset.creatorID.rawValue, creator?.name ?? "",
                          asset.waveID.rawValue, wave?.name ?? "", asset.platform.rawValue, asset.kind.rawValue,
                          LibraryPane.rightsText(status, asset.rights, today: today), asset.caption]
                + asset.tags.map { "#" + $0 }
            // Folded one by one: folding turns a newline into a visible placeholder.
            return fields.map { CreatorSearchText.fold($0) + "\n" }.joined()
        }
        statusByID = Dictionary(zip(workspace.assets.map(\.id), statuses), uniquingKeysWith: { a, _ in a })
        counts = statuses.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        tags = Set(workspace.assets.flatMap(\.tags)).sorted()
    }

    /// Every word must match: `#spf` matches a tag starting with "spf"; other words any field.
    private static func matches(_ text: String, _ words: [String]) -> Bool {
        words.allSatisfy { word in
            word.hasPrefix("#") ? text.contains("\n" + word) || text.hasPrefix(word) : text.contains(word)
        }
    }

    private func sorted(_ rows: [Int], _ assets: [Asset], by sort: LibrarySort) -> [Int] {
        let far = Day(ordinal: Int32.max)
        switch sort {
        case .views: return rows.sorted { (assets[$1].metrics.views, $0) < (assets[$0].metrics.views, $1) }
        case .clicks: return rows.sorted { (assets[$1].metrics.clicks, $0) < (assets[$0].metrics.clicks, $1) }
        case .engagement:
            return rows.sorted { (assets[$1].metrics.engagementRate, $0) < (assets[$0].metrics.engagementRate, $1) }
        case .posted:
            let never = Day(ordinal: Int32.min)
            return rows.sorted { (assets[$1].postedOn ?? never, $0) < (assets[$0].postedOn ?? never, $1) }
        case .rightsEnd:
            return rows.sorted { (assets[$0].rights?.end ?? far, $0) < (assets[$1].rights?.end ?? far, $1) }
        }
    }
}
