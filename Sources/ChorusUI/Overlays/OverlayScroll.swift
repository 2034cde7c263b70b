/// Scrolling inside an overlay: j/k and ↓/↑ by a line, PgDn/PgUp by a page, g/G to either
/// end. The draft detail follows the inbox cursor (j/k go to the next draft), so there only
/// PgDn/PgUp scroll. Returns false for keys that are not for scrolling.
func scrollOverlay(_ state: inout UIState, _ overlay: Overlay, key: Key) -> Bool {
    let body = Layout(size: state.size).body
    let page = max(1, body.height - 3)
    let step: Int
    switch key {
    case .pageDown: step = page
    case .pageUp: step = -page
    case .character("j"), .down: step = 1
    case .character("k"), .up: step = -1
    case .character("g"), .home: step = Int.min / 2
    case .character("G"), .end: step = Int.max / 2
    default: return false
    }
    switch overlay {
    case .help(let scroll):
        state.overlay = .help(scroll: min(max(0, scroll + step), HelpOverlay.scrollLimit(for: state.pane, in: body)))
    case .submissionDetail where key != .pageDown && key != .pageUp:
        return false
    case .payouts:
        // j/k move the view's cursor over the runs (PayoutsUpdate).
        return false
    case .creatorDetail, .submissionDetail, .assetDetail, .ledgerDetail, .outboxPreview:
        // The upper end depends on how the lines wrap; the console keeps it within them.
        state.overlayScroll = max(0, state.overlayScroll + step)
    case .parcelDetail:
        return false  // it scrolls itself, bounded by its lines (see updateOverlay)
    case .surveyAnswers:
        return false  // j/k move its cursor (see SurveyAnswersQueue)
    case .history(let lines, let up):
        // Newest at the bottom: down (j) goes toward it, up (k) back in time.
        state.overlay = .history(lines, scrolledUp: min(max(0, up - step), max(0, lines.count - 1)))
    }
    return true
}
