import ChorusCore

/// One asset's full licence and performance, for `Enter` in the Library: the row can only
/// say "active"; before running content someone needs the uses, the territory, the dates,
/// the partnership-ad code and the note.
struct AssetDetail {
    let asset: Asset
    let workspace: Workspace
    let today: Day?

    var lines: [CreatorDetail.Line] {
        typealias Line = CreatorDetail.Line
        let handle = workspace.creator(asset.creatorID).map { "@" + $0.handle } ?? asset.creatorID.rawValue
        let wave = workspace.wave(asset.waveID)?.name ?? asset.waveID.rawValue
        var lines = [
            Line(label: "", value: "\(asset.id) · \(handle) · \(asset.platform.rawValue) \(asset.kind.rawValue) · \(wave)", role: .title),
            Line(label: "", value: asset.caption, role: .mutedText),
            Line(label: "Posted", value: [asset.postedOn?.description, asset.postURL].compactMap { $0 }.joined(separator: " · ").nonEmpty ?? "—"),
        ]
        let metrics = asset.metrics
        lines.append(Line(label: "Views", value: "\(metrics.views) · \(Percentage.text(metrics.engagementRate)) engagement"
                          + (metrics.measuredOn.map { " · measured \($0)" } ?? "")))
        lines.append(Line(label: "Reactions", value: "\(metrics.likes) likes · \(metrics.comments) comments · \(metrics.shares) shares · "
                          + "\(metrics.saves) saves · \(metrics.clicks) clicks"))
        lines.append(Line(label: "Tags", value: asset.tags.joined(separator: " ").nonEmpty ?? "—"))
        if let waiver = workspace.waiver(of: asset) {
            lines.append(Line(label: "Waived", value: waiver.checks.joined(separator: "; "), role: .warning))
            lines.append(Line(label: "Because", value: "\(waiver.reason) (\(waiver.reviewer), \(waiver.day))", role: .warning))
        }
        let warning = workspace.program.settings.rightsExpiryWarningDays
        let status = today.map { asset.rightsStatus(on: $0, warningDays: warning) } ?? .none
        let role: StyleRole = switch status {
        case .expired: .danger
        case .expiring: .warning
        case .active: .success
        case .none, .notYetActive: .mutedText
        }
        lines.append(Line(label: "Rights", value: LibraryPane.rightsText(status, asset.rights, today: today), role: role))
        guard let rights = asset.rights else {
            lines.append(Line(label: "", value: "No usage rights recorded: r adds them.", role: .mutedText))
            return lines
        }
        lines.append(Line(label: "Uses", value: rights.uses.map(\.label).joined(separator: ", ")))
        lines.append(Line(label: "Territory", value: rights.territory.label))
        lines.append(Line(label: "Dates", value: "\(rights.start) to \(rights.end)" + (rights.exclusive ? " · exclusive" : "")))
        if let code = rights.whitelistingAdCode {
            lines.append(Line(label: "Ad code", value: code + (rights.whitelistingEnd.map { " · until \($0)" } ?? "")))
        }
        if let note = rights.note { lines.append(Line(label: "Note", value: note)) }
        return lines
    }
}
