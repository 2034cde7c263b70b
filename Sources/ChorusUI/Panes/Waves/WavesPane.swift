import ChorusCore

/// The Waves pane: the program's waves in the order they were run, with status, dates,
/// budget and how many creators and parcels each has, and the brief and incentive plan of
/// the wave under the cursor in a panel under the list, which keeps the list's columns wide.
/// Multi-wave is how a program learns, so the waves are compared row by row here.
struct WavesPane {
    let state: WavesState
    /// The wave the Pipeline and Seeding panes show, marked `▸`.
    let workingWave: WaveID?
    let workspace: Workspace
    /// For the cursor wave's results in the panel.
    let ledger: Derived<Ledger>
    /// The overview and cohorts, for those views of the panel under the list.
    var figures: Derived<OverviewFigures> = .computing
    var noColor = false
    /// The counts per wave, kept between frames; without it they are counted for this frame.
    let tallies: WaveTallies

    /// Rows the list may take: all the waves, up to half the body, so the brief stays in view.
    static func tableRows(at size: Size, waves: Int) -> Int {
        max(1, min(waves, (Layout(size: size).body.height - 1) / 2))
    }

    private enum Column: CaseIterable {
        case name, status, start, end, budget, creators, parcels

        var title: String {
            switch self {
            case .name: "WAVE"
            case .status: "STATUS"
            case .start: "STARTS"
            case .end: "ENDS"
            case .budget: "BUDGET"
            case .creators: "CREATORS"
            case .parcels: "PARCELS"
            }
        }

        /// Fixed widths; the name takes what is left.
        var width: Int {
            switch self {
            case .name: 0
            case .status: 10
            case .start, .end: 10
            case .budget: 13
            case .creators: 8
            case .parcels: 7
            }
        }

        var isNumeric: Bool { self == .budget || self == .creators || self == .parcels }
    }

    /// The waves the list shows: every wave, or those whose columns hold every word of the filter.
    static func shown(_ workspace: Workspace, filter: Filter) -> [Wave] {
        let words = FilterWords.of(filter.text)
        guard !words.isEmpty else { return workspace.waves.rows }
        return workspace.waves.filter { wave in
            FilterWords.match(words, in: [wave.id.rawValue, wave.name, wave.slug, wave.status.label, wave.startDate?.description,
                                          wave.endDate?.description, wave.budget.description])
        }
    }

    func draw(_ grid: inout Grid, _ layout: Layout) {
        let waves = Self.shown(workspace, filter: state.filter)
        var title = " Waves · \(waves.count) wave\(waves.count == 1 ? "" : "s") · n new · e edit · C copy · v \(state.view.next.title)"
        if !state.filter.text.isEmpty { title += " · filter \"\(state.filter.text)\"" }
        grid.put(title, x: 0, y: layout.titleBar.y, width: layout.titleBar.width, role: .title)
        let main = layout.body
        guard !waves.isEmpty else {
            let empty = state.filter.text.isEmpty ? "This program has no waves yet. Press n to start one."
                : "No wave matches — Esc clears the filter."
            grid.put(" " + empty, x: main.x, y: main.y, width: main.width, role: .mutedText)
            return
        }
        let rows = Self.tableRows(at: layout.size, waves: waves.count)
        drawList(waves, &grid, Rect(x: main.x, y: main.y, width: main.width, height: rows + 1))
        guard let wave = waves[safe: state.cursor] else { return }
        let top = main.y + rows + 1
        grid.put(String(repeating: "─", count: main.width), x: main.x, y: top, role: .border)
        switch state.view {
        case .brief:
            let panel = Self.detailPanel(at: layout.size, waves: waves.count)
            var results: Ledger.KPIs?
            if case .ready(let built) = ledger { results = Self.results(of: wave, in: built) }
            let lines = Self.detailLines(wave, workspace: workspace, results: results, width: panel.width)
            let first = min(state.detailScroll, max(0, lines.count - panel.height))
            if lines.count > panel.height {
                let position = " lines \(first + 1)–\(first + panel.height) of \(lines.count) · J/K scroll "
                grid.putRight(position, maxX: main.maxX - 1, y: panel.y - 1, width: main.width - 2, role: .keyHint)
            }
            SubmissionDetail.draw(Array(lines.dropFirst(first).prefix(panel.height)), &grid, panel)
        case .overview:
            let panel = Rect(x: main.x + 1, y: top + 1, width: main.width - 2, height: main.maxY - top - 1)
            ProgramOverviewView(status: figures.map(\.overview), workspace: workspace, noColor: noColor).draw(&grid, panel)
        case .cohorts:
            let panel = Rect(x: main.x + 1, y: top + 1, width: main.width - 2, height: main.maxY - top - 1)
            CohortView(status: figures.map(\.cohorts), dimension: state.cohortDimension, currency: workspace.program.currency).draw(&grid, panel)
        }
    }

    /// Where the brief of the wave under the cursor goes: under the list and its divider.
    static func detailPanel(at size: Size, waves: Int) -> Rect {
        let main = Layout(size: size).body
        let top = main.y + tableRows(at: size, waves: waves) + 2
        return Rect(x: main.x + 1, y: top, width: main.width - 2, height: max(0, main.maxY - top))
    }

    /// The brief's lines wrapped to the panel: long lists of products or messages go on to the next line.
    static func detailLines(_ wave: Wave, workspace: Workspace, results: Ledger.KPIs?, width: Int) -> [[SubmissionDetail.Span]] {
        DetailOverlay.wrap(WaveDetail(wave: wave, workspace: workspace, results: results).lines, width: width)
    }

    /// The wave's spend and returns, once the ledger is built.
    static func results(of wave: Wave, in ledger: Ledger) -> Ledger.KPIs {
        Ledger.KPIs(ledger.rows.lazy.filter { $0.waveID == wave.id }, budget: wave.budget.minorUnits)
    }

    /// How far J can scroll the panel: its last line at the bottom.
    static func detailScrollLimit(_ wave: Wave, workspace: Workspace, ledger: Ledger?, panel: Rect) -> Int {
        let results = ledger.map { Self.results(of: wave, in: $0) }
        return max(0, detailLines(wave, workspace: workspace, results: results, width: panel.width).count - panel.height)
    }

    private func drawList(_ waves: [Wave], _ grid: inout Grid, _ rect: Rect) {
        let fixed = Column.allCases.reduce(0) { $0 + $1.width + 1 }
        var x = rect.x + 2
        let columns = Column.allCases.map { column in
            let width = column == .name ? max(8, rect.width - 2 - fixed) : column.width
            defer { x += width + 1 }
            return (column, x, width)
        }
        let view = TableView(columns: columns, isNumber: \.isNumeric)
        view.drawHeader(&grid, y: rect.y, from: rect, title: \.title)
        let counts = tallies.counts
        let list = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        view.drawRows(&grid, list, list: state.list, count: waves.count, empty: "") { row in
            guard let wave = waves[safe: row] else { return nil }
            return .init(id: wave.id, cell: { (text($0, wave, counts), role($0, wave)) }) { grid, y, _ in
                if wave.id == workingWave { grid.put("▸", x: rect.x, y: y, role: .title) }
            }
        }
    }

    private func text(_ column: Column, _ wave: Wave, _ counts: WaveTallies.Counts) -> String {
        switch column {
        case .name: wave.name
        case .status: wave.status.label
        case .start: wave.startDate?.description ?? "—"
        case .end: wave.endDate?.description ?? "—"
        case .budget: wave.budget.description
        case .creators: "\(counts.creators[wave.id] ?? 0)"
        case .parcels: "\(counts.parcels[wave.id] ?? 0)"
        }
    }

    private func role(_ column: Column, _ wave: Wave) -> StyleRole {
        switch (column, wave.status) {
        case (.status, .live): .success
        case (.status, .closed): .mutedText
        default: wave.status == .closed ? .mutedText : .text
        }
    }
}

extension WavesPane: ListPane {
    /// The waves are read from the workspace as drawn; only their tallies are derived.
    static func refreshRows(_ console: Console) {
        console.tallies.refresh(console.session.workspace, generation: console.session.derived.revision)
    }

    static var state: WritableKeyPath<UIState, WavesState> { \.waves }

    static func draw(_ frame: Renderer, _ grid: inout Grid, _ layout: Layout) {
        WavesPane(state: frame.state.waves, workingWave: frame.state.pipeline.waveID, workspace: frame.workspace, ledger: frame.ledger,
                  figures: frame.figures, noColor: frame.noColor, tallies: frame.tallies).draw(&grid, layout)
    }

    static func listArea(_ state: UIState, context: UpdateContext, layout: Layout) -> ListArea {
        let waves = shown(context.workspace, filter: state.waves.filter).count
        return ListArea(top: layout.body.y + 1, rows: waves, page: tableRows(at: state.size, waves: waves), maxX: layout.body.maxX)
    }

    static func rowCount(_ frame: Renderer) -> Int { shown(frame.workspace, filter: frame.state.waves.filter).count }

    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)? {
        // The wave on the row under the cursor, as the filter shows them, like every other key here.
        shown(context.workspace, filter: state.waves.filter)[safe: state.waves.cursor].map { ($0.id.rawValue, "id of \($0.name)") }
    }
}
