import ChorusCore

/// The box above the status bar during a shipping run: the parcels of the run with what
/// happened to each (shipped with its number, or left as it was), the one waiting for its
/// number, and the last outcome in words — so a person scanning a stack of boxes sees a
/// refused label without looking away from the scanner.
enum ShippingRunView {
    static func draw(_ run: ShippingRun, message: StatusMessage?, workspace: Workspace, _ grid: inout Grid, above statusBar: Rect) {
        let visible = 6
        let first = max(0, min(run.index - 2, run.shipments.count - visible))
        let shown = Array(run.shipments.enumerated().dropFirst(first).prefix(visible))
        let height = shown.count + 2 + (message == nil ? 0 : 1)
        let width = min(statusBar.width, 72)
        let rect = Rect(x: statusBar.x, y: statusBar.y - height, width: width, height: height)
        Box.draw(&grid, rect, title: "Shipping \(run.shipments.count) with \(run.carrier.label) · Esc stops", focused: true)
        let inside = rect.inset
        for (line, (index, id)) in shown.enumerated() {
            let shipment = workspace.shipment(id)
            let who = shipment.flatMap { workspace.creator($0.creatorID) }.map { "@" + $0.handle } ?? ""
            let (mark, outcome, role): (String, String, StyleRole) =
                if index == run.index { ("▸", "waiting for its tracking number", .selection) }
                else if index > run.index { (" ", "next", .mutedText) }
                else if shipment?.status == .shipped, let number = shipment?.trackingNumber { ("✓", "shipped \(number)", .success) }
                else { ("✗", "not shipped: still \(shipment?.status.rawValue ?? "missing")", .danger) }
            grid.put("\(mark) \(id.rawValue)  \(who)", x: inside.x, y: inside.y + line, width: inside.width / 2, role: role)
            grid.put(outcome, x: inside.x + inside.width / 2, y: inside.y + line, width: inside.width - inside.width / 2, role: role)
        }
        if let message {
            grid.put(message.text, x: inside.x, y: inside.maxY - 1, width: inside.width, role: message.kind == .error ? .danger : .success)
        }
    }
}
