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
    /// The overview and cohorts, for those views of the panel under the list.
    var figures: OverviewCache.Status = .computing
    var noColor = false
    /// The counts per wave, kept between frames; without it they are counted for this frame.
    var tallies: WaveTallies?

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

    func draw(_ grid: inout Grid, _ layout: Layout) {
        let waves = workspace.waves
        grid.put(" Waves · \(waves.count) wave\(waves.count == 1 ? "" : "s") · n new · e edit · C copy · v \(state.view.next.title)", x: 0, y: layout.titleBar.y,
                 width: layout.titleBar.width, role: .title)
        let main = layout.body
        guard !waves.isEmpty else {
            grid.put(" This program has no waves yet. Press n to start one.", x: main.x, y: main.y, width: main.width, role: .mutedText)
            return
        }
        let rows = Self.tableRows(at: layout.size, waves: waves.count)
        drawList(waves, &grid, Rect(x: main.x, y: main.y, width: main.width, height: rows + 1))
        guard let wave = waves[safe: state.cursor] else { return }
        let top = main.y + rows + 1
        grid.put(String(repeating: "─", count: main.width), x: main.x, y: top, role: .border)
        let panel = Rect(x: main.x + 1, y: top + 1, width: main.width - 2, height: main.maxY - top - 1)
        switch state.view {
        case .brief: CreatorDetail.draw(WaveDetail(wave: wave, workspace: workspace).lines, &grid, panel)
        case .overview: ProgramOverviewView(status: overviewStatus, workspace: workspace, noColor: noColor).draw(&grid, panel)
        case .cohorts:
            CohortView(status: cohortStatus, dimension: state.cohortDimension, currency: workspace.program.currency).draw(&grid, panel)
        }
    }

    private var overviewStatus: ProgramOverviewView.Status {
        switch figures {
        case .loadingOrders: .loadingOrders
        case .computing: .computing
        case .ready(let figures): .ready(figures.overview)
        }
    }

    private var cohortStatus: CohortView.Status {
        switch figures {
        case .loadingOrders: .loadingOrders
        case .computing: .computing
        case .ready(let figures): .ready(figures.cohorts)
        }
    }

    private func drawList(_ waves: [Wave], _ grid: inout Grid, _ rect: Rect) {
        let fixed = Column.allCases.reduce(0) { $0 + $1.width + 1 }
        var x = rect.x + 2
        let columns = Column.allCases.map { column in
            let width = column == .name ? max(8, rect.width - 2 - fixed) : column.width
            defer { x += width + 1 }
            return (column, x, width)
        }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .header)
        for (column, x, width) in columns { put(column.title, column, x: x, y: rect.y, width: width, role: .header, &grid) }
        let counts = tallies?.counts(workspace) ?? WaveTallies.count(workspace)
        for line in 0..<(rect.height - 1) {
            let row = state.scroll + line
            guard let wave = waves[safe: row] else { break }
            let y = rect.y + 1 + line
            for (column, x, width) in columns {
                put(text(column, wave, counts), column, x: x, y: y, width: width, role: role(column, wave), &grid)
            }
            if wave.id == workingWave { grid.put("▸", x: rect.x, y: y, role: .title) }
            if row == state.cursor { grid.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection) }
        }
    }

    private func put(_ text: String, _ column: Column, x: Int, y: Int, width: Int, role: StyleRole, _ grid: inout Grid) {
        if column.isNumeric {
            grid.putRight(text, maxX: x + width, y: y, width: width, role: role)
        } else {
            grid.put(text, x: x, y: y, width: width, role: role)
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
