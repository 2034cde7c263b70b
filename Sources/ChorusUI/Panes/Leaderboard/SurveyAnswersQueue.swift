import ChorusCore

/// The queue of survey answers that name several creators ("Felix Mueller on Instagram" when
/// two creators are called Felix Mueller), opened with `:resolve`. j/k picks an answer, `1`–`9`
/// credits the creator with that number: one `.resolveSurveyAnswer`, which also keeps the
/// buyer's words as that creator's alias so the same words settle themselves next time; `z`
/// takes both back. The answers come from attribution (`DerivedFigures.ambiguousAnswers`), so
/// a settled answer leaves the queue as soon as attribution is recomputed.
enum SurveyAnswersQueue {
    /// A key while the queue is open; nil passes it on (Esc, `?`, `:`, `q`, `z` keep working).
    static func update(_ state: inout UIState, cursor: Int, key: Key, context: UpdateContext) -> [Effect]? {
        let queue = context.surveyQueue ?? []
        switch key {
        case .character("j"), .down:
            state.overlay = .surveyAnswers(cursor: min(cursor + 1, max(queue.count - 1, 0)))
        case .character("k"), .up:
            state.overlay = .surveyAnswers(cursor: max(cursor - 1, 0))
        case .character(let digit) where digit.isNumber:
            guard let number = digit.wholeNumberValue, number >= 1, let answer = queue[safe: cursor] else { return [] }
            guard let creator = answer.creators[safe: number - 1] else {
                state.message = StatusMessage(.warning, "\(answer.orderID)'s answer names \(answer.creators.count) creators; press 1–\(answer.creators.count)")
                return []
            }
            state.overlay = .surveyAnswers(cursor: min(cursor, max(queue.count - 2, 0)))
            return [.command(.resolveSurveyAnswer(order: answer.orderID, creator: creator, alias: answer.text.isEmpty ? nil : answer.text), .plain)]
        default:
            return nil
        }
        return []
    }

    /// The queue as a detail overlay (wrapped to the box, with the "lines … of …" hint when it
    /// is taller than the screen), scrolled so the selected answer is in view: j/k move the
    /// selection, and the scroll follows it. With no queue, `unreadable` says why there never
    /// will be one this session.
    static func draw(_ queue: [AttributionResult.AmbiguousAnswer]?, unreadable: String?, cursor: Int, workspace: Workspace,
                     _ grid: inout Grid, _ body: Rect) {
        let width = DetailOverlay.textWidth(in: body)
        var lines: [[DetailOverlay.Span]] = []
        var selectedLine = 0
        func add(_ text: String, _ role: StyleRole, indent: String = "") {
            // A line that fits keeps its spacing; a longer one (a long answer) wraps under itself.
            if TextWidth.columns(of: text) <= width { return lines.append([DetailOverlay.Span(text: text, role: role)]) }
            for (index, part) in WordWrap.lines(text, width: max(1, width - indent.count)).enumerated() {
                lines.append([DetailOverlay.Span(text: (index == 0 ? "" : indent) + part, role: role)])
            }
        }
        switch queue {
        case nil:
            if let unreadable { add(UnreadableOrderHistory.text(unreadable), .warning) } else { add("working out which answers name several creators…", .mutedText) }
        case let queue? where queue.isEmpty: add("No survey answer names several creators.", .success)
        case let queue?:
            for (index, answer) in queue.enumerated() {
                if index == cursor { selectedLine = lines.count }
                add("\(answer.orderID)  \"\(answer.text)\"", index == cursor ? .selection : .text, indent: "  ")
                for (number, id) in answer.creators.enumerated() {
                    let creator = workspace.creator(id)
                    let who = creator.map { "@\($0.handle)  \($0.name)\($0.country.map { " · " + $0 } ?? "")" } ?? id.rawValue
                    let label = number < 9 && index == cursor ? "\(number + 1)" : " "
                    add("   \(label)  \(who)", index == cursor ? .text : .mutedText, indent: "      ")
                }
            }
        }
        let count = queue.map { " (\($0.count))" } ?? ""
        let overlay = DetailOverlay(title: "Survey answers naming several creators\(count) — 1–9 credits · Esc closes", lines: lines)
        overlay.draw(scroll: selectedLine, &grid, body)
    }
}
