import ChorusCore

/// The queue of survey answers that name several creators ("Felix Mueller on Instagram" when
/// two creators are called Felix Mueller), opened with `:resolve`. j/k picks an answer, `1`–`9`
/// credits the creator with that number: one `.resolveSurveyAnswer`, which also keeps the
/// buyer's words as that creator's alias so the same words settle themselves next time; `z`
/// takes both back. The answers come from attribution (`AttributionCache.ambiguousAnswers`), so
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
            return [.perform(.resolveSurveyAnswer(order: answer.orderID, creator: creator, alias: answer.text.isEmpty ? nil : answer.text))]
        default:
            return nil
        }
        return []
    }

    static func draw(_ queue: [AttributionResult.AmbiguousAnswer]?, cursor: Int, workspace: Workspace, _ grid: inout Grid, _ body: Rect) {
        var lines: [(text: String, role: StyleRole)] = []
        var selectedLine = 0
        switch queue {
        case nil: lines = [("working out which answers name several creators…", .mutedText)]
        case let queue? where queue.isEmpty: lines = [("No survey answer names several creators.", .success)]
        case let queue?:
            for (index, answer) in queue.enumerated() {
                if index == cursor { selectedLine = lines.count }
                lines.append(("\(answer.orderID)  \"\(answer.text)\"", index == cursor ? .selection : .text))
                for (number, id) in answer.creators.enumerated() {
                    let creator = workspace.creator(id)
                    let who = creator.map { "@\($0.handle)  \($0.name)\($0.country.map { " · " + $0 } ?? "")" } ?? id.rawValue
                    let label = number < 9 && index == cursor ? "\(number + 1)" : " "
                    lines.append(("   \(label)  \(who)", index == cursor ? .text : .mutedText))
                }
            }
        }
        let width = min(body.width - 4, 76)
        let height = min(body.height, lines.count + 2)
        let rect = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        let count = queue.map { " (\($0.count))" } ?? ""
        Box.draw(&grid, rect, title: "Survey answers naming several creators\(count) — 1–9 credits · Esc closes", focused: true)
        let inside = rect.inset
        let first = max(0, min(selectedLine, lines.count - inside.height))
        for (offset, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
            if line.role == .selection { grid.fill(Rect(x: inside.x, y: inside.y + offset, width: inside.width, height: 1), role: .selection) }
            grid.put(line.text, x: inside.x + 1, y: inside.y + offset, width: inside.width - 2, role: line.role)
        }
    }
}
