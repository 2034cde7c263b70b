import ChorusCore

/// The Library pane: approved content with who made it, where it ran, how it performs and
/// what its licence allows today. Counts per rights status sit above the table, so lapsing
/// licences are in view from any filter, and an expired row is red from end to end: the one
/// mistake this pane exists to prevent is running content after its rights ended.
struct LibraryPane {
    let state: LibraryState
    let workspace: Workspace
    let table: LibraryRows
    let today: Day?

    /// Rows above the table inside the main area: status counts and the header.
    static let chromeRows = 2

    static func tableRows(at size: Size) -> Int { max(1, Layout(size: size).body.height - chromeRows) }

    private enum Column: CaseIterable {
        case id, creator, wave, platform, kind, posted, views, engagement, clicks, rights, until, tags

        var title: String {
            switch self {
            case .id: "ASSET"
            case .creator: "CREATOR"
            case .wave: "WAVE"
            case .platform: "PLATFORM"
            case .kind: "KIND"
            case .posted: "POSTED"
            case .views: "VIEWS"
            case .engagement: "ER"
            case .clicks: "CLICKS"
            case .rights: "RIGHTS"
            case .until: "UNTIL"
            case .tags: "TAGS"
            }
        }

        /// Fixed widths; the creator and tags columns share what is left. Less telling columns go first when narrow.
        /// The column each sort orders by; it has room for its title and the sort mark.
        static let sortable: [Column: LibrarySort] = [.views: .views, .engagement: .engagement, .clicks: .clicks, .posted: .posted,
                                                      .until: .rightsEnd]

        var width: Int { Self.sortable[self] == nil ? ownWidth : SortMark.width(ownWidth, title: title) }

        private var ownWidth: Int {
            switch self {
            case .id: 7
            case .creator: 0
            case .wave: 4
            case .platform: 9
            case .kind: 8
            case .posted: 10
            case .views: 6
            case .engagement: 5
            case .clicks: 6
            case .rights: 11
            case .until: 10
            case .tags: 18
            }
        }

        var isNumber: Bool { self == .views || self == .engagement || self == .clicks }
    }

    func draw(_ grid: inout Grid, _ layout: Layout) {
        drawTitle(&grid, layout.titleBar)
        let body = layout.body
        drawCounts(&grid, Rect(x: body.x, y: body.y, width: body.width, height: 1))
        let columns = TableView(columns: layoutColumns(width: body.width - 2), isNumber: \.isNumber)
        let sorted = Column.sortable.first { $0.value == state.sort }?.key
        columns.drawHeader(&grid, y: body.y + 1, from: body) { SortMark.title($0.title, sorted: $0 == sorted, reversed: state.sortReversed) }
        drawRows(&grid, columns, Rect(x: body.x, y: body.y + Self.chromeRows, width: body.width, height: body.height - Self.chromeRows))
    }

    private func layoutColumns(width: Int) -> [(Column, x: Int, width: Int)] {
        var shown = Column.allCases
        let fixed = { shown.reduce(0) { $0 + $1.width + 1 } }
        while fixed() + 18 > width,
              let drop = [Column.kind, .clicks, .wave, .posted, .platform, .engagement, .tags]
                  .first(where: { shown.contains($0) && Column.sortable[$0] != state.sort }) {
            shown.removeAll { $0 == drop }
        }
        // The creator takes what is left up to a handle's usual length; past that, tags get the room.
        let spare = max(8, width - fixed())
        let creatorWidth = shown.contains(.tags) ? min(spare, 26) : spare
        var x = 2
        return shown.map { column in
            let columnWidth = switch column {
            case .creator: creatorWidth
            case .tags: column.width + spare - creatorWidth
            default: column.width
            }
            defer { x += columnWidth + 1 }
            return (column, x, columnWidth)
        }
    }

    private func drawTitle(_ grid: inout Grid, _ rect: Rect) {
        var parts = ["Library", "\(table.count) asset\(table.count == 1 ? "" : "s")"]
        if let wave = state.wave.flatMap(workspace.wave) { parts.append(wave.name) }
        if state.rights != .all { parts.append("\(state.rights.label) rights") }
        if let usable = state.usable { parts.append("usable today for \(usable.label)") }
        if !state.filter.text.isEmpty { parts.append("filter \"\(state.filter.text)\"") }
        parts.append("sort: \(state.sort.rawValue)" + (state.sortReversed ? ", reversed" : ""))
        grid.put(" " + parts.joined(separator: " · "), x: rect.x, y: rect.y, width: rect.width, role: .title)
    }

    private func drawCounts(_ grid: inout Grid, _ rect: Rect) {
        var x = rect.x + 1
        let shown: [(RightsFilter, RightsStatus)] = [(.expiring, .expiring), (.expired, .expired), (.active, .active), (.none, .none)]
        for (filter, status) in shown where x < rect.maxX {
            let count = table.counts[status] ?? 0
            x += grid.put("\(filter.label) ", x: x, y: rect.y, width: rect.maxX - x, role: filter == state.rights ? .title : .mutedText)
            let role: StyleRole = count == 0 ? .mutedText : (status == .expiring ? .warning : status == .expired ? .danger : .text)
            x += grid.put("\(count)", x: x, y: rect.y, width: rect.maxX - x, role: role)
            x += grid.put("  ", x: x, y: rect.y, width: rect.maxX - x, role: .mutedText)
        }
        if x < rect.maxX {
            let warning = workspace.program.settings.rightsExpiryWarningDays
            grid.put("(expiring: ends within \(warning) days)", x: x, y: rect.y, width: rect.maxX - x, role: .mutedText)
        }
    }

    private func drawRows(_ grid: inout Grid, _ columns: TableView<Column>, _ rect: Rect) {
        let isFiltered = !state.filter.text.isEmpty || state.rights != .all || state.usable != nil || state.wave != nil
        let empty = isFiltered ? "No asset matches — Esc clears one filter at a time."
                               : "No content in the library yet. Approved submissions land here."
        columns.drawRows(&grid, rect, list: state.list, count: table.count, empty: empty) { row in
            guard let id = table.id(at: row), let asset = workspace.asset(id) else { return nil }
            let status = table.status(of: id)
            return .init(id: id, cell: { (text($0, asset, status), role($0, status)) }, keepsUnderCursor: status == .expired ? [.danger] : [])
        }
    }

    private func text(_ column: Column, _ asset: Asset, _ status: RightsStatus) -> String {
        switch column {
        case .id: return asset.id.rawValue
        case .creator: return workspace.creator(asset.creatorID).map { "@\($0.handle)" } ?? asset.creatorID.rawValue
        case .wave: return asset.waveID.rawValue
        case .platform: return asset.platform.rawValue
        case .kind: return asset.kind.rawValue
        case .posted: return asset.postedOn?.description ?? "—"
        case .views: return PipelineColumns.compactCount(asset.metrics.views)
        case .engagement: return asset.metrics.views == 0 ? "—" : Percentage.text(asset.metrics.engagementRate)
        case .clicks: return PipelineColumns.compactCount(asset.metrics.clicks)
        case .rights: return Self.rightsText(status, asset.rights, today: today)
        case .until: return asset.rights?.end.description ?? ""
        case .tags: return asset.tags.joined(separator: " ")
        }
    }

    /// What the licence means today, in a word or two: `active`, `ends in 9d`, `EXPIRED`.
    static func rightsText(_ status: RightsStatus, _ rights: UsageRights?, today: Day?) -> String {
        switch status {
        case .active: return "active"
        case .expiring:
            let days = today.flatMap { day in rights.map { day.days(until: $0.end) } } ?? 0
            return days == 0 ? "ends today" : "ends in \(days)d"
        case .expired: return "✗ EXPIRED"
        case .notYetActive: return rights.map { "from \($0.start)" } ?? "not yet"
        case .none: return "no rights"
        }
    }

    private func role(_ column: Column, _ status: RightsStatus) -> StyleRole {
        if status == .expired { return .danger }
        switch column {
        case .rights, .until:
            switch status {
            case .expiring: return .warning
            case .active: return .success
            case .none, .notYetActive: return .mutedText
            case .expired: return .danger
            }
        case .id, .wave, .posted, .tags: return .mutedText
        default: return .text
        }
    }
}

extension LibraryPane: ListPane {
    static func holdCursor(_ console: Console) {
        console.state.library.list.hold(console.libraryTable.id(at: console.state.library.cursor))
    }

    static func refreshRows(_ console: Console) {
        let table = console.libraryTable
        table.refresh(console.session.workspace, generation: console.session.derived.revision, state: console.state.library, today: console.today)
        console.state.library.list.settle(rows: table.count, page: tableRows(at: console.state.size), rowOf: table.row(of:))
    }

    static var state: WritableKeyPath<UIState, LibraryState> { \.library }

    static func draw(_ frame: Renderer, _ grid: inout Grid, _ layout: Layout) {
        LibraryPane(state: frame.state.library, workspace: frame.workspace, table: frame.libraryTable, today: frame.today).draw(&grid, layout)
    }

    static func listArea(_ state: UIState, context: UpdateContext, layout: Layout) -> ListArea {
        ListArea(top: layout.body.y + chromeRows, rows: context.libraryTable.count, page: tableRows(at: state.size), maxX: layout.body.maxX)
    }

    static func rowCount(_ frame: Renderer) -> Int { frame.libraryTable.count }

    /// Licences about to lapse are named on every Library screen, whatever filter is on.
    static func statusNotes(_ frame: Renderer) -> [(text: String, role: StyleRole)] {
        guard let expiring = frame.libraryTable.counts[.expiring], expiring > 0 else { return [] }
        return [("\(expiring) expiring", .warning)]
    }

    /// An asset's post URL; its id before it is posted.
    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)? {
        guard let asset = context.libraryTable.id(at: state.library.cursor).flatMap(context.workspace.asset) else { return nil }
        if let url = asset.postURL, !url.isEmpty { return (url, "post URL of \(asset.id)") }
        return (asset.id.rawValue, "asset id; it has no post URL yet")
    }

    static func messageRecipients(_ state: UIState, context: UpdateContext) -> [(CreatorID, WaveID)]? {
        let ids = state.library.marks.isEmpty ? context.libraryTable.id(at: state.library.cursor).map { [$0] } ?? [] : state.library.marks.sorted()
        return ids.compactMap { context.workspace.asset($0).map { ($0.creatorID, $0.waveID) } }
    }
}
