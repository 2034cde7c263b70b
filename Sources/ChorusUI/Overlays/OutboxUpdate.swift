import ChorusCore

/// The outbox from the console: `m` asks which kind of message for the marked rows (or the
/// cursor row), the preview shows every message as it will read, and `w` writes them.
enum OutboxUpdate {
    static func ask(_ recipients: Result<(ids: [CreatorID], wave: WaveID), Refusal>, _ state: inout UIState) {
        switch recipients {
        case .success(let chosen): state.prompt = Prompt(.outboxKind(chosen.ids, wave: chosen.wave))
        case .failure(let refusal): state.message = StatusMessage(.warning, refusal.message)
        }
    }

    struct Refusal: Error { var message: String }

    /// The creators of the marked rows (or the cursor row) in the pane on screen, and their one
    /// wave: parcels, drafts and assets each belong to a creator in a wave.
    static func recipients(_ state: UIState, context: UpdateContext) -> Result<(ids: [CreatorID], wave: WaveID), Refusal> {
        func recipients<P: ListPane>(_ kind: P.Type) -> [(CreatorID, WaveID)]? { kind.messageRecipients(state, context: context) }
        guard let rows = recipients(state.pane.kind) else {
            return .failure(Refusal(message: "m works in the Pipeline, Seeding, Approvals and Library panes"))
        }
        let waves = Set(rows.map(\.1))
        guard waves.count <= 1 else { return .failure(Refusal(message: "the marked rows are from several waves; mark rows of one wave")) }
        var seen: Set<CreatorID> = []
        let ids = rows.map(\.0).filter { seen.insert($0).inserted }
        guard let wave = waves.first else { return .failure(Refusal(message: "no creator to write to")) }
        return .success((ids, wave))
    }

    /// The kind typed at the prompt: a preview is asked for, or the prompt stays with the kinds listed.
    static func submit(_ text: String, _ ids: [CreatorID], wave: WaveID, _ state: inout UIState) -> [Effect] {
        guard let kind = MessageKind(named: text) else {
            state.prompt = Prompt(.outboxKind(ids, wave: wave), text: text)
            state.message = StatusMessage(.warning, "no kind of message \"\(text.trimmingSpaces)\"; one of \(MessageKind.names)")
            return []
        }
        return [.previewOutbox(kind, wave: wave, creators: ids)]
    }

    /// Keys on an open preview: `w` or Enter writes; nil lets the key through (j/k scroll it, Esc closes).
    static func update(_ state: inout UIState, _ sheet: OutboxSheet, key: Key) -> [Effect]? {
        switch key {
        case .character("w"), .enter:
            state.overlay = nil
            guard !sheet.recipients.isEmpty else { state.message = StatusMessage(.info, "nothing to write"); return [] }
            return [.writeOutbox(sheet)]
        default:
            return nil
        }
    }

    /// Long lines broken at spaces to `width` columns, keeping their indent, so a message reads whole.
    static func wrapped(_ lines: [String], width: Int) -> [String] {
        lines.flatMap { line -> [String] in
            guard width > 8, TextWidth.columns(of: line) > width else { return [line] }
            let indent = String(line.prefix { $0 == " " })
            var out: [String] = [], current = ""
            for word in line.split(separator: " ") {
                let candidate = current.isEmpty ? indent + word : current + " " + word
                if TextWidth.columns(of: candidate) > width, !current.isEmpty {
                    out.append(current)
                    current = indent + word
                } else {
                    current = candidate
                }
            }
            return out + [current]
        }
    }

    /// The preview as a detail overlay (see `Renderer.detailOverlay`): scrolled with
    /// `state.overlayScroll` like every other, each message wrapped whole to the box.
    static func overlay(_ sheet: OutboxSheet, width: Int) -> DetailOverlay {
        let count = sheet.recipients.count
        let lines = wrapped(sheet.lines, width: width).map { line -> [DetailOverlay.Span] in
            let role: StyleRole = line.hasPrefix("──") ? .header : (line.hasPrefix("skipped:") ? .mutedText : .text)
            return [DetailOverlay.Span(text: line, role: role)]
        }
        return DetailOverlay(title: "\(count) \(sheet.kind.label) message\(count == 1 ? "" : "s") · w writes · Esc cancels", lines: lines)
    }
}
