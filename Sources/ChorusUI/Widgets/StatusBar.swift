import ChorusCore

/// The bottom line: the open prompt, the filter being typed, the last message, or else the
/// key hints for this pane from the key map; on the right, colleagues' work loading, changes
/// kept pending, "N marked" and the row position.
struct StatusBar {
    let state: UIState
    let workspace: Workspace
    /// How many rows the pane's list has.
    let rows: Int
    /// The pane's own words on the right, before the marks and the position.
    let notes: [(text: String, role: StyleRole)]
    /// The tags the Library's tag prompt completes from.
    let libraryTable: LibraryRows

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

    private var paneFilter: Filter? { state.shownList.filter }

    private var rightParts: [(text: String, role: StyleRole)] {
        let list = state.shownList
        var parts = notes
        // Said on the right too, so keys that replace the message do not hide that it is loading.
        if state.colleaguesWorkLoading != nil { parts.append(("loading colleagues' work…", .statusBar)) }
        // Kept up while it lasts: the screen may lag behind the team's meanwhile.
        if state.notFollowing != nil { parts.append(("not following colleagues", .danger)) }
        if state.pendingCommands > 0 { parts.append(("\(state.pendingCommands) pending", .marked)) }
        if list.marks > 0 { parts.append(("\(list.marks) marked", .marked)) }
        if rows > 0 { parts.append(("\(list.cursor + 1)/\(rows)", .statusBar)) }
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
