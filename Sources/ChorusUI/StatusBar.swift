import ChorusCore

/// The bottom line: the open prompt, the filter being typed, the last message, or else the
/// key hints for this pane from the key map; on the right, "N marked" and the row position.
struct StatusBar {
    let state: UIState
    let workspace: Workspace
    let table: PipelineTable
    let seedingTable: SeedingTable
    let approvalsTable: ApprovalsTable
    let libraryTable: LibraryTable
    let leaderboardTable: LeaderboardTable
    let ledgerTable: LedgerTable

    static let caret = "█"

    func draw(_ grid: inout Grid, _ rect: Rect) {
        grid.fill(rect, role: .statusBar)
        let parts = rightParts
        let right = parts.isEmpty ? "" : " " + parts.map(\.text).joined(separator: "  ") + " "
        let rightWidth = TextWidth.columns(of: right)
        if rightWidth > 0, rightWidth < rect.width / 2 {
            var x = rect.maxX - rightWidth
            x += grid.put(" ", x: x, y: rect.y, role: .statusBar)
            for (index, part) in parts.enumerated() {
                if index > 0 { x += grid.put("  ", x: x, y: rect.y, role: .statusBar) }
                x += grid.put(part.text, x: x, y: rect.y, role: part.role)
            }
        }
        let left = Rect(x: rect.x, y: rect.y, width: rect.width - (rightWidth < rect.width / 2 ? rightWidth + 1 : 0), height: 1)
        if let prompt = state.prompt {
            promptLine(prompt).draw(prompt.entry, &grid, left, role: .statusBar)
        } else if let filter = paneFilter, filter.isEditing {
            PromptLine(" /", "   Enter keeps · Esc clears").draw(filter.entry, &grid, left, role: .statusBar)
        } else if let message = state.message {
            grid.put(" " + message.text, x: left.x, y: left.y, width: left.width, role: Self.role(of: message.kind))
        } else {
            drawHints(&grid, left)
        }
    }

    /// The current pane's marks, cursor, rows and filter; nil for panes without a list.
    private var markCount: Int? {
        switch state.pane {
        case .pipeline: state.pipeline.marks.count
        case .seeding: state.seeding.marks.count
        case .approvals: state.approvals.marks.count
        case .library: state.library.marks.count
        case .leaderboard: state.leaderboard.marks.count
        case .ledger: 0
        case .waves: 0
        default: nil
        }
    }

    private var position: (cursor: Int, rows: Int)? {
        switch state.pane {
        case .pipeline: (state.pipeline.cursor, table.count)
        case .seeding: (state.seeding.cursor, seedingTable.count)
        case .approvals: (state.approvals.cursor, approvalsTable.count)
        case .library: (state.library.cursor, libraryTable.count)
        case .leaderboard: (state.leaderboard.cursor, leaderboardTable.count)
        case .ledger: (state.ledger.cursor, ledgerTable.count)
        case .waves: (state.waves.cursor, WavesPane.shown(workspace, filter: state.waves.filter).count)
        default: nil
        }
    }

    private var paneFilter: Filter? {
        switch state.pane {
        case .pipeline: state.pipeline.filter
        case .seeding: state.seeding.filter
        case .approvals: state.approvals.filter
        case .library: state.library.filter
        case .leaderboard: state.leaderboard.filter
        case .ledger: state.ledger.filter
        case .waves: state.waves.filter
        default: nil
        }
    }

    /// Licences about to lapse are named on every Library screen, whatever filter is on.
    private var rightParts: [(text: String, role: StyleRole)] {
        guard let position, let marks = markCount else { return [] }
        var parts: [(text: String, role: StyleRole)] = []
        if state.pane == .library, let expiring = libraryTable.counts[.expiring], expiring > 0 {
            parts.append(("\(expiring) expiring", .warning))
        }
        if marks > 0 { parts.append(("\(marks) marked", .marked)) }
        if position.rows > 0 { parts.append(("\(position.cursor + 1)/\(position.rows)", .statusBar)) }
        return parts
    }

    private func promptLine(_ prompt: Prompt) -> PromptLine {
        switch prompt.purpose {
        case .command:
            return PromptLine(" :", "   Tab completes · Enter runs · Esc cancels")
        case .seeding(let step):
            return step.line(workspace: workspace)
        case .approvals(let step):
            return step.line(workspace: workspace)
        case .library(let step):
            return step.line(prompt.text, workspace: workspace, libraryTags: libraryTable.tags)
        case .promote(let ids, let wave):
            return LeaderboardUpdate.promptLine(ids, wave: wave, text: prompt.text, workspace: workspace)
        case .reconcilePayouts(let run):
            return PayoutsUpdate.promptLine(run)
        case .outboxKind(let ids, _):
            let who = ids.count == 1 ? "1 creator" : "\(ids.count) creators"
            return PromptLine(" Message \(who) — kind (late, nudge-1, brief …): ", "   Enter previews · Esc cancels")
        case .confirm(let confirmation):
            return confirmation.line
        case .dropReason(let ids, _):
            let who = ids.count == 1 ? "1 creator" : "\(ids.count) creators"
            return PromptLine(" Drop \(who) — reason: ", "   Enter drops · Esc cancels")
        }
    }

    /// Hints from the key map, most specific first; the help hint is always kept, last, so a
    /// narrow terminal still says where the rest are.
    private func drawHints(_ grid: inout Grid, _ rect: Rect) {
        let all = KeyMap.hints(for: state.pane)
        let help = all.filter { $0.word == "help" }
        let widthOf = { (hint: (key: String, word: String)) in TextWidth.columns(of: hint.key) + TextWidth.columns(of: hint.word) + 3 }
        var room = rect.width - 1 - help.map(widthOf).reduce(0, +)
        var shown: [(key: String, word: String)] = []
        for hint in all where hint.word != "help" {
            guard widthOf(hint) <= room else { break }
            shown.append(hint)
            room -= widthOf(hint)
        }
        var x = rect.x + 1
        for hint in shown + help {
            x += grid.put(hint.key, x: x, y: rect.y, role: .keyHint)
            x += grid.put(" \(hint.word)  ", x: x, y: rect.y, width: rect.maxX - x, role: .statusBar)
        }
    }

    /// A message while a prompt has the status bar (why Enter did not go through, what the
    /// field needs): on the line just above it, where the eye already is.
    static func drawAbove(_ message: StatusMessage, _ grid: inout Grid, _ statusBar: Rect) {
        let line = Rect(x: statusBar.x, y: statusBar.y - 1, width: statusBar.width, height: 1)
        grid.fill(line, role: .statusBar)
        grid.put(" " + message.text, x: line.x, y: line.y, width: line.width, role: role(of: message.kind))
    }

    private static func role(of kind: StatusMessage.Kind) -> StyleRole {
        switch kind {
        case .info: .info
        case .success: .success
        case .warning: .warning
        case .error: .danger
        }
    }
}
