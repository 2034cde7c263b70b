import ChorusCore

/// The box above the status bar during a shipping run: the parcels of the run with what
/// happened to each (shipped with its number, refused and still waiting, skipped), the one
/// waiting for its number, and the last outcome in words — so a person scanning a stack of
/// boxes sees a refused label without looking away from the scanner. When the run ends it
/// becomes the run's summary: how many shipped, and each parcel that did not, with why.
enum ShippingRunView {
    private static let visible = 6
    private static let whoColumns = 26

    static func draw(_ run: ShippingRun, message: StatusMessage?, workspace: Workspace, _ grid: inout Grid, above statusBar: Rect) {
        let width = min(statusBar.width, 96)
        let inner = max(1, width - 2)
        var lines = run.isFinished ? summary(run, workspace, inner) : progress(run, workspace, inner)
        // The last outcome in words; on the summary only news beyond it (a stray scan, a key it does not take).
        if let message, !run.isFinished || message.text != run.summary {
            lines += WordWrap.lines(message.text, width: inner).map { ($0, message.kind == .error || message.kind == .warning ? .danger : .success) }
        }
        let room = max(1, statusBar.y - 3)
        if lines.count > room {
            let hidden = lines.count - room + 1
            lines = Array(lines.prefix(room - 1)) + [("… \(hidden) more lines: widen or heighten the terminal to see them", .mutedText)]
        }
        let rect = Rect(x: statusBar.x, y: statusBar.y - lines.count - 2, width: width, height: lines.count + 2)
        let title = run.isFinished ? "Shipping run done · Enter or Esc closes"
                                   : "Shipping \(run.shipments.count) with \(run.carrier.label) · Tab skips · Esc stops"
        Box.draw(&grid, rect, title: title, focused: true)
        for (offset, line) in lines.enumerated() {
            grid.put(line.text, x: rect.inset.x, y: rect.inset.y + offset, width: inner, role: line.role)
        }
    }

    private typealias Line = (text: String, role: StyleRole)

    private static func progress(_ run: ShippingRun, _ workspace: Workspace, _ inner: Int) -> [Line] {
        let first = max(0, min(run.index - 2, run.shipments.count - visible))
        return run.shipments.enumerated().dropFirst(first).prefix(visible).map { index, id in
            let (mark, outcome, role): (String, String, StyleRole) =
                switch (run.outcomes[id], index == run.index) {
                case (.refused, true): ("▸", "refused: scan it again, or Tab skips it", .danger)
                case (_, true): ("▸", "waiting for its tracking number", .selection)
                case (.shipped(let number)?, _): ("✓", "shipped \(number)", .success)
                case (.skipped?, _), (.refused?, _): ("✗", "skipped: not shipped", .danger)
                case (nil, _): (" ", "next", .mutedText)
                }
            return (pad("\(mark) \(who(id, workspace))", whoColumns) + outcome, role)
        }
    }

    private static func summary(_ run: ShippingRun, _ workspace: Workspace, _ inner: Int) -> [Line] {
        let left = run.notShipped
        var lines: [Line] = [("Shipped \(run.shippedCount) of \(run.shipments.count) with \(run.carrier.label)", left.isEmpty ? .success : .text)]
        guard !left.isEmpty else { return lines }
        lines.append(("Not shipped (\(left.count)), each still as it was:", .danger))
        for (id, why) in left {
            let reason = WordWrap.lines(why, width: max(1, inner - whoColumns))
            lines.append((pad("✗ \(who(id, workspace))", whoColumns) + reason[0], .danger))
            lines += reason.dropFirst().map { (String(repeating: " ", count: whoColumns) + $0, .danger) }
        }
        return lines
    }

    private static func who(_ id: ShipmentID, _ workspace: Workspace) -> String {
        let handle = workspace.shipment(id).flatMap { workspace.creator($0.creatorID) }.map { " @" + $0.handle } ?? ""
        return id.rawValue + handle
    }

    private static func pad(_ text: String, _ columns: Int) -> String {
        let used = TextWidth.columns(of: text)
        return used >= columns - 1 ? String(text.prefix(columns - 2)) + "… " : text + String(repeating: " ", count: columns - used)
    }
}
