import ChorusCore
import Foundation

/// One line of the workspace's history: who did what, and when.
public struct HistoryLine: Hashable, Sendable {
    public var at: Timestamp
    public var actor: String
    public var summary: String

    public init(at: Timestamp, actor: String, summary: String) {
        self.at = at
        self.actor = actor
        self.summary = summary
    }
}

/// The `H` overlay: who changed what, and when, newest at the bottom — the same record as
/// `chorus history`, over whichever pane is open.
enum HistoryOverlay {
    static func draw(_ lines: [HistoryLine], scrolledUp: Int, today: Day?, _ grid: inout Grid, _ body: Rect) {
        let width = min(body.width - 4, 96)
        let height = min(body.height, max(lines.count, 1) + 2)
        let rect = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        let more = lines.count > height - 2 ? " · j/k scroll" : ""
        Box.draw(&grid, rect, title: "History · \(lines.count) change\(lines.count == 1 ? "" : "s")\(more) · Esc closes", focused: true)
        let inside = rect.inset
        guard !lines.isEmpty else {
            grid.put("nothing has been changed yet", x: inside.x + 1, y: inside.y, width: inside.width - 1, role: .mutedText)
            return
        }
        let end = lines.count - min(scrolledUp, max(0, lines.count - inside.height))
        let shown = lines[max(0, end - inside.height)..<end]
        let actorWidth = min(16, shown.map { TextWidth.columns(of: $0.actor) }.max() ?? 0)
        for (offset, line) in shown.enumerated() {
            let y = inside.y + offset
            let when = time(line.at, today: today)
            grid.put(when, x: inside.x + 1, y: y, width: 16, role: .mutedText)
            grid.put(TextSanitizer.sanitize(line.actor), x: inside.x + 18, y: y, width: actorWidth, role: .header)
            let summaryX = inside.x + 19 + actorWidth
            grid.put(TextSanitizer.sanitize(line.summary), x: summaryX, y: y, width: inside.x + inside.width - summaryX, role: .text)
        }
    }

    /// `10:02` today, `2026-11-20 10:02` on other days.
    private static func time(_ at: Timestamp, today: Day?) -> String {
        let seconds = at.secondsSinceEpoch % 86_400
        let clock = String(format: "%02d:%02d", Int(seconds / 3600), Int(seconds % 3600 / 60))
        return at.day == today ? clock : "\(at.day) \(clock)"
    }
}
