import ChorusCore

/// The Approvals pane: the inbox of drafts, pending first and oldest first, with who, which
/// wave, which deliverable, the round, the age in business days (overdue ones stand out) and
/// the compliance outcome; on a wide terminal the selected draft's details sit beside it.
struct ApprovalsPane {
    let state: ApprovalsState
    let workspace: Workspace
    let table: ApprovalsRows
    let today: Day?

    /// Rows above the table inside the main area: counts and the header.
    static let chromeRows = 2

    static func tableRows(at size: Size) -> Int { max(1, Layout(size: size).main.height - chromeRows) }

    private enum Column: CaseIterable {
        case id, creator, wave, deliverable, round, age, checks

        var title: String {
            switch self {
            case .id: "DRAFT"
            case .creator: "CREATOR"
            case .wave: "WAVE"
            case .deliverable: "DELIVERABLE"
            case .round: "RND"
            case .age: "AGE"
            case .checks: "CHECKS"
            }
        }

        /// Fixed widths; the creator column takes what is left. Later columns go first when narrow.
        var width: Int {
            switch self {
            case .id: 8
            case .creator: 0
            case .wave: 6
            case .deliverable: 16
            case .round: 3
            case .age: 11
            case .checks: 24
            }
        }
    }

    func draw(_ grid: inout Grid, _ layout: Layout) {
        drawTitle(&grid, layout.titleBar)
        let main = layout.main
        drawCounts(&grid, Rect(x: main.x, y: main.y, width: main.width, height: 1))
        let columns = TableView(columns: layoutColumns(width: main.width - 2, rows: main.height - Self.chromeRows)) { _ in false }
        columns.drawHeader(&grid, y: main.y + 1, from: main, title: \.title)
        drawRows(&grid, columns, Rect(x: main.x, y: main.y + Self.chromeRows, width: main.width, height: main.height - Self.chromeRows))
        if let side = layout.sidePanel { drawSidePanel(&grid, side) }
    }

    /// The draft under the cursor, if any.
    var selected: Submission? { table.id(at: state.cursor).flatMap(workspace.submission) }

    /// The checks column grows to show whole failures and waivers on the rows shown.
    private func layoutColumns(width: Int, rows: Int) -> [(Column, x: Int, width: Int)] {
        let shown = (state.scroll..<state.scroll + max(0, rows)).compactMap { table.id(at: $0).flatMap(workspace.submission) }
        let wanted = [Column.creator, .checks].map { column in
            (column, ColumnLayout.widest(shown.map { cell(column, $0, failures: table.failures(of: $0), overdue: false).0 }))
        }
        return ColumnLayout.fit(Column.allCases, width: width, flexible: .creator, dropFirst: [.wave, .round, .deliverable], widthOf: \.width,
                                wanted: Dictionary(uniqueKeysWithValues: wanted))
    }

    private func drawTitle(_ grid: inout Grid, _ rect: Rect) {
        var parts = ["Approvals", "\(table.count) \(state.view.label)"]
        if table.overdue > 0, state.view != .overdue { parts.append("\(table.overdue) overdue") }
        if !state.filter.text.isEmpty { parts.append("filter \"\(state.filter.text)\"") }
        grid.put(" " + parts.joined(separator: " · "), x: rect.x, y: rect.y, width: rect.width, role: .title)
    }

    private func drawCounts(_ grid: inout Grid, _ rect: Rect) {
        var x = rect.x + 1
        for view in InboxView.allCases where view != .all && x < rect.maxX {
            let count = table.counts[view] ?? 0
            x += grid.put("\(view.label) ", x: x, y: rect.y, width: rect.maxX - x, role: view == state.view ? .title : .mutedText)
            x += grid.put("\(count)", x: x, y: rect.y, width: rect.maxX - x, role: count == 0 ? .mutedText : .text)
            x += grid.put("  ", x: x, y: rect.y, width: rect.maxX - x, role: .mutedText)
        }
    }

    private func drawRows(_ grid: inout Grid, _ columns: TableView<Column>, _ rect: Rect) {
        let empty = !state.filter.text.isEmpty ? "No draft matches — Esc clears the filter."
            : state.view == .pending ? "Inbox zero: no draft is waiting for a decision. f shows the others."
            : "No \(state.view.label) drafts. f shows the next status."
        let threshold = workspace.program.settings.overdueBusinessDays
        columns.drawRows(&grid, rect, list: state.list, count: table.count, empty: empty) { row in
            guard let id = table.id(at: row), let submission = workspace.submission(id) else { return nil }
            let failures = table.failures(of: submission)
            let overdue = today.map { submission.isOverdue(on: $0, after: threshold) } ?? false
            return .init(id: id, cell: { cell($0, submission, failures: failures, overdue: overdue) },
                         flag: overdue ? ("!", .warning) : nil)
        }
    }

    private func cell(_ column: Column, _ submission: Submission, failures: [ComplianceCheck], overdue: Bool) -> (String, StyleRole) {
        switch column {
        case .id: return (submission.id.rawValue, .mutedText)
        case .creator: return (workspace.creator(submission.creatorID).map { "@\($0.handle)" } ?? submission.creatorID.rawValue, .text)
        case .wave: return (submission.waveID.rawValue, .mutedText)
        case .deliverable: return ("\(submission.platform.label) \(submission.format.rawValue)", .text)
        case .round: return (String(submission.round), submission.round > 1 ? .info : .mutedText)
        case .age:
            guard let today else { return ("", .text) }
            let age = "\(submission.ageInBusinessDays(on: today))d"
            return overdue ? (age + " overdue", .warning) : (age, .text)
        case .checks:
            if let waiver = submission.waiver { return ("\(submission.status.label) · \(waiver.summary)", .warning) }
            if submission.status != .pending { return (submission.status.label, submission.status == .approved ? .success : .mutedText) }
            guard let first = failures.first else { return ("✓ pass", .success) }
            let more = failures.count > 1 ? " +\(failures.count - 1)" : ""
            return ("✗ " + Self.shortName(first) + more, .danger)
        }
    }

    /// The failing check in a word or two, for the narrow column; the detail names it in full.
    static func shortName(_ check: ComplianceCheck) -> String {
        switch check.kind {
        case .disclosure: "no ad disclosure"
        case .disclosurePlacement: "disclosure buried"
        case .hashtag, .mention: check.summary
        case .bannedWord: "banned claim"
        case .usageRights: "no usage rights"
        }
    }

    private func drawSidePanel(_ grid: inout Grid, _ rect: Rect) {
        for y in rect.y..<rect.maxY { grid.put("│", x: rect.x, y: y, role: .border) }
        let inside = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 3, height: rect.height)
        guard let submission = selected else {
            grid.put("Nothing selected", x: inside.x, y: inside.y, width: inside.width, role: .mutedText)
            return
        }
        let detail = SubmissionDetail(submission: submission, workspace: workspace, today: today)
        SubmissionDetail.draw(detail.lines(width: inside.width), &grid, inside)
    }
}

extension ApprovalsPane: ListPane {
    static func holdCursor(_ console: Console) {
        console.state.approvals.list.hold(console.approvalsTable.id(at: console.state.approvals.cursor))
    }

    static func refreshRows(_ console: Console) {
        let (table, workspace) = (console.approvalsTable, console.session.workspace)
        table.refresh(workspace, generation: console.session.derived.revision, state: console.state.approvals, today: console.today)
        let page = tableRows(at: console.state.size)
        console.state.approvals.list.settle(rows: table.count, page: page, rowOf: table.row(of:))
        table.checkShown(workspace, rows: console.state.approvals.scroll..<console.state.approvals.scroll + page)
        if console.state.overlay == .submissionDetail, table.count == 0, console.state.approvals.decidedElsewhere == nil {
            console.state.overlay = nil
        }
    }

    static var state: WritableKeyPath<UIState, ApprovalsState> { \.approvals }

    static func draw(_ frame: Renderer, _ grid: inout Grid, _ layout: Layout) {
        ApprovalsPane(state: frame.state.approvals, workspace: frame.workspace, table: frame.approvalsTable, today: frame.today)
            .draw(&grid, layout)
    }

    static func listArea(_ state: UIState, context: UpdateContext, layout: Layout) -> ListArea {
        ListArea(top: layout.main.y + chromeRows, rows: context.approvalsTable.count, page: tableRows(at: state.size), maxX: layout.main.maxX)
    }

    static func rowCount(_ frame: Renderer) -> Int { frame.approvalsTable.count }

    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)? {
        context.approvalsTable.id(at: state.approvals.cursor).map { ($0.rawValue, "draft id") }
    }

    static func messageRecipients(_ state: UIState, context: UpdateContext) -> [(CreatorID, WaveID)]? {
        ApprovalDecision.targets(state, context: context).compactMap { context.workspace.submission($0).map { ($0.creatorID, $0.waveID) } }
    }
}
