import ChorusCore

/// The Approvals pane's answer to the list keys every pane shares (its own keys carry their
/// handlers in `KeyMap+Approvals`).
extension ApprovalsPane {
    static func rows(_ state: UIState, context: UpdateContext) -> (count: Int, page: Int) {
        (context.approvalsTable.count, tableRows(at: state.size))
    }

    static func toggleMark(_ state: inout UIState, context: UpdateContext) {
        guard let id = context.approvalsTable.id(at: state.approvals.cursor) else { return }
        state.approvals.list.toggleMark(id, rows: context.approvalsTable.count, page: tableRows(at: state.size))
    }

    /// Enter shows the draft's details, or hides them.
    static func openDetail(_ state: inout UIState, context: UpdateContext) {
        state.approvals.decidedElsewhere = nil
        if state.overlay == .submissionDetail {
            state.overlay = nil
        } else if context.approvalsTable.id(at: state.approvals.cursor) != nil {
            state.overlay = .submissionDetail
        }
    }

    static func backOut(_ state: inout UIState, context: UpdateContext) {
        if !state.approvals.marks.isEmpty {
            state.approvals.marks = []
        } else if state.approvals.filter.isActive {
            state.approvals.filter = Filter()
        } else {
            state.approvals.view = .pending
        }
    }

    static func nextWave(_ state: inout UIState, context: UpdateContext) {
        state.message = StatusMessage(.info, "the inbox shows drafts from every wave; / filters by handle, id or caption")
    }
}

/// What the Approvals pane's own keys do besides deciding (`KeyMap+Approvals` names them).
enum ApprovalsKeys {
    /// `f`: the next status the inbox shows.
    static func nextInboxView(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.approvals.view = state.approvals.view.next
        state.approvals.list.startOver()
        state.message = StatusMessage(.info, "showing \(state.approvals.view.label) drafts")
        return []
    }
}

/// How a triage key becomes commands (after a decision the draft leaves the pending view, so
/// the cursor rests on the next one: one key per draft works through the inbox): which drafts it applies to, what is checked before a
/// prompt opens (so no note is typed for a draft that cannot take it), and the words of the outcome.
enum ApprovalDecision {
    /// The drafts the palette named, else the marked drafts in inbox order, or else the one under the cursor.
    static func targets(_ state: UIState, context: UpdateContext) -> [SubmissionID] {
        if let ids = context.named?.drafts { return ids }
        let table = context.approvalsTable
        if !state.approvals.marks.isEmpty {
            let inOrder = table.ids.filter(state.approvals.marks.contains)
            return inOrder + state.approvals.marks.subtracting(inOrder).sorted()
        }
        return table.id(at: state.approvals.cursor).map { [$0] } ?? []
    }

    static func start(_ action: Action, _ state: inout UIState, context: UpdateContext) -> [Effect] {
        let workspace = context.workspace
        let ids = targets(state, context: context)
        guard !ids.isEmpty else {
            state.message = StatusMessage(.warning, "no draft to act on")
            return []
        }
        let accepted: Set<SubmissionStatus> = action == .rejectSubmissions ? [.pending, .changesRequested]
            : action == .recordResubmission ? [.changesRequested] : [.pending]
        if let id = ids.first(where: { workspace.submission($0).map { !accepted.contains($0.status) } ?? true }) {
            let status = workspace.submission(id)?.status.label ?? "gone"
            state.message = StatusMessage(.warning, action == .recordResubmission
                ? "\(id) is \(status); a resubmission is recorded for a draft sent back for changes (f shows them)"
                : "\(id) is \(status); only \(action == .rejectSubmissions ? "pending drafts or drafts awaiting changes" : "pending drafts") can be decided")
            return []
        }
        // Drafts named on the palette line were chosen one by one: no "approve N marked?" question.
        let marked = !state.approvals.marks.isEmpty && context.named == nil
        switch action {
        case .approveSubmissions:
            if marked {
                state.prompt = Prompt(.approvals(.confirmApprove(ids)))
                return []
            }
            if let (id, checks) = workspace.approvable(ids).failing.first {
                // Said here in the pane's words; `approve` itself refuses the same draft the same way.
                state.message = StatusMessage(.error, "not approved: \(id) \(checks.map(\.summary).joined(separator: "; ")) · o overrides")
                return []
            }
            return [.performSummarized(.approve(ids), summary: summary("approved", ids, workspace))]
        case .requestChanges: state.prompt = Prompt(.approvals(.changesNote(ids)))
        case .rejectSubmissions: state.prompt = Prompt(.approvals(.rejectionReason(ids)))
        case .approveWithOverride:
            let (passing, _) = workspace.approvable(ids)
            if passing.count == ids.count {
                state.message = StatusMessage(.info, "\(who(ids, workspace)) \(ids.count == 1 ? "passes" : "pass") every check: a approves")
                return []
            }
            state.prompt = Prompt(.approvals(.overrideReason(ids)))
        case .recordResubmission:
            guard ids.count == 1 else {
                state.message = StatusMessage(.warning, "a resubmission is recorded one draft at a time; Esc clears the marks")
                return []
            }
            // The creator usually changes a few words: start from the caption there is.
            state.prompt = Prompt(.approvals(.resubmittedCaption(ids[0])), text: workspace.submission(ids[0])?.caption ?? "")
        default:
            break
        }
        return []
    }

    /// After "approve N marked? y": the drafts that pass are approved as one undoable change;
    /// those that fail a check stay pending and are named with what they fail.
    static func approve(_ ids: [SubmissionID], _ state: inout UIState, workspace: Workspace) -> [Effect] {
        let (passing, failing) = workspace.approvable(ids)
        let left = failing.map { id, checks in
            "\(id) \(handle(id, workspace)) (\(checks.map(\.summary).joined(separator: "; ")))"
        }.joined(separator: ", ")
        guard !passing.isEmpty else {
            state.message = StatusMessage(.error, "none approved: every marked draft fails a check: \(left)")
            return []
        }
        var text = summary("approved", passing, workspace)
        if !failing.isEmpty { text += "; left pending: \(left) — o approves with override" }
        return [.performSummarized(.approve(passing), summary: text)]
    }

    /// "approved SU-0003 @ana.lima", or "approved 12 drafts".
    static func summary(_ verb: String, _ ids: [SubmissionID], _ workspace: Workspace) -> String {
        "\(verb) \(who(ids, workspace))"
    }

    static func who(_ ids: [SubmissionID], _ workspace: Workspace) -> String {
        ids.count == 1 ? "\(ids[0]) \(handle(ids[0], workspace))" : drafts(ids.count)
    }

    static func drafts(_ count: Int) -> String { count == 1 ? "1 draft" : "\(count) drafts" }

    private static func handle(_ id: SubmissionID, _ workspace: Workspace) -> String {
        workspace.submission(id).flatMap { workspace.creator($0.creatorID) }.map { "@" + $0.handle } ?? ""
    }
}
