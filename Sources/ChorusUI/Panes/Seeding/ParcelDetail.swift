import ChorusCore

/// One parcel in full (Enter in Seeding): where it goes, everything in it, how it travels and
/// every status change it went through, with earlier tracking numbers. Nothing is cut to fit
/// a column; the overlay scrolls instead.
struct ParcelDetail {
    let shipment: Shipment
    let workspace: Workspace

    /// The overlay's width inside its box on a terminal of `size`, so drawing and scrolling agree.
    static func width(at size: Size) -> Int { min(Layout(size: size).body.width - 4, 90) - 2 }

    /// The lines, long values wrapped at word boundaries to `width` columns and continued under
    /// the value they belong to, so a long note or address is read whole.
    func lines(width: Int) -> [CreatorDetail.Line] {
        let indent = CreatorDetail.labelWidth
        return lines.flatMap { line -> [CreatorDetail.Line] in
            // A labelled value has the columns after the label; a history line the whole width
            // on its first row, and is indented under its text after that.
            let labelled = !line.label.isEmpty
            var rows: [String] = []
            var current = ""
            for word in line.value.split(separator: " ").map(String.init) {
                let room = labelled || rows.isEmpty ? width - (labelled ? indent : 0) : width - indent
                let candidate = current.isEmpty ? word : current + " " + word
                if !current.isEmpty, TextWidth.columns(of: candidate) > room {
                    rows.append(current)
                    current = word
                } else {
                    current = candidate
                }
            }
            rows.append(current)
            return rows.enumerated().map { index, text in
                guard index > 0 else { return CreatorDetail.Line(label: line.label, value: text, role: line.role) }
                return labelled ? CreatorDetail.Line(label: " ", value: text, role: line.role)
                    : CreatorDetail.Line(label: "", value: String(repeating: " ", count: indent) + text, role: line.role)
            }
        }
    }

    private var lines: [CreatorDetail.Line] {
        typealias Line = CreatorDetail.Line
        let creator = workspace.creator(shipment.creatorID)
        var lines = [
            Line(label: "Creator", value: creator.map { "@\($0.handle) · \($0.name)" } ?? shipment.creatorID.rawValue),
            Line(label: "Wave", value: workspace.wave(shipment.waveID)?.name ?? shipment.waveID.rawValue),
            Line(label: "Status", value: shipment.status.label + (shipment.exception.map { ": \($0.kind.label) — \($0.note)" } ?? ""),
                 role: shipment.status == .exception ? .warning : .text),
        ]
        if let address = creator?.address {
            let parts: [String?] = [address.line1, address.line2, [address.postalCode, address.city].joined(separator: " "), address.region, address.country]
            for (index, part) in parts.compactMap({ $0?.nonEmpty }).enumerated() {
                lines.append(Line(label: index == 0 ? "Address" : " ", value: part))
            }
        } else {
            lines.append(Line(label: "Address", value: "none on file (\(creator?.country ?? "no country"))", role: .warning))
        }
        for (index, item) in shipment.items.enumerated() {
            let name = workspace.sku(item.sku)?.name ?? "unknown SKU"
            lines.append(Line(label: index == 0 ? "Items" : " ", value: "\(ItemNotation.write(item)) \(name)"))
        }
        lines.append(Line(label: "Product", value: shipment.productCost.description))
        if let carrier = shipment.carrier { lines.append(Line(label: "Carrier", value: carrier.label)) }
        if let number = shipment.trackingNumber { lines.append(Line(label: "Tracking", value: number)) }
        if !shipment.previousTrackingNumbers.isEmpty {
            lines.append(Line(label: "Earlier", value: shipment.previousTrackingNumbers.joined(separator: ", "), role: .mutedText))
        }
        if let note = shipment.note { lines.append(Line(label: "Note", value: note)) }
        lines.append(Line(label: "History", value: ""))
        for event in shipment.history {
            lines.append(Line(label: "", value: "\(event.at.day) \(Self.describe(event))", role: .mutedText))
        }
        return lines
    }

    /// How far a key scrolls the overlay: a line (j/k, ↓/↑) or a page (PgDn/PgUp); nil for other keys.
    static func scroll(_ key: Key) -> Int? {
        switch key {
        case .character("j"), .down: 1
        case .character("k"), .up: -1
        case .pageDown: 10
        case .pageUp: -10
        default: nil
        }
    }

    /// `2026-03-05 shipped with DHL JD014…`, `2026-03-06 exception: lost — in the depot`.
    static func describe(_ event: ShipmentEvent) -> String {
        var text = event.status.label
        if event.status == .exception, let kind = event.exception {
            text += ": \(kind.label)" + (event.note.map { " — \($0)" } ?? "")
        } else if let note = event.note {
            text += " (\(note))"
        }
        if let carrier = event.carrier, let number = event.trackingNumber { text += " with \(carrier.label) \(number)" }
        return text
    }
}
