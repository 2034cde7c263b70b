import ChorusCore

/// One draft as a coordinator reads it before deciding: its checks, the caption with the
/// words that satisfy or break the brief highlighted, what changed since the last round, the
/// files, what the brief asks of this deliverable, and every decision so far. Shared by the
/// side panel and the Enter overlay.
struct SubmissionDetail {
    /// A run of text in one style; a line is a list of them, wrapped at word boundaries.
    struct Span: Hashable {
        var text: String
        var role: StyleRole
    }

    let submission: Submission
    let workspace: Workspace
    let today: Day?

    func lines(width: Int) -> [[Span]] {
        let wave = workspace.wave(submission.waveID)
        let creator = workspace.creator(submission.creatorID)
        var lines: [[Span]] = [[Span(text: "\(submission.id) · @\(creator?.handle ?? submission.creatorID.rawValue)", role: .title)]]
        lines.append([Span(text: "\(submission.platform.label) \(submission.format.rawValue) · round \(submission.round) · "
                                + (wave?.name ?? submission.waveID.rawValue), role: .mutedText)])
        var status = submission.status.label
        if let today { status += " · \(counted(submission.ageInBusinessDays(on: today), "business day")) old" }
        let overdue = today.map { submission.isOverdue(on: $0, after: workspace.program.settings.overdueBusinessDays) } ?? false
        lines.append([Span(text: status, role: .text)] + (overdue ? [Span(text: " · overdue", role: .warning)] : []))

        lines.append(heading("Checks"))
        for check in workspace.complianceChecks(for: submission) {
            let words = ((check.passed ? "✓ " : "✗ ") + check.summary).split(separator: " ")
            lines += wrap(words.map { Span(text: String($0), role: check.passed ? .success : .danger) }, width: width)
        }
        lines.append(heading("Caption"))
        lines += wrap(captionWords(submission.caption, wave: wave), width: width)
        if !submission.onScreenText.isEmpty {
            lines.append(heading("On screen"))
            lines += wrap(captionWords(submission.onScreenText, wave: wave), width: width)
        }
        if let diff = submission.captionDiff {
            lines.append(heading("Changes since round \(submission.round - 1)"))
            lines += diff.hasChanges ? wrap(diff.words.map(Self.span), width: width) : [[Span(text: "caption unchanged", role: .mutedText)]]
        }
        lines.append(heading("History"))
        lines.append([Span(text: "\(submission.submittedAt.day) submitted (round \(submission.round))", role: .mutedText)])
        for review in submission.reviews {
            var text = "\(review.at.day) \(review.reviewer) \(review.action.label) (round \(review.round))"
            if let note = review.note { text += ": \(note)" }
            if !review.overriddenChecks.isEmpty { text += " — waived: \(review.overriddenChecks.joined(separator: "; "))" }
            lines += wrap(text.split(separator: " ").map { Span(text: String($0), role: review.action == .approvedWithOverride ? .warning : .text) },
                          width: width)
        }
        lines.append(heading("Files"))
        lines += submission.assetRefs.isEmpty ? [[Span(text: "none listed", role: .mutedText)]]
            : submission.assetRefs.map { [Span(text: $0, role: .text)] }
        if let wave { lines += briefLines(wave, width: width) }
        return lines
    }

    /// What the brief asks of this deliverable: tags, mentions, words to avoid, due date and
    /// rights, each wrapped to the width so none is cut.
    private func briefLines(_ wave: Wave, width: Int) -> [[Span]] {
        let brief = wave.brief
        var lines = [heading("Brief")]
        let add = { (label: String, value: String) in
            lines += wrap([Span(text: label, role: .mutedText)] + value.split(separator: " ").map { Span(text: String($0), role: .text) }, width: width)
        }
        if !brief.requiredHashtags.isEmpty { add("Hashtags", brief.requiredHashtags.map { $0.hasPrefix("#") ? $0 : "#" + $0 }.joined(separator: " ")) }
        if !brief.requiredMentions.isEmpty { add("Mentions", brief.requiredMentions.map { $0.hasPrefix("@") ? $0 : "@" + $0 }.joined(separator: " ")) }
        if !brief.bannedWords.isEmpty { add("Avoid", brief.bannedWords.joined(separator: ", ")) }
        if let deliverable = brief.deliverables.first(where: { $0.id == submission.deliverableID }) {
            add("Due", deliverable.dueDate?.description ?? "no date")
            if let rights = deliverable.rights {
                add("Rights", "\(rights.uses.map(\.label).joined(separator: ", ")) · \(rights.territory.label) · \(counted(rights.durationDays, "day"))"
                    + (rights.exclusive ? " · exclusive" : ""))
            } else {
                add("Rights", "not agreed")
            }
        } else {
            add("Deliverable", "not in the brief (extra content)")
        }
        return lines
    }

    /// The caption's words, with disclosures, required tags and mentions marked as matches and
    /// banned words as danger. Words are compared without the punctuation around them, like the check.
    private func captionWords(_ text: String, wave: Wave?) -> [Span] {
        let brief = wave?.brief ?? Brief()
        let wanted = Set((Compliance.paidDisclosures + ["#gifted"]
            + brief.requiredHashtags.map { $0.hasPrefix("#") ? $0 : "#" + $0 }
            + brief.requiredMentions.map { $0.hasPrefix("@") ? $0 : "@" + $0 }).map { $0.lowercased() })
        let banned = Set(brief.bannedWords.map { $0.lowercased() })
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let cores = words.map(Self.core)
        return words.indices.map { index in
            let core = cores[index]
            let pair = [index > 0 ? cores[index - 1] + " " + core : "", index + 1 < cores.count ? core + " " + cores[index + 1] : ""]
            let role: StyleRole = banned.contains(core) ? .danger
                : wanted.contains(core) || pair.contains(where: wanted.contains) ? .match : .text
            return Span(text: words[index], role: role)
        }
    }

    /// A word without the punctuation around it, lower-cased: `(#AD)!` is `#ad`.
    private static func core(_ word: String) -> String {
        let keep = { (c: Character) in c.isLetter || c.isNumber || c == "#" || c == "@" || c == "_" }
        var scalars = Substring(word)
        while let first = scalars.first, !keep(first) { scalars.removeFirst() }
        while let last = scalars.last, !keep(last) { scalars.removeLast() }
        return scalars.lowercased()
    }

    private static func span(_ word: CaptionDiff.Word) -> Span {
        switch word.change {
        case .kept: Span(text: word.text, role: .mutedText)
        case .removed: Span(text: "-" + word.text, role: .danger)
        case .added: Span(text: "+" + word.text, role: .success)
        }
    }

    private func heading(_ text: String) -> [Span] { [Span(text: text, role: .header)] }

    /// Lays words out in lines of at most `width` columns; a word wider than a line gets a line of its own.
    private func wrap(_ words: [Span], width: Int) -> [[Span]] {
        var lines: [[Span]] = []
        var line: [Span] = []
        var used = 0
        for word in words {
            let text = TextSanitizer.sanitize(word.text)
            let columns = TextWidth.columns(of: text)
            if !line.isEmpty, used + 1 + columns > width {
                lines.append(line)
                (line, used) = ([], 0)
            }
            if !line.isEmpty { line.append(Span(text: " ", role: .text)); used += 1 }
            line.append(Span(text: text, role: word.role))
            used += columns
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [[Span(text: "(empty)", role: .mutedText)]] : lines
    }

    /// Draws `lines` into `rect`, cutting what does not fit.
    static func draw(_ lines: [[Span]], _ grid: inout Grid, _ rect: Rect) {
        for (offset, line) in lines.prefix(rect.height).enumerated() {
            var x = rect.x
            for span in line where x < rect.maxX {
                x += grid.put(span.text, x: x, y: rect.y + offset, width: rect.maxX - x, role: span.role)
            }
        }
    }
}
